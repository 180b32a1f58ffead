// Fuzz target for the whole front end: scanner, parser and type checker on mutated Go files,
// through the path `glassgo check file.go` takes (what Go's go/types fuzzing does for gc).
package glassgo.compiler.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import glassgo.compiler.ast.File;
import glassgo.compiler.ast.ImportSpec;
import glassgo.compiler.build.GoRoot;
import glassgo.compiler.syntax.FileSet;
import glassgo.compiler.syntax.Parser;
import glassgo.compiler.build.PackageError;
import glassgo.compiler.types.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutants of Go's own test files and of small standard-library files (see {@link Mutator}) are
 * checked one by one as single-file packages. The only allowed outcomes are success or
 * diagnostics shaped {@code file:line:col: message} at a position inside the input; an
 * exception, an internal error of the checker, or an input that takes longer than
 * {@link #PER_INPUT_LIMIT} fails the run. The failing input is saved under target/fuzz-failures/.
 *
 * <p>Default run: checking std's declarations once, then 15 seconds (at most 10,000) of inputs, with
 * a fixed seed. {@code -Dglassgo.long=true}: at least 10^6
 * inputs, with progress (count, inputs/s) printed every 10,000. {@code -Dglassgo.fuzz.seed=N}
 * chooses the seed; {@code -Dglassgo.fuzz.keepGoing=true} lists every finding rather than stopping at
 * the first; {@code -Dglassgo.fuzz.replay=FILE} checks one saved input again.
 */
class FrontEndFuzzTest {
    private static final Duration PER_INPUT_LIMIT = Duration.ofSeconds(10);
    /** file:line:col: message or file:line: message (column 0); messages may span lines. */
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?s)^.+:\\d+(:\\d+)?: \\S.*");

    private final long seed = Long.getLong("glassgo.fuzz.seed", 0x66757a7a);
    /**
     * {@code -Dglassgo.fuzz.keepGoing=true}: a wrong outcome is saved and printed, the run goes on
     * and fails at its end, so one long run can list several findings. A hang still ends the run,
     * since the stuck worker cannot be reused.
     */
    private final boolean keepGoing = Boolean.getBoolean("glassgo.fuzz.keepGoing");
    private final List<AssertionError> findings = new ArrayList<>();

    @TempDir
    Path work;

    @Test
    void fifteenSecondsOfMutantsGiveOnlySuccessOrPositionedDiagnostics() {
        // Capped in count too, so a fast machine does not run into findings a slow one never sees.
        Stats s = fuzz(Duration.ofSeconds(15), 10_000, 0);
        System.out.printf("front-end fuzz: %s (seed %d)%n", s, seed);
        assertThat(s.inputs).isGreaterThan(50);
        // The structure-aware mutations exist so that the checker, not only the parser, is exercised.
        assertThat(s.typeChecked).isGreaterThan(s.inputs / 10);
    }

    @Test
    @EnabledIfSystemProperty(named = "glassgo.long", matches = "true")
    void millionMutantsGiveOnlySuccessOrPositionedDiagnostics() {
        Stats s = fuzz(Duration.ofDays(2), 1_000_000, 10_000);
        System.out.printf("front-end fuzz (long): %s (seed %d)%n", s, seed);
        assertThat(s.inputs).isGreaterThanOrEqualTo(1_000_000);
    }

    /** {@code -Dglassgo.fuzz.replay=FILE}: checks one saved input again and prints what it gave. */
    @Test
    @EnabledIfSystemProperty(named = "glassgo.fuzz.replay", matches = ".+")
    void savedInputGivesOnlySuccessOrPositionedDiagnostics() throws IOException {
        Path goroot = GoRoot.find().orElseThrow();
        byte[] input = Files.readAllBytes(Path.of(System.getProperty("glassgo.fuzz.replay")));
        SingleFileCheck checker = new SingleFileCheck(goroot, work, List.copyOf(new java.util.TreeSet<>(STD_IMPORTS)));
        checker.renewIfDue();
        SingleFileCheck.Outcome out = checker.check(input);
        out.loadErrors().forEach(e -> System.out.println("load: " + e));
        if (out.result() != null) {
            out.result().errors().forEach(d -> System.out.println(d));
        }
        assertThat(judge(out, input, checker.file().toString())).isNull();
    }

    /** Counts of one run. */
    private static final class Stats {
        long inputs;
        long typeChecked;
        long withErrors;
        long nanos;

        @Override
        public String toString() {
            return String.format("%d inputs (%d type-checked, %d with diagnostics) in %.1f s, %.0f inputs/s",
                    inputs, typeChecked, withErrors, nanos / 1e9, inputs / Math.max(nanos / 1e9, 1e-9));
        }
    }

    private Stats fuzz(Duration budget, long maxInputs, long reportEvery) {
        Path goroot = GoRoot.find().orElse(null);
        assumeTrue(goroot != null && Files.isDirectory(goroot.resolve("test")), GoRoot.HOW_TO_GET_ONE);
        List<byte[]> corpus = corpus(goroot);
        Mutator mutator = new Mutator(corpus);
        SingleFileCheck checker = new SingleFileCheck(goroot, work, List.copyOf(new java.util.TreeSet<>(STD_IMPORTS)));
        Random rnd = new Random(seed);
        Stats stats = new Stats();
        long start = System.nanoTime();
        long deadline = Long.MAX_VALUE;
        // One worker thread, so an input that hangs can be abandoned and reported.
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "front-end-fuzz", 512L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            while (stats.inputs < maxInputs && System.nanoTime() < deadline) {
                long index = stats.inputs;
                byte[] input;
                try {
                    input = mutator.next(rnd);
                } catch (RuntimeException | Error e) {
                    // The mutator scans and parses its inputs too: a failure there is a finding.
                    throw new AssertionError("seed " + seed + " input " + index + ": the mutator's scan or parse failed", e);
                }
                // Checking std (once) is not the input's time: it gets a limit of its own.
                long t0 = System.nanoTime();
                Future<Boolean> renewed = worker.submit(checker::renewIfDue);
                try {
                    if (renewed.get(5, TimeUnit.MINUTES)) {
                        System.out.printf("front-end fuzz: std imports checked in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                    }
                } catch (ExecutionException | TimeoutException e) {
                    throw new AssertionError("fuzz: checking std for a new session failed", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("fuzz: interrupted", e);
                }
                Future<SingleFileCheck.Outcome> f = worker.submit(() -> checker.check(input));
                SingleFileCheck.Outcome out;
                try {
                    out = f.get(PER_INPUT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    throw failure(input, index, "took longer than " + PER_INPUT_LIMIT.toSeconds() + " s", null);
                } catch (ExecutionException e) {
                    found(failure(input, index, "threw " + e.getCause(), e.getCause()));
                    stats.inputs++;
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("fuzz: interrupted", e);
                }
                String bad = judge(out, input, checker.file().toString());
                if (bad != null) {
                    found(failure(input, index, bad, null));
                }
                stats.inputs++;
                if (out.result() != null) {
                    stats.typeChecked++;
                }
                if (index == 0) {
                    // The budget is for inputs: std was checked before the first one.
                    deadline = System.nanoTime() + budget.toNanos();
                }
                if (!out.loadErrors().isEmpty() || (out.result() != null && !out.result().errors().isEmpty())) {
                    stats.withErrors++;
                }
                if (reportEvery > 0 && stats.inputs % reportEvery == 0) {
                    stats.nanos = System.nanoTime() - start;
                    System.out.printf("front-end fuzz: %s%n", stats);
                    System.out.flush();
                }
            }
        } finally {
            worker.shutdownNow();
        }
        stats.nanos = System.nanoTime() - start;
        if (!findings.isEmpty()) {
            AssertionError all = new AssertionError(findings.size() + " wrong outcomes in " + stats + "; first: "
                    + findings.getFirst().getMessage(), findings.getFirst());
            findings.stream().skip(1).forEach(all::addSuppressed);
            throw all;
        }
        return stats;
    }

    /** Records a wrong outcome, or ends the run with it. */
    private void found(AssertionError e) {
        if (!keepGoing) {
            throw e;
        }
        findings.add(e);
    }

    /** Null if the outcome is success or well-formed diagnostics; otherwise what is wrong. */
    private static String judge(SingleFileCheck.Outcome out, byte[] input, String filename) {
        for (PackageError pe : out.loadErrors()) {
            if (pe.toString().isBlank()) {
                return "load error without a message";
            }
        }
        Session.Result r = out.result();
        if (r == null) {
            return out.loadErrors().isEmpty() ? "neither a result nor a load error" : null;
        }
        if (r.internalError() != null) {
            return "internal error in the checker: " + r.internalError();
        }
        // A //line directive legitimately moves positions to another file name and line.
        String text = new String(input, StandardCharsets.ISO_8859_1);
        boolean lineDirective = text.contains("//line ") || text.contains("/*line ");
        for (Session.Diagnostic d : r.errors()) {
            String s = d.toString();
            // gc too prints "//line :10" positions without a file name (":10: ..."); glassgo as go/token.
            if (!DIAGNOSTIC.matcher(s).matches() && !(lineDirective && !d.msg().isBlank())) {
                return "diagnostic not shaped file:line:col: message: " + s;
            }
            if (!d.pos().isValid() || d.pos().offset() < 0 || d.pos().offset() > input.length) {
                return "diagnostic outside the input: " + s;
            }
            if (!lineDirective && !d.pos().filename().equals(filename)) {
                return "diagnostic in another file: " + s;
            }
        }
        return null;
    }

    /** Saves the input under target/fuzz-failures/ and builds the failure that names it. */
    private AssertionError failure(byte[] input, long index, String what, Throwable cause) {
        Path dir = Path.of("target", "fuzz-failures");
        Path saved = dir.resolve("seed" + seed + "-input" + index + ".go");
        try {
            Files.createDirectories(dir);
            Files.write(saved, input);
        } catch (IOException e) {
            saved = null;
        }
        String where = saved == null ? "(could not be saved)" : "saved as " + saved.toAbsolutePath();
        String msg = "seed " + seed + " input " + index + " " + what + "; input " + where;
        System.out.println("front-end fuzz FAILURE: " + msg);
        return new AssertionError(msg, cause);
    }

    /**
     * Go's test suite (files under 64 KiB) and small standard-library files (under 8 KiB, not
     * tests, not cmd/): together the whole grammar and most of the type rules.
     */
    private static List<byte[]> corpus(Path goroot) {
        List<byte[]> out = new ArrayList<>();
        addFiles(out, goroot.resolve("test"), 64 * 1024, p -> true);
        Path src = goroot.resolve("src");
        addFiles(out, src, 8 * 1024, p -> !src.relativize(p).startsWith("cmd")
                && !p.getFileName().toString().endsWith("_test.go") && !p.toString().contains("testdata"));
        assertThat(out).hasSizeGreaterThan(1000);
        return out;
    }

    /**
     * Standard packages a corpus file may import. Checking std's declarations costs seconds per
     * hundred packages on these machines, so the corpus keeps to files whose imports are among these
     * (and their dependencies): that is most of Go's test files, and the std files that use them.
     */
    private static final java.util.Set<String> STD_IMPORTS = java.util.Set.of("unsafe", "errors", "fmt", "os",
            "strings", "strconv", "sort", "math", "runtime", "sync", "sync/atomic", "reflect", "unicode/utf8",
            "time", "io", "bytes");

    /** Whether every import of src is one of {@link #STD_IMPORTS}. */
    private static boolean importsOnlyKnownStd(byte[] src) {
        File f = Parser.parseFile(new FileSet(), "c.go", src, (p, m) -> { });
        for (ImportSpec spec : f.imports) {
            if (!STD_IMPORTS.contains(spec.path.value.replaceAll("^[\"`]|[\"`]$", ""))) {
                return false;
            }
        }
        return true;
    }

    private static void addFiles(List<byte[]> out, Path dir, long maxSize, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".go") && keep.test(p)).sorted().toList()) {
                if (Files.isRegularFile(p) && Files.size(p) < maxSize) {
                    byte[] src = Files.readAllBytes(p);
                    if (importsOnlyKnownStd(src)) {
                        out.add(src);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
