// The files of one package directory, sorted into the lists go/build.Package keeps (build.go, Import).
package glassgo.compiler.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What go/build's Import finds in a directory: for each .go file, whether the build uses it, as
 * package code, cgo code, an in-package test or an external ({@code _test}) test; the package
 * name; the imports of the package code with their first positions; and file-level errors
 * (malformed headers, conflicting package names).
 */
public record DirScan(Path dir, String name, List<String> goFiles, List<String> cgoFiles, List<String> testGoFiles,
                      List<String> xTestGoFiles, List<String> ignoredGoFiles, List<Import> imports, List<String> errors) {

    /** go/build's NoGoError: no package or test files at all. */
    public boolean noGoFiles() {
        return goFiles.isEmpty() && cgoFiles.isEmpty() && testGoFiles.isEmpty() && xTestGoFiles.isEmpty();
    }

    /**
     * cmd/go's wording when a package has nothing to build: constraints excluded every file, only
     * tests exist, or there are no .go files.
     */
    public String noGoMessage() {
        if (!ignoredGoFiles.isEmpty()) {
            return "build constraints exclude all Go files in " + dir;
        }
        if (!testGoFiles.isEmpty() || !xTestGoFiles.isEmpty()) {
            return "no non-test Go files in " + dir;
        }
        return "no Go files in " + dir;
    }

    /** Scans every file of dir (sorted by name), applying all build constraints. */
    public static DirScan scan(BuildContext ctx, Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(f -> !Files.isDirectory(f)).map(f -> f.getFileName().toString()).sorted().forEach(names::add);
        }
        return scan(ctx, dir, names, false);
    }

    /**
     * Scans the named files of dir. With {@code useAllFiles} (files named on a command line, as
     * {@code go run gen.go}) name suffixes and build constraint comments are not applied, and cgo
     * files are kept even while cgo is off: a file named explicitly is checked, its {@code C.name}s
     * as go/types' FakeImportC mode checks them (Go's test suite runs such files with cgo on).
     */
    public static DirScan scan(BuildContext ctx, Path dir, List<String> names, boolean useAllFiles) throws IOException {
        List<String> goFiles = new ArrayList<>();
        List<String> cgoFiles = new ArrayList<>();
        List<String> testGoFiles = new ArrayList<>();
        List<String> xTestGoFiles = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Import> imports = new TreeMap<>();
        String pkgName = "";
        String firstFile = "";
        for (String file : names) {
            if (file.startsWith("_") || file.startsWith(".") || !file.endsWith(".go")) {
                continue;
            }
            if (!useAllFiles && !ctx.goodOSArchFile(file)) {
                ignored.add(file);
                continue;
            }
            Path path = dir.resolve(file);
            GoFileReader.Header header = GoFileReader.readFile(path);
            byte[] content = header.bytes();
            GoFileInfo info = header.info();
            try {
                if (!useAllFiles && !ctx.shouldBuild(content)) {
                    ignored.add(file);
                    continue;
                }
            } catch (BuildContext.BuildError e) {
                errors.add(file + ": " + e.getMessage());
                continue;
            }
            if (info.error() != null) {
                errors.add(info.error());
            }
            String pkg = info.packageName() == null ? "" : info.packageName();
            if (pkg.equals("documentation")) {
                ignored.add(file);
                continue;
            }
            boolean isTest = file.endsWith("_test.go");
            boolean isXTest = false;
            if (isTest && pkg.endsWith("_test") && !pkgName.equals(pkg)) {
                isXTest = true;
                pkg = pkg.substring(0, pkg.length() - "_test".length());
            }
            if (pkgName.isEmpty()) {
                pkgName = pkg;
                firstFile = file;
            } else if (!pkg.equals(pkgName)) {
                errors.add("found packages " + pkgName + " (" + firstFile + ") and " + pkg + " (" + file + ") in " + dir);
            }
            boolean isCgo = info.importsC();
            if (isCgo && isTest) {
                errors.add("use of cgo in test " + path + " not supported");
            }
            if (isCgo) {
                if (ctx.cgoEnabled() || useAllFiles) {
                    cgoFiles.add(file);
                    addImports(imports, info);
                } else {
                    ignored.add(file); // cgo files are ignored, imports and all, when cgo is off
                }
            } else if (isXTest) {
                xTestGoFiles.add(file);
            } else if (isTest) {
                testGoFiles.add(file);
            } else {
                goFiles.add(file);
                addImports(imports, info);
            }
        }
        return new DirScan(dir, pkgName, goFiles, cgoFiles, testGoFiles, xTestGoFiles, ignored,
                new ArrayList<>(imports.values()), errors);
    }

    private static void addImports(Map<String, Import> imports, GoFileInfo info) {
        for (Import i : info.imports()) {
            imports.putIfAbsent(i.path(), i);
        }
    }
}
