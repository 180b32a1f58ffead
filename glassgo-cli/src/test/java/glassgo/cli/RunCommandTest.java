// RunCommandTest: end-to-end runs of the Go programs under src/test/go/run through `glassgo run`, compared
// with what the real Go 1.19 toolchain printed for them (the .out files beside each program).
package glassgo.cli;

import glassgo.runtime.mutator.Print;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {
    private static final Path PROGRAMS = Path.of("src/test/go/run");

    record Outcome(int exit, String output) {}

    /** Runs {@code glassgo run file} in-process, capturing print output and the runner's messages together. */
    static Outcome run(Path file) {
        return run(file, Map.of("GOGC", "100"));
    }

    static Outcome run(Path file, Map<String, String> env) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Print.setOutput(buf);
        int exit = RunCommand.run(List.of("-gcflags=-N", file.toString()), env, err);
        Print.flush();
        return new Outcome(exit, buf.toString(StandardCharsets.UTF_8));
    }

    @AfterEach
    void restorePrint() {
        Print.setOutput(new java.io.FileOutputStream(java.io.FileDescriptor.err));
    }

    /**
     * Each program's output equals Go's. A program whose .out has a "panic:" line must exit with status 2
     * and print Go's panic text (the .out holds Go's report up to the goroutine trace, which differs).
     */
    @TestFactory
    Stream<DynamicTest> programsPrintWhatGoPrints() throws IOException {
        List<Path> programs;
        try (Stream<Path> s = Files.list(PROGRAMS)) {
            programs = s.filter(p -> p.toString().endsWith(".go")).sorted().toList();
        }
        assertThat(programs).hasSizeGreaterThanOrEqualTo(6);
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String want = Files.readString(Path.of(p.toString().replaceFirst("\\.go$", ".out")));
            Outcome got = run(p);
            if (want.contains("\npanic: ") || want.startsWith("panic: ")) {
                assertThat(got.exit).isEqualTo(2);
                assertThat(maskPc(got.output)).startsWith(maskPc(want.stripTrailing()));
            } else {
                assertThat(got.output).isEqualTo(want);
                assertThat(got.exit).isZero();
            }
        }));
    }

    /** Program counters in Go's [signal ...] line are addresses of Go's machine code: not comparable. */
    private static String maskPc(String s) {
        return s.replaceAll("pc=0x[0-9a-f]+", "pc=?");
    }

    /**
     * The collector runs (about 100 cycles on a quiet machine) during gcstress.go with freed memory poisoned and every mark verified: a
     * pointer that compiled code held where the stack scan could not see it would change the checksum or
     * trip the verifier.
     */
    @Test
    void pointersInFramesSurviveFrequentPoisonedCollections() throws IOException {
        Path p = PROGRAMS.resolve("gcstress.go");
        Outcome o = run(p, Map.of("GOGC", "1", "GODEBUG", "gcpoison=1,gcverify=1,gctrace=1"));
        assertThat(o.exit).isZero();
        // how many cycles fit in the run depends on the machine's load (~100 on a quiet one); at least one must
        assertThat(o.output).contains("gc 1 @").endsWith(Files.readString(PROGRAMS.resolve("gcstress.out")));
    }

    /**
     * Bar 3 of issue 5: a println-only program allocating over ten times its live heap completes under the
     * collector's poison-and-verify mode with gctrace showing cycles, at GOMAXPROCS=1 and 2.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1", "2"})
    void tenTimesTheLiveHeapCollectsCleanlyUnderPoisonAndVerify(String procs) throws IOException {
        Path p = PROGRAMS.resolve("gcheap10x.go");
        Outcome o = run(p, Map.of("GOMAXPROCS", procs, "GODEBUG", "gcpoison=1,gcverify=1,gctrace=1"));
        assertThat(o.exit).isZero();
        long cycles = o.output.lines().filter(l -> l.startsWith("gc ") && l.endsWith(", " + procs + " P")).count();
        assertThat(cycles).as("gctrace lines at GOMAXPROCS=%s in%n%s", procs, o.output).isGreaterThanOrEqualTo(3);
        assertThat(o.output).doesNotContain("gcverify").endsWith(Files.readString(PROGRAMS.resolve("gcheap10x.out")));
    }

    /** Infinite recursion ends as Go's does: the stack-overflow fatal error and exit status 2, no JVM StackOverflowError. */
    @Test
    void infiniteRecursionIsGosStackOverflow(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("inf.go");
        Files.writeString(f, "package main\n\nfunc f(n int) int {\n\treturn f(n+1) + 1\n}\n\nfunc main() {\n\tprintln(f(0))\n}\n");
        Outcome o = run(f);
        assertThat(o.exit).isEqualTo(2);
        assertThat(o.output).startsWith("runtime: goroutine stack exceeds 1000000000-byte limit\n")
                .contains("\nfatal error: stack overflow").doesNotContain("java.");
    }

    @Test
    void compileErrorsPrintCheckerPositionsAndExitOne(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.go");
        Files.writeString(f, "package main\n\nfunc main() {\n\tx := 1\n}\n");
        Outcome o = run(f);
        assertThat(o.exit).isEqualTo(1);
        assertThat(o.output).contains(f + ":4:2: x declared but not used");
    }

    @Test
    void unsupportedFeaturesGiveOneLineAndExitTwo(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("imp.go");
        Files.writeString(f, "package main\n\nimport \"os\"\n\nfunc main() {\n\tos.Exit(3)\n}\n");
        Outcome o = run(f);
        assertThat(o.exit).isEqualTo(2);
        assertThat(o.output).startsWith("glassgo: unsupported: ").contains(f + ":").doesNotContain("Exception");
        assertThat(o.output.strip().lines().count()).isEqualTo(1);
    }

    /**
     * Every goroutine blocked: Go's "fatal error: all goroutines are asleep - deadlock!" with the blocked
     * goroutine's wait reason, exit status 2. Run in a JVM of its own: a scheduler that failed keeps its Ms,
     * and later programs of this JVM ran out of Java stack sooner (stackmove.go).
     */
    @Test
    void deadlockIsAFatalErrorWithExitStatusTwo() throws IOException, InterruptedException {
        Path p = Path.of("src/test/go/fatal/deadlock.go");
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--") || a.startsWith("-Xss")).toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "glassgo.cli.Main", "run", p.toString()));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(proc.waitFor()).isEqualTo(2);
        assertThat(out).startsWith(Files.readString(Path.of("src/test/go/fatal/deadlock.out")).stripTrailing());
    }

    /** Issue bar 4: 10^5 goroutines alive at once exchange values over channels (long suite: about a minute loaded). */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "glassgo.long", matches = "true")
    void hundredThousandGoroutinesExchangeValues() throws IOException {
        Path p = Path.of("src/test/go/long/goroutines1e5.go");
        Outcome o = run(p);
        assertThat(o.exit).isZero();
        assertThat(o.output).isEqualTo(Files.readString(Path.of("src/test/go/long/goroutines1e5.out")));
    }
}
