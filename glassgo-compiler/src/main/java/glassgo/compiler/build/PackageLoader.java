// Finds packages and their imports for a build: what cmd/go/internal/load does for GOROOT packages.
package glassgo.compiler.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves import paths to directories and loads the import graph of a build, the way the go
 * command does for a program that uses only the standard library:
 * <ol>
 *   <li>A standard package {@code p} lives in {@code GOROOT/src/p}. Inside the standard library,
 *       an import that GOROOT vendors ({@code golang.org/x/...}) resolves to
 *       {@code vendor/golang.org/x/...}, as the go command does for std.</li>
 *   <li>Files or a directory named on the command line form the package
 *       {@code command-line-arguments} (or, for a directory inside GOROOT/src, that package).</li>
 *   <li>{@code unsafe} has no files (the compiler provides it); {@code "C"} (cgo) is never loaded.
 *       cgo files are part of a package when cgo is on, and when named on the command line; the
 *       type checker then accepts every {@code C.name} (go/types' FakeImportC).</li>
 *   <li>Each package is loaded once; imports are followed depth-first in path order, which gives
 *       the dependency order (every package after its imports) and finds import cycles.</li>
 *   <li>Errors use the go command's words: {@code package foo/bar is not in GOROOT (dir)},
 *       {@code import cycle not allowed} with the chain of {@code imports} lines, use of internal
 *       or vendored packages, importing a program, packages with nothing to build.</li>
 * </ol>
 * glassgo has no modules and no GOPATH: a non-standard path (one whose first element has a dot)
 * fails as the go command fails outside a module.
 */
public final class PackageLoader {
    public static final String COMMAND_LINE_ARGUMENTS = "command-line-arguments";

    private final Path goroot;
    private final Path srcRoot;
    private final BuildContext ctx;
    private final Path cwd;
    private final Map<String, LoadedPackage> cache = new HashMap<>();
    private final Map<String, PackageError> failed = new HashMap<>();
    /** Problems the go command finds only when building, after loading succeeded. */
    private final Map<String, PackageError> buildProblems = new HashMap<>();

    /** A loader resolving command-line arguments against the process's working directory. */
    public PackageLoader(Path goroot, BuildContext ctx) {
        this(goroot, ctx, Path.of("").toAbsolutePath());
    }

    /** A loader resolving command-line arguments, and shortening error positions, against cwd. */
    public PackageLoader(Path goroot, BuildContext ctx, Path cwd) {
        this.goroot = goroot;
        this.srcRoot = goroot.resolve("src");
        this.ctx = ctx;
        this.cwd = cwd.toAbsolutePath().normalize();
    }

    public Path goroot() {
        return goroot;
    }

    public BuildContext context() {
        return ctx;
    }

    /** Loads standard packages by import path, with everything they import. */
    public PackageGraph loadImports(List<String> importPaths) {
        Walk w = new Walk();
        List<LoadedPackage> roots = new ArrayList<>();
        for (String path : importPaths) {
            LoadedPackage p = loadStd(path, List.of(), null, w.errors);
            if (p != null) {
                roots.add(p);
                w.visit(p);
            }
        }
        return new PackageGraph(roots, w.order, w.result());
    }

    /**
     * Loads the package named by command-line arguments, as {@code go build} does: either a list
     * of .go files in one directory (build constraints are not applied to files named
     * explicitly, so {@code glassgo run gen.go} works on a {@code //go:build ignore} file) or
     * one directory.
     */
    public PackageGraph loadCommandLine(List<String> args) {
        Walk w = new Walk();
        LoadedPackage root;
        try {
            root = commandLinePackage(args, w.errors);
        } catch (IOException e) {
            w.errors.add(PackageError.withStack(List.of(), e.getMessage()));
            return new PackageGraph(List.of(), List.of(), w.errors);
        } catch (LoadFailure e) {
            w.errors.add(e.error);
            return new PackageGraph(List.of(), List.of(), w.errors);
        }
        w.visit(root);
        return new PackageGraph(List.of(root), w.order, w.result());
    }

    /** Carries a PackageError out of the command-line package construction. */
    private static final class LoadFailure extends Exception {
        final PackageError error;

        LoadFailure(PackageError error) {
            super(error.toString(), null, false, false);
            this.error = error;
        }
    }

    /**
     * The package the arguments name. Problems inside its files (a malformed header, two package
     * names) go to {@code errors} but do not stop the load: a compiler that parses the files
     * anyway can report them in its own words.
     */
    private LoadedPackage commandLinePackage(List<String> args, List<PackageError> errors) throws IOException, LoadFailure {
        if (args.isEmpty()) {
            args = List.of(".");
        }
        if (args.stream().allMatch(a -> a.endsWith(".go"))) {
            return goFilesPackage(args, errors);
        }
        if (args.size() != 1) {
            throw new LoadFailure(PackageError.withStack(List.of(),
                    "glassgo: give one directory or a list of .go files, not " + String.join(" ", args)));
        }
        Path dir = cwd.resolve(args.getFirst()).normalize();
        if (!Files.isDirectory(dir)) {
            throw new LoadFailure(PackageError.withStack(List.of(), "directory " + args.getFirst() + " does not exist"));
        }
        Path abs = dir;
        String importPath = abs.startsWith(srcRoot.toAbsolutePath().normalize()) && !abs.equals(srcRoot.toAbsolutePath().normalize())
                ? srcRoot.toAbsolutePath().normalize().relativize(abs).toString().replace('\\', '/')
                : COMMAND_LINE_ARGUMENTS;
        DirScan scan = DirScan.scan(ctx, dir);
        if (scan.noGoFiles() || scan.goFiles().isEmpty()) {
            throw new LoadFailure(PackageError.withStack(List.of(), scan.noGoFiles()
                    ? scan.noGoMessage() : "no non-test Go files in " + dir));
        }
        scan.errors().forEach(e -> errors.add(PackageError.inSource(e)));
        return toPackage(importPath, scan);
    }

    /** cmd/go's GoFilesPackage: the named files, all in one directory, constraints not applied. */
    private LoadedPackage goFilesPackage(List<String> files, List<PackageError> errors) throws IOException, LoadFailure {
        Path dir = null;
        List<String> names = new ArrayList<>();
        for (String f : files) {
            Path p = cwd.resolve(f).normalize();
            if (!Files.exists(p)) {
                throw new LoadFailure(PackageError.withStack(List.of(), "stat " + f + ": no such file or directory"));
            }
            if (Files.isDirectory(p)) {
                throw new LoadFailure(PackageError.withStack(List.of(), f + " is a directory, should be a Go file"));
            }
            Path d = p.getParent();
            if (dir == null) {
                dir = d;
            } else if (!dir.equals(d)) {
                throw new LoadFailure(PackageError.withStack(List.of(),
                        "named files must all be in one directory; have " + shortPath(dir) + "/ and " + shortPath(d) + "/"));
            }
            names.add(p.getFileName().toString());
        }
        DirScan scan = DirScan.scan(ctx, dir, names, true);
        if (scan.goFiles().isEmpty() && scan.cgoFiles().isEmpty()) {
            throw new LoadFailure(PackageError.withStack(List.of(), "no Go source files"));
        }
        scan.errors().forEach(e -> errors.add(PackageError.inSource(e)));
        return toPackage(COMMAND_LINE_ARGUMENTS, scan);
    }

    /** cmd/go's base.ShortPath: the path relative to the working directory if that is shorter. */
    Path shortPath(Path p) {
        if (!p.isAbsolute()) {
            return p;
        }
        Path rel = cwd.relativize(p.normalize());
        return rel.toString().length() < p.toString().length() ? rel : p;
    }

    private Position shortPos(Position pos) {
        return new Position(shortPath(pos.file()), pos.line(), pos.column());
    }

    /** The package for a standard import path, loaded once; null (with an error) if it cannot be. */
    private LoadedPackage loadStd(String path, List<String> stack, Import from, List<PackageError> errors) {
        LoadedPackage p = cache.get(path);
        if (p != null) {
            return p;
        }
        if (failed.containsKey(path)) {
            return null;
        }
        PackageError err;
        try {
            p = readStd(path, stack, from);
            cache.put(path, p);
            return p;
        } catch (LoadFailure e) {
            err = e.error;
        } catch (IOException e) {
            err = PackageError.withStack(append(stack, path), e.getMessage());
        }
        failed.put(path, err);
        errors.add(err);
        return null;
    }

    private LoadedPackage readStd(String path, List<String> stack, Import from) throws IOException, LoadFailure {
        Path dir = srcRoot.resolve(path);
        if (path.equals("unsafe")) {
            return new LoadedPackage("unsafe", dir, "unsafe", List.of(), List.of());
        }
        if (!Files.isDirectory(dir)) {
            String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            String msg = first.contains(".")
                    ? "no required module provides package " + path
                            + ": go.mod file not found in current directory or any parent directory; see 'go help modules'"
                    : "package " + path + " is not in GOROOT (" + dir + ")";
            throw new LoadFailure(from != null ? PackageError.at(shortPos(from.pos()), msg) : PackageError.withStack(List.of(), msg));
        }
        DirScan scan = DirScan.scan(ctx, dir);
        if (scan.noGoFiles()) {
            throw new LoadFailure(PackageError.withStack(append(stack, path), scan.noGoMessage()));
        }
        if (scan.goFiles().isEmpty() && scan.cgoFiles().isEmpty()) {
            // Only tests: the go command loads it and fails when it comes to compile it.
            buildProblems.put(path, PackageError.withStack(List.of(),
                    "go build " + path + ": no non-test Go files in " + dir));
        }
        if (!scan.errors().isEmpty()) {
            throw new LoadFailure(PackageError.withStack(List.of(), String.join("\n", scan.errors())));
        }
        return toPackage(path, scan);
    }

    /**
     * The package of a scanned directory, its Go and cgo files in name order; inside the standard
     * library, vendored imports are mapped.
     */
    private LoadedPackage toPackage(String importPath, DirScan scan) {
        List<Path> files = java.util.stream.Stream.concat(scan.goFiles().stream(), scan.cgoFiles().stream())
                .sorted().map(scan.dir()::resolve).toList();
        Map<String, String> importMap = new HashMap<>();
        if (!importPath.equals(COMMAND_LINE_ARGUMENTS)) {
            for (Import i : scan.imports()) {
                if (Files.isDirectory(srcRoot.resolve("vendor").resolve(i.path())) && !i.path().startsWith("vendor/")) {
                    importMap.put(i.path(), "vendor/" + i.path());
                }
            }
        }
        return new LoadedPackage(importPath, scan.dir(), scan.name(), files, scan.imports(), importMap);
    }

    private static List<String> append(List<String> stack, String path) {
        List<String> s = new ArrayList<>(stack);
        s.add(path);
        return s;
    }

    /** Depth-first traversal of the import graph: dependency order and cycle detection. */
    private final class Walk {
        final List<LoadedPackage> order = new ArrayList<>();
        final List<PackageError> errors = new ArrayList<>();
        final List<PackageError> buildErrors = new ArrayList<>();
        final Map<String, Boolean> done = new HashMap<>(); // false while on the stack, true when finished
        final Deque<String> stack = new ArrayDeque<>();

        void visit(LoadedPackage p) {
            if (done.containsKey(p.importPath())) {
                return;
            }
            done.put(p.importPath(), false);
            stack.addLast(p.importPath());
            List<String> chain = List.copyOf(stack);
            boolean isStd = !p.importPath().equals(COMMAND_LINE_ARGUMENTS);
            for (Import imp : p.imports()) {
                if (imp.path().equals("C")) {
                    continue;
                }
                String target = p.resolve(imp.path());
                PackageError bad = checkImport(p, isStd, imp, target, chain);
                if (bad != null) {
                    errors.add(bad);
                    continue;
                }
                Boolean state = done.get(target);
                if (Boolean.FALSE.equals(state)) {
                    errors.add(new PackageError(append(chain, target), null, "import cycle not allowed", true));
                    continue;
                }
                if (Boolean.TRUE.equals(state)) {
                    continue;
                }
                LoadedPackage dep = loadStd(target, chain, imp, errors);
                if (dep == null) {
                    continue;
                }
                if (dep.name().equals("main")) {
                    errors.add(PackageError.at(shortPos(imp.pos()), "import \"" + imp.path() + "\" is a program, not an importable package"));
                    continue;
                }
                visit(dep);
            }
            stack.removeLast();
            done.put(p.importPath(), true);
            order.add(p);
            PackageError late = buildProblems.get(p.importPath());
            if (late != null) {
                buildErrors.add(late);
            }
        }

        /** Load errors stop the go command before it builds; build errors show only without them. */
        List<PackageError> result() {
            return errors.isEmpty() ? buildErrors : errors;
        }

        /** The go command's per-import rules: relative paths, vendored and internal packages. */
        private PackageError checkImport(LoadedPackage p, boolean isStd, Import imp, String target, List<String> chain) {
            String path = imp.path();
            if (path.startsWith("./") || path.startsWith("../") || path.equals(".") || path.equals("..")) {
                return PackageError.at(shortPos(imp.pos()),
                        "\"" + path + "\" is relative, but relative import paths are not supported in module mode");
            }
            if (path.startsWith("vendor/") || path.contains("/vendor/")) {
                return PackageError.at(shortPos(imp.pos()), "use of vendored package not allowed");
            }
            String parent = internalParent(target);
            if (parent != null) {
                boolean allowed = isStd && (parent.isEmpty() || p.importPath().equals(parent)
                        || p.importPath().startsWith(parent + "/"));
                if (!allowed) {
                    return new PackageError(chain, shortPos(imp.pos()), "use of internal package " + target + " not allowed", true);
                }
            }
            return null;
        }
    }

    /**
     * For a path with an {@code internal} element, the part before it ("" for a top-level
     * {@code internal/...}); null if the path has no internal element.
     */
    static String internalParent(String path) {
        String[] elems = path.split("/");
        int last = -1;
        for (int i = 0; i < elems.length; i++) {
            if (elems[i].equals("internal")) {
                last = i;
            }
        }
        if (last < 0) {
            return null;
        }
        return String.join("/", java.util.Arrays.copyOfRange(elems, 0, last));
    }
}
