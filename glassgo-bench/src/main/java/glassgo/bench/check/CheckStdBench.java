// CheckStdBench: the speed of `glassgo check std` in a warm JVM — gc's front end (parse and
// type-check) over the whole standard library, as Go's compiler does it for `go build std`.
package glassgo.bench.check;

import glassgo.compiler.build.BuildContext;
import glassgo.compiler.build.GoRoot;
import glassgo.compiler.build.LoadedPackage;
import glassgo.compiler.build.PackageError;
import glassgo.compiler.build.PackageGraph;
import glassgo.compiler.build.PackageLoader;
import glassgo.compiler.build.StdList;
import glassgo.compiler.types.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the work of {@code glassgo check std} (StdList, PackageLoader.loadImports, a new Session
 * checking every package) several times in one JVM and prints the warm time:
 * {@code check std: P packages, L lines, T s warm (min of N), R lines/s}, with the median too.
 * Each iteration starts from the files on disk, so it includes loading and parsing. A plain main
 * rather than JMH: one iteration takes seconds, and what matters is the warm whole-run time.
 *
 * <p>Usage: {@code CheckStdBench [warmups] [iterations]} (default 2 and 5).
 */
public final class CheckStdBench {
    private CheckStdBench() {}

    /** What one iteration measured. */
    private record Run(long nanos, int packages, long lines, int errors) {}

    public static void main(String[] args) throws IOException {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path goroot = GoRoot.find().orElse(null);
        if (goroot == null) {
            System.err.println("CheckStdBench: " + GoRoot.HOW_TO_GET_ONE);
            System.exit(2);
        }
        for (int i = 0; i < warmups; i++) {
            Run r = once(goroot);
            System.out.printf("warm-up %d: %.2f s%n", i + 1, r.nanos / 1e9);
        }
        long[] times = new long[iterations];
        Run last = null;
        for (int i = 0; i < iterations; i++) {
            last = once(goroot);
            times[i] = last.nanos;
            System.out.printf("iteration %d: %.2f s%n", i + 1, last.nanos / 1e9);
        }
        Arrays.sort(times);
        double min = times[0] / 1e9;
        double median = (iterations % 2 == 1 ? times[iterations / 2]
                : (times[iterations / 2 - 1] + times[iterations / 2]) / 2) / 1e9;
        if (last.errors != 0) {
            System.out.printf("check std: %d errors or internal errors (glassgo check std should report none)%n", last.errors);
        }
        System.out.printf("check std: %d packages, %d lines, %.2f s warm (min of %d; median %.2f s), %.0f lines/s%n",
                last.packages, last.lines, min, iterations, median, last.lines / min);
    }

    /** One `glassgo check std`: list, load, parse and check; line counting is outside the timed part. */
    private static Run once(Path goroot) throws IOException {
        long start = System.nanoTime();
        BuildContext ctx = BuildContext.defaultContext();
        PackageLoader loader = new PackageLoader(goroot, ctx);
        PackageGraph g = loader.loadImports(StdList.list(goroot, ctx));
        int errors = 0;
        for (PackageError pe : g.errors()) {
            // As the CLI: std lists packages that only have test files; there is nothing to check there.
            if (!pe.message().contains(": no non-test Go files in ")) {
                errors++;
            }
        }
        Session session = new Session();
        List<Session.Result> results = session.check(g);
        long nanos = System.nanoTime() - start;
        long lines = 0;
        for (Session.Result r : results) {
            errors += r.errors().size() + (r.internalError() != null ? 1 : 0);
            lines += lines(r.source());
        }
        return new Run(nanos, results.size(), lines, errors);
    }

    private static long lines(LoadedPackage p) throws IOException {
        long n = 0;
        for (Path f : p.goFiles()) {
            for (byte b : Files.readAllBytes(f)) {
                if (b == '\n') {
                    n++;
                }
            }
        }
        return n;
    }
}
