// MainPackage: what `go run` and `go build` make of their arguments (cmd/go/internal/run, load.GoFilesPackage
// and PackagesAndErrors): build flags first, then either a list of .go files or one package directory, then
// (for run) the program's arguments.
package glassgo.cli;

import glassgo.compiler.build.BuildContext;
import glassgo.compiler.build.DirScan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The source files of the main package named on a command line, the program's arguments, {@code -o}'s value
 * and the name go build would give the executable (the first file's name without {@code .go}, or the
 * directory's name).
 */
record MainPackage(List<Path> files, List<String> programArgs, String output, String defaultName) {

    /** go build flags that take their value as the next argument. */
    private static final List<String> VALUE_FLAGS =
            List.of("-o", "-p", "-tags", "-ldflags", "-gcflags", "-asmflags", "-mod", "-toolexec", "-exec");

    /** A usage error, printed as {@code glassgo: <message>}. */
    static final class Error extends Exception {
        Error(String message) {
            super(message);
        }
    }

    /**
     * Parses {@code [build flags] (file.go... | dir) [args]}. {@code allowArgs} is false for build, where
     * everything after the flags names the package.
     */
    static MainPackage parse(List<String> argv, boolean allowArgs) throws Error, IOException {
        String output = null;
        int i = 0;
        while (i < argv.size() && argv.get(i).startsWith("-") && !argv.get(i).endsWith(".go")) {
            String a = argv.get(i++);
            String flag = a.startsWith("--") ? a.substring(1) : a;
            if (flag.equals("-o") && i < argv.size()) {
                output = argv.get(i++);
            } else if (flag.startsWith("-o=")) {
                output = flag.substring(3);
            } else if (VALUE_FLAGS.contains(flag) && i < argv.size()) {
                i++;
            }
        }
        List<Path> files = new ArrayList<>();
        String defaultName;
        if (i < argv.size() && argv.get(i).endsWith(".go")) {
            while (i < argv.size() && argv.get(i).endsWith(".go")) {
                Path p = Path.of(argv.get(i++));
                if (Files.isDirectory(p)) {
                    throw new Error("named files must be .go files: " + p);
                }
                files.add(p);
            }
            String first = files.get(0).getFileName().toString();
            defaultName = first.substring(0, first.length() - 3);
        } else if (i < argv.size()) {
            String target = argv.get(i++);
            Path dir = Path.of(target);
            if (!Files.isDirectory(dir)) {
                throw new Error(target.contains(".") || target.startsWith("/")
                        ? "directory " + target + " not found"
                        : "package " + target + " is not in GOROOT (glassgo runs and builds main packages from "
                                + ".go files or a directory)");
            }
            DirScan scan = DirScan.scan(BuildContext.defaultContext().withCgo(false), dir);
            if (!scan.errors().isEmpty()) {
                throw new Error(String.join("\n", scan.errors()));
            }
            if (scan.goFiles().isEmpty()) {
                throw new Error(scan.noGoMessage());
            }
            for (String f : scan.goFiles()) {
                files.add(dir.resolve(f));
            }
            Path abs = dir.toAbsolutePath().normalize();
            defaultName = abs.getFileName() == null ? "main" : abs.getFileName().toString();
        } else {
            throw new Error("no go files listed");
        }
        List<String> rest = argv.subList(i, argv.size());
        if (!allowArgs && !rest.isEmpty()) {
            throw new Error("glassgo build takes one main package: .go files or one directory (got " + rest + " too)");
        }
        return new MainPackage(List.copyOf(files), List.copyOf(rest), output, defaultName);
    }
}
