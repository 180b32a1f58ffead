// BuildCommand: `glassgo build`: mirrors `go build` (cmd/go/internal/work): a main package becomes an
// executable; other packages are compiled (today: loaded and type-checked) and the result discarded.
package glassgo.cli;

import glassgo.compiler.build.GoFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code glassgo build [-o output] [build flags] (file.go... | dir)} writes an executable for a main package:
 * {@code -o}'s path (inside it if it is a directory), else the first file's name without {@code .go} or the
 * directory's name, in the current directory, as go build names it (see {@link Executable} for what the file
 * is). Packages that are not main — import paths, {@code std}, or directories of another package — are loaded
 * and type-checked as {@link CheckCommand} does and nothing is written, as go build discards non-main results.
 * Exit status: 0, 1 for errors in the program, 2 for usage errors and unsupported features, 3 internal.
 */
@Command(name = "build", description = "Compile packages; a main package becomes an executable (-o file).")
final class BuildCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "ARG")
    List<String> args = new ArrayList<>();

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> all = new ArrayList<>(unmatched);
        all.addAll(args);
        return run(all, Path.of(""));
    }

    static int run(List<String> argv, Path cwd) {
        if (!namesMainPackage(argv)) {
            return CheckCommand.run(argv, System.out, System.err);
        }
        MainPackage pkg;
        try {
            pkg = MainPackage.parse(argv, false);
        } catch (MainPackage.Error | IOException e) {
            System.err.println("glassgo: " + e.getMessage());
            return 1;
        }
        RunCommand.Compilation c = RunCommand.compile(pkg.files(), System.err);
        if (c.code() == null) {
            return c.status();
        }
        Path out = cwd.resolve(pkg.output() != null ? pkg.output() : pkg.defaultName());
        if (Files.isDirectory(out)) {
            out = out.resolve(pkg.defaultName());
        }
        try {
            Executable.write(out, c.code(), "glassgo build " + String.join(" ", argv));
        } catch (IOException | RuntimeException e) {
            System.err.println("glassgo: writing " + out + ": " + e);
            return 1;
        }
        return 0;
    }

    /** Whether the arguments name .go files or a directory holding package main (not import paths or std). */
    private static boolean namesMainPackage(List<String> argv) {
        try {
            MainPackage pkg = MainPackage.parse(argv, true);
            if (pkg.files().isEmpty()) {
                return false;
            }
            return "main".equals(GoFileReader.readFile(pkg.files().get(0)).info().packageName());
        } catch (MainPackage.Error | IOException | RuntimeException e) {
            return false;
        }
    }
}
