// Tests of the glassgo lab workloads at small sizes: each checks the workload's own result against an
// independent formula, the summary line's documented shape, and the Go-style failure paths.
package glassgo.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import glassgo.cli.Main;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.sched.Sema;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LabWorkloadsTest {
    static final LabEnv TWO_PS = LabEnv.from(Map.of("GOMAXPROCS", "2"));
    static final Pattern SUMMARY = Pattern.compile("summary: workload=\\w+ gomaxprocs=\\d+ gogc=(\\d+|off) gomemlimit=(\\d+|off)"
            + " wall=\\d+\\.\\d{3}s allocs=\\d+ alloc-bytes=\\d+\\.\\dMB peak-heap=\\d+\\.\\dMB peak-mapped=\\d+\\.\\dMB"
            + " peak-rss=\\d+\\.\\dMB goroutines=\\d+ cycles=\\d+");

    static LabReport run(LabWorkload w, LabEnv env) throws Exception {
        LabReport r = w.run(env, System.err);
        assertThat(r.summaryLine()).matches(SUMMARY);
        assertThat(r.noteLine()).startsWith("note: collector: concurrent mark-sweep, GOGC=" + env.gogcText()
                + ", GOMEMLIMIT=" + env.memoryLimitText());
        return r;
    }

    static LabEnv env(String... kv) {
        Map<String, String> m = new java.util.HashMap<>(Map.of("GOMAXPROCS", "2"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return LabEnv.from(m);
    }

    /** A churn that allocates about 70 MB around a 2 MB live set. */
    static Churn smallChurn() {
        Churn w = new Churn();
        w.liveMB = 2;
        w.ops = 20_000;
        w.sizes = new long[] {8, 16, 100, 3000, 33000};
        w.goroutines = 3;
        return w;
    }

    /** Nodes in a complete binary tree of depth d: the benchmark's check value. */
    static long nodes(int d) {
        return (1L << (d + 1)) - 1;
    }

    @Test
    void bintreeChecksMatchTheNodeCountFormula() throws Exception {
        BinaryTrees w = new BinaryTrees();
        w.depth = 8;
        LabReport r = run(w, TWO_PS);
        assertThat(r.results().get("stretch")).isEqualTo(nodes(9));
        assertThat(r.results().get("longLived")).isEqualTo(nodes(8));
        long expectedAllocs = nodes(9) + nodes(8);
        for (int d = 4; d <= 8; d += 2) {
            long iterations = 1L << (8 - d + 4);
            assertThat(r.results().get("depth" + d)).isEqualTo(iterations * nodes(d));
            assertThat(r.lines()).contains(iterations + "\t trees of depth " + d + "\t check: " + iterations * nodes(d));
            expectedAllocs += iterations * nodes(d);
        }
        assertThat(r.lines().getFirst()).isEqualTo("stretch tree of depth 9\t check: 1023");
        assertThat(r.stats().memStats().mallocs()).isEqualTo(expectedAllocs);
        assertThat(r.stats().explicitFrees()).isZero();
        assertThat(r.stats().goroutines()).isEqualTo(1 + 3);
    }

    @Test
    void bintreeTreesSurviveBackToBackCyclesWithTheirChecksIntact() throws Exception {
        BinaryTrees w = new BinaryTrees();
        w.depth = 10;
        // A whole (stop-the-world) cycle every 2000 allocations: any tree node freed while its tree is still
        // referenced from a frame or the global would corrupt the check values (and gcverify would throw).
        LabReport r = run(w, env("GODEBUG", "gcstoptheworld=1,gcstress=2000,gcverify=1,gcpoison=1"));
        assertThat(r.stats().gcCycles()).isGreaterThan(20);
        assertThat(r.results().get("longLived")).isEqualTo(nodes(10));
        for (int d = 4; d <= 10; d += 2) {
            assertThat(r.results().get("depth" + d)).isEqualTo((1L << (10 - d + 4)) * nodes(d));
        }
    }

    @Test
    void churnUnderTheCollectorKeepsTheHeapNearTheGoalInsteadOfGrowingByWhatItAllocates() throws Exception {
        LabReport r = run(smallChurn(), TWO_PS);
        long slots = (Long) r.results().get("slots");
        long mean = (16 + 16 + 104 + 3000 + 33000) / 5;
        assertThat(slots).isEqualTo((2L << 20) / mean);
        assertThat(r.stats().memStats().mallocs()).isEqualTo(slots + 20_000);
        assertThat(r.stats().explicitFrees()).isZero();
        long allocated = r.stats().memStats().totalAlloc();
        assertThat(allocated).isGreaterThan(60L << 20);
        // GOGC=100 over a ~2 MB live set: goals of 4 MiB; the peak stays a small fraction of what was allocated
        // (generous for a loaded machine, where marking lags and the heap overshoots its goal).
        assertThat(r.stats().gcCycles()).isGreaterThanOrEqualTo(4);
        assertThat(r.peakHeapLive()).isGreaterThanOrEqualTo(2L << 20).isLessThan(allocated / 3);
        assertThat(r.peakMapped()).isGreaterThanOrEqualTo(r.peakHeapLive() / 2);
    }

    @Test
    void gogcOffRunsNoCycleAndKeepsEverything() throws Exception {
        Churn w = smallChurn();
        w.ops = 2000;
        LabReport r = run(w, env("GOGC", "off"));
        assertThat(r.stats().gcCycles()).isZero();
        assertThat(r.peakHeapLive()).isGreaterThanOrEqualTo(r.stats().memStats().totalAlloc());
    }

    @Test
    void lowerGogcRunsMoreCycles() throws Exception {
        int low = run(smallChurn(), env("GOGC", "25")).stats().gcCycles();
        int high = run(smallChurn(), env("GOGC", "400")).stats().gcCycles();
        assertThat(low).isGreaterThan(2 * high);
    }

    @Test
    void gomemlimitWithGogcOffStillCollects() throws Exception {
        LabReport r = run(smallChurn(), env("GOGC", "off", "GOMEMLIMIT", "12MiB"));
        assertThat(r.env.memoryLimit()).isEqualTo(12L << 20);
        assertThat(r.stats().gcCycles()).isPositive();
        // The 5% bar is measured by glassgo-bench/pacing.sh at full size; here only that the limit bounds the
        // heap at all (a loaded machine may overshoot a small limit while marking lags).
        assertThat(r.peakHeapLive()).isLessThan(r.stats().memStats().totalAlloc() / 3);
    }

    @Test
    void gctracePrintsOneGoFormatLinePerCycle() throws Exception {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        LabReport r = smallChurn().run(env("GODEBUG", "gctrace=1"), new PrintStream(trace, true));
        String[] lines = trace.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(r.stats().gcCycles());
        for (int i = 0; i < lines.length; i++) {
            assertThat(lines[i]).matches("gc " + (i + 1) + " @\\d+\\.\\d{3}s \\d+%: .* ms clock, .* ms cpu, "
                    + "\\d+->\\d+->\\d+ MB, \\d+ MB goal, \\d+ MB stacks, \\d+ MB globals, 2 P");
        }
    }

    @Test
    void pingpongCountsEveryExchangeOverChannelsAndSemaphores() throws Exception {
        for (String via : new String[] {"chan", "sema"}) {
            PingPong w = new PingPong();
            w.n = 3000;
            w.pairs = 3;
            w.via = via;
            LabReport r = run(w, TWO_PS);
            assertThat(r.results()).containsEntry("exchanges", 9000L).containsEntry("wrong", 0L);
            assertThat(r.lines().getFirst()).matches("pingpong: 9000 exchanges via " + via + " in 3 pairs, \\d+\\.\\d ns/exchange, 0 wrong replies");
            assertThat(r.stats().goroutines()).isEqualTo(7);
        }
    }

    @Test
    void workersSumEqualsTheDirectSum() throws Exception {
        Workers w = new Workers();
        w.workers = 5;
        w.jobs = 400;
        w.jobsize = 300;
        LabReport r = run(w, TWO_PS);
        assertThat(r.results().get("total")).isEqualTo(Workers.expected(400, 300));
        assertThat(r.stats().memStats().mallocs()).isEqualTo(400);
    }

    @Test
    void workersArraysStayIntactWhileCyclesRunAroundThem() throws Exception {
        Workers w = new Workers();
        w.workers = 3;
        w.jobs = 300;
        w.jobsize = 2000;
        // A whole cycle every 20 allocations with poisoning: an array freed mid-job would change the sum.
        // (A tick that lands while another goroutine's cycle runs starts none, so fewer than 300/20 cycles run.)
        LabReport r = run(w, env("GODEBUG", "gcstoptheworld=1,gcstress=20,gcpoison=1"));
        assertThat(r.stats().gcCycles()).isGreaterThanOrEqualTo(3);
        assertThat(r.results().get("total")).isEqualTo(Workers.expected(300, 2000));
    }

    @Test
    void envParsingFollowsGo() {
        LabEnv e = LabEnv.from(Map.of("GOMAXPROCS", "3", "GOGC", "off", "GOMEMLIMIT", "100MiB",
                "GODEBUG", "schedtrace=10,gctrace=1,foo=bar,bad"));
        assertThat(e.gomaxprocs()).isEqualTo(3);
        assertThat(e.gogcText()).isEqualTo("off");
        assertThat(e.memoryLimit()).isEqualTo(100L << 20);
        assertThat(e.memoryLimitText()).isEqualTo("104857600");
        assertThat(e.schedtraceMillis()).isEqualTo(10);
        assertThat(e.godebugNotes()).containsExactly("schedtrace=10 (honoured)", "gctrace=1 (honoured)",
                "foo=bar (not supported by glassgo's runtime yet; ignored)");
        assertThat(e.gcSettings()).isEqualTo(new glassgo.runtime.gc.GcSettings(-1, 100L << 20, true, false, 0, false, false));
        assertThat(LabEnv.from(Map.of()).memoryLimitText()).isEqualTo("off");
        assertThat(LabEnv.from(Map.of("GOMAXPROCS", "zero", "GOGC", "junk")).gogc()).isEqualTo(100);
        assertThat(LabEnv.from(Map.of("GOMAXPROCS", "-1")).gomaxprocs()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void schedtracePrintsSchedLines() throws Exception {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        LabWorkload slow = new LabWorkload() {
            @Override
            protected String name() {
                return "sleepy";
            }

            @Override
            protected void body(Goroutine g, Mutator mu, LabReport out) {
                g.sleep(60_000_000);
            }
        };
        slow.run(LabEnv.from(Map.of("GOMAXPROCS", "2", "GODEBUG", "schedtrace=10")), new PrintStream(trace, true));
        assertThat(trace.toString(StandardCharsets.UTF_8)).containsPattern("SCHED \\d+ms: gomaxprocs=2 idleprocs=\\d");
    }

    @Test
    void deadlockIsGosFatalErrorWithExitStatus2() {
        LabWorkload stuck = new LabWorkload() {
            @Override
            protected String name() {
                return "stuck";
            }

            @Override
            protected void body(Goroutine g, Mutator mu, LabReport out) {
                new Sema(0).acquire();
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = stuck.execute(TWO_PS, new PrintStream(out, true), new PrintStream(err, true));
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("fatal error: all goroutines are asleep - deadlock!\n")
                .contains("goroutine 1 [semacquire]:").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void cliGcstressEndsWithTheOracleLineAndExitsZeroWhenNothingWasFound() {
        int[] rc = new int[1];
        String[] io = cli(rc, "lab", "gcstress", "-ops", "20000", "-mutators", "2", "-every", "200", "-poison");
        assertThat(rc[0]).as(io[1]).isZero();
        String[] lines = io[0].split("\n");
        assertThat(lines[lines.length - 1])
                .matches("gcstress: 20000 ops, [1-9][0-9]* cycles, [0-9]+ objects freed, 0 violations");
    }

    @Test
    void cliGcstressRejectsZeroOpsAsAUsageError() {
        int[] rc = new int[1];
        String[] io = cli(rc, "lab", "gcstress", "-ops", "0");
        assertThat(rc[0]).isEqualTo(2);
        assertThat(io[1]).contains("-ops and -mutators must be at least 1");
    }

    /** Runs the real command line, capturing stdout and stderr. */
    static String[] cli(int[] rc, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            rc[0] = Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void cliRunsBintreeAndPrintsResultsSummaryAndNote() {
        int[] rc = new int[1];
        String[] io = cli(rc, "lab", "bintree", "-depth", "6");
        assertThat(rc[0]).as(io[1]).isZero();
        String[] lines = io[0].split("\n");
        assertThat(lines).hasSize(6); // stretch, depths 4 and 6, long lived, summary, note
        assertThat(lines[0]).isEqualTo("stretch tree of depth 7\t check: 255");
        assertThat(lines[1]).isEqualTo("64\t trees of depth 4\t check: 1984");
        assertThat(lines[2]).isEqualTo("16\t trees of depth 6\t check: 2032");
        assertThat(lines[3]).isEqualTo("long lived tree of depth 6\t check: 127");
        assertThat(lines[4]).matches(SUMMARY).contains("workload=bintree");
        assertThat(lines[5]).startsWith("note: collector: ");
    }

    @Test
    void cliMalformedGomemlimitIsGosStartupFatalError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new BinaryTrees().execute(Map.of("GOMEMLIMIT", "64MB"), new PrintStream(out, true), new PrintStream(err, true));
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("GOMEMLIMIT=64MB\nfatal error: malformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void cliHelpListsWorkloadsAndFlags() {
        int[] rc = new int[1];
        String[] io = cli(rc, "lab", "-h");
        assertThat(rc[0]).isZero();
        assertThat(io[0]).contains("churn", "bintree", "pingpong", "workers");
        io = cli(rc, "lab", "churn", "-h");
        assertThat(rc[0]).isZero();
        assertThat(io[0]).contains("-live", "-ops", "-sizes", "-goroutines", "-heapcap");
    }

    @Test
    void cliBadFlagsAreUsageErrors() {
        int[] rc = new int[1];
        String[] io = cli(rc, "lab", "churn", "-live", "lots");
        assertThat(rc[0]).isEqualTo(2);
        assertThat(io[1]).contains("-live").doesNotContain("\tat ");
        cli(rc, "lab", "nosuch");
        assertThat(rc[0]).isEqualTo(2);
        cli(rc, "lab");
        assertThat(rc[0]).isEqualTo(2);
        io = cli(rc, "lab", "pingpong", "-via", "smoke");
        assertThat(rc[0]).isEqualTo(2);
        assertThat(io[1]).contains("-via chan or sema");
    }

    @Test
    void cliOutOfMemoryIsGosFatalError() {
        int[] rc = new int[1];
        String[] io = cli(rc, "lab", "churn", "-live", "200", "-heapcap", "64", "-ops", "10", "-goroutines", "1");
        assertThat(rc[0]).isEqualTo(2);
        assertThat(io[1]).matches("(?s)runtime: out of memory: cannot allocate \\d+-byte block \\(\\d+ in use\\)\nfatal error: out of memory\n");
        assertThat(io[0]).isEmpty();
    }
}
