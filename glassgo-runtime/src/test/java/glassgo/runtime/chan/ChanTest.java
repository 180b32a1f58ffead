// Tests of glassgo's Go channels: FIFO buffered and unbuffered transfer, a 10^5-goroutine ring,
// select's uniform choice, close waking every waiter, Go's panics and wait reasons, and pointer
// elements kept alive by the buffer while the collector runs.
package glassgo.runtime.chan;

import glassgo.runtime.gc.GcSettings;
import glassgo.runtime.gc.classic.ClassicCollector;
import glassgo.runtime.malloc.GoType;
import glassgo.runtime.mutator.GoPanic;
import glassgo.runtime.maps.TypedMem;
import glassgo.runtime.mutator.Body;
import glassgo.runtime.mutator.Frame;
import glassgo.runtime.mutator.Globals;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import glassgo.runtime.sched.FatalError;
import glassgo.runtime.sched.GoRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChanTest {
    static final GoType INT64 = GoType.noscan("int64", 8);
    static final GoType PTR = GoType.withPointers("*node", 8, 0);
    static final GoType NODE = GoType.noscan("node", 16);

    private static long scratch(long bytes) {
        return Arena.global().allocate(bytes, 8).address();
    }

    private static Mutator.Stats run(int procs, Body body) throws InterruptedException {
        try (Mutator mu = Mutator.create(new Mutator.Config(procs, 1L << 30, 3))) {
            mu.run(body);
            return mu.stats();
        }
    }

    private static void send(Goroutine g, long c, long v, long buf) {
        TypedMem.putLong(buf, v);
        Chan.chansend1(g, c, buf);
    }

    private static long recv(Goroutine g, long c, long buf) {
        Chan.chanrecv1(g, c, buf);
        return TypedMem.getLong(buf);
    }

    @Test
    void bufferedAndUnbufferedChannelsDeliverEveryValueInOrder() throws InterruptedException {
        for (long cap : new long[] {0, 1, 7, 64}) {
            List<Long> got = new ArrayList<>();
            run(2, g -> {
                Globals gl = g.mutator().globals("c", 2);
                gl.set(0, Chan.makechan(g, INT64, cap));
                gl.set(1, Chan.makechan(g, INT64, 0));
                g.go(p -> {
                    long buf = scratch(8);
                    for (long i = 0; i < 20_000; i++) {
                        send(p, gl.get(0), i * 3, buf);
                    }
                    Chan.closechan(p, gl.get(0));
                });
                long buf = scratch(8);
                TypedMem.putLong(buf, -1);
                while (Chan.chanrecv2(g, gl.get(0), buf)) {
                    got.add(TypedMem.getLong(buf));
                    assertThat(Chan.chanlen(gl.get(0))).isBetween(0L, cap);
                }
                assertThat(TypedMem.getLong(buf)).as("a closed channel gives the zero value").isZero();
                assertThat(Chan.chancap(gl.get(0))).isEqualTo(cap);
            });
            assertThat(got).hasSize(20_000);
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i)).as("cap %d, value %d", cap, i).isEqualTo(i * 3L);
            }
        }
    }

    /** n goroutines in a ring of buffered channels; each passes every value on, plus one, {@code laps} times. */
    private static void ring(int procs, int n, int laps) throws InterruptedException {
        long t0 = System.nanoTime();
        AtomicLong sum = new AtomicLong();
        run(procs, g -> {
            Globals chans = g.mutator().globals("ring", n + 1);
            for (int i = 0; i <= n; i++) {
                chans.set(i, Chan.makechan(g, INT64, 1));
            }
            long slots = scratch(8L * (n + 1));
            for (int i = 0; i < n; i++) {
                int me = i;
                g.go(p -> {
                    long v = slots + 8L * me;
                    for (int lap = 0; lap < laps; lap++) {
                        Chan.chanrecv1(p, chans.get(me), v);
                        TypedMem.putLong(v, TypedMem.getLong(v) + 1);
                        Chan.chansend1(p, chans.get(me + 1), v);
                    }
                });
            }
            long v = slots + 8L * n;
            g.go(p -> {
                long w = scratch(8);
                for (int lap = 0; lap < laps; lap++) {
                    send(p, chans.get(0), lap * 1_000_000L, w);
                }
            });
            for (int lap = 0; lap < laps; lap++) {
                Chan.chanrecv1(g, chans.get(n), v);
                sum.addAndGet(TypedMem.getLong(v) - lap * 1_000_000L);
            }
        });
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("chan ring: %d goroutines x %d laps, GOMAXPROCS=%d: %.2f s (%.0f ns/hop)%n", n, laps, procs,
                secs, secs * 1e9 / ((double) n * laps));
        assertThat(sum.get()).as("every lap's value went through all %d goroutines", n).isEqualTo((long) n * laps);
    }

    @Test
    void aRingOfAHundredThousandGoroutinesPassesValuesOverBufferedChannels() throws InterruptedException {
        ring(2, 100_000, 3);
    }

    @Test
    @EnabledIfSystemProperty(named = "glassgo.long", matches = "true")
    void ringLongRun() throws InterruptedException {
        ring(1, 100_000, 20);
        ring(2, 100_000, 20);
    }

    @Test
    void selectChoosesAmongReadyCasesUniformly() throws InterruptedException {
        int ncases = 4;
        int tries = 40_000;
        int[] counts = new int[ncases + 1];
        run(1, g -> {
            Globals gl = g.mutator().globals("c", ncases);
            long buf = scratch(8);
            for (int i = 0; i < ncases; i++) {
                gl.set(i, Chan.makechan(g, INT64, tries));
                // Cases 0 and 1 receive (their channels always hold values); 2 and 3 send (always room).
            }
            for (int i = 2; i < ncases; i++) {
                for (int k = 0; k < tries; k++) {
                    send(g, gl.get(i), k, buf);
                }
            }
            long cas = scratch(16L * ncases);
            long elems = scratch(8L * ncases);
            for (int t = 0; t < tries; t++) {
                // sends first: cases 0,1 send on channels 0,1; cases 2,3 receive from channels 2,3
                for (int i = 0; i < ncases; i++) {
                    TypedMem.putLong(cas + 16L * i, gl.get(i));
                    TypedMem.putLong(cas + 16L * i + 8, elems + 8L * i);
                }
                long r = Select.selectgo(g, cas, 2, 2, true);
                counts[Select.caseIndex(r)]++;
                if (Select.caseIndex(r) >= 2) {
                    assertThat(Select.recvOK(r)).isTrue();
                }
            }
            // A select whose only ready case is the default returns -1.
            long empty = Chan.makechan(g, INT64, 0);
            TypedMem.putLong(cas, empty);
            TypedMem.putLong(cas + 8, elems);
            long r = Select.selectgo(g, cas, 0, 1, false);
            counts[ncases] += Select.caseIndex(r) == -1 ? 1 : 0;
        });
        double expected = tries / (double) ncases;
        double sd = Math.sqrt(tries * 0.25 * 0.75);
        for (int i = 0; i < ncases; i++) {
            assertThat(Math.abs(counts[i] - expected)).as("case %d chosen %d times of %d", i, counts[i], tries)
                    .isLessThan(5 * sd);
        }
        assertThat(counts[ncases]).isEqualTo(1);
    }

    @Test
    void selectBlocksUntilOneCaseProceedsAndTakesExactlyThatOne() throws InterruptedException {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        run(2, g -> {
            Globals gl = g.mutator().globals("c", 3);
            for (int i = 0; i < 3; i++) {
                gl.set(i, Chan.makechan(g, INT64, 0));
            }
            AtomicInteger done = new AtomicInteger();
            // Three selecting goroutines wait on all three channels; each value wakes exactly one of them.
            for (int s = 0; s < 3; s++) {
                g.go(p -> {
                    long cas = scratch(48);
                    long elems = scratch(24);
                    for (int i = 0; i < 3; i++) {
                        TypedMem.putLong(cas + 16L * i, gl.get(i));
                        TypedMem.putLong(cas + 16L * i + 8, elems + 8L * i);
                    }
                    long r = Select.selectgo(p, cas, 0, 3, true);
                    int ci = Select.caseIndex(r);
                    log.add(ci + ":" + TypedMem.getLong(elems + 8L * ci));
                    done.incrementAndGet();
                });
            }
            long buf = scratch(8);
            for (int i = 0; i < 3; i++) {
                send(g, gl.get(i), 100 + i, buf);
            }
            while (done.get() < 3) {
                g.gosched();
            }
        });
        assertThat(log).containsExactlyInAnyOrder("0:100", "1:101", "2:102");
    }

    @Test
    void closeWakesEveryReceiverWithZeroAndEverySenderWithAPanic() throws InterruptedException {
        int receivers = 200;
        int senders = 50;
        AtomicInteger zeroNotOk = new AtomicInteger();
        AtomicInteger sendPanics = new AtomicInteger();
        AtomicInteger selectsClosed = new AtomicInteger();
        run(2, g -> {
            Globals gl = g.mutator().globals("c", 2);
            gl.set(0, Chan.makechan(g, INT64, 0));
            gl.set(1, Chan.makechan(g, INT64, 2));
            AtomicInteger exited = new AtomicInteger();
            for (int i = 0; i < receivers; i++) {
                int k = i;
                g.go(p -> {
                    long buf = scratch(8);
                    TypedMem.putLong(buf, 12345);
                    if (k % 4 == 0) {
                        long cas = scratch(16);
                        TypedMem.putLong(cas, gl.get(0));
                        TypedMem.putLong(cas + 8, buf);
                        long r = Select.selectgo(p, cas, 0, 1, true);
                        if (!Select.recvOK(r) && TypedMem.getLong(buf) == 0) {
                            selectsClosed.incrementAndGet();
                        }
                    } else if (!Chan.chanrecv2(p, gl.get(0), buf) && TypedMem.getLong(buf) == 0) {
                        zeroNotOk.incrementAndGet();
                    }
                    exited.incrementAndGet();
                });
            }
            for (int i = 0; i < senders; i++) {
                g.go(p -> {
                    try {
                        send(p, gl.get(1), 1, scratch(8));   // two fit in the buffer, the rest block
                    } catch (GoPanic e) {
                        if (e.getMessage().equals("send on closed channel")) {
                            sendPanics.incrementAndGet();
                        }
                    }
                    exited.incrementAndGet();
                });
            }
            while (exited.get() < 2 || Chan.chanlen(gl.get(1)) < 2) {
                g.gosched();                              // let everyone block
            }
            for (int i = 0; i < 50; i++) {
                g.gosched();
            }
            Chan.closechan(g, gl.get(0));
            Chan.closechan(g, gl.get(1));
            while (exited.get() < receivers + senders) {
                g.gosched();
            }
            // The two buffered values survive the close and are received before ok turns false.
            long buf = scratch(8);
            assertThat(Chan.chanrecv2(g, gl.get(1), buf)).isTrue();
            assertThat(Chan.chanrecv2(g, gl.get(1), buf)).isTrue();
            assertThat(Chan.chanrecv2(g, gl.get(1), buf)).isFalse();
        });
        assertThat(zeroNotOk.get() + selectsClosed.get()).isEqualTo(receivers);
        assertThat(selectsClosed.get()).isEqualTo(receivers / 4);
        assertThat(sendPanics.get()).isEqualTo(senders - 2);
    }

    @Test
    void closeAndSendPanicWithGosTexts() throws InterruptedException {
        List<String> msgs = new ArrayList<>();
        run(1, g -> {
            long buf = scratch(8);
            try (Frame f = g.frame(1)) {
                f.set(0, Chan.makechan(g, INT64, 3));
                for (Runnable r : List.<Runnable>of(
                        () -> Chan.closechan(g, 0),
                        () -> Chan.closechan(g, f.get(0)),
                        () -> Chan.closechan(g, f.get(0)),
                        () -> send(g, f.get(0), 1, buf),
                        () -> Chan.selectnbsend(g, f.get(0), buf),
                        () -> Chan.makechan(g, INT64, -1))) {
                    try {
                        r.run();
                        msgs.add("ok");
                    } catch (GoPanic e) {
                        msgs.add(e.getMessage());
                    }
                }
                assertThat(Chan.selectnbrecv(g, f.get(0), buf)).isEqualTo(Chan.SELECTED);
            }
        });
        assertThat(msgs).containsExactly("close of nil channel", "ok", "close of closed channel",
                "send on closed channel", "send on closed channel", "makechan: size out of range");
    }

    @Test
    void nonBlockingOperationsOnNilAndEmptyChannelsFailWithoutBlocking() throws InterruptedException {
        run(1, g -> {
            long buf = scratch(8);
            assertThat(Chan.selectnbsend(g, 0, buf)).isFalse();
            assertThat(Chan.selectnbrecv(g, 0, buf)).isZero();
            try (Frame f = g.frame(1)) {
                f.set(0, Chan.makechan(g, INT64, 1));
                assertThat(Chan.selectnbrecv(g, f.get(0), buf)).isZero();
                TypedMem.putLong(buf, 9);
                assertThat(Chan.selectnbsend(g, f.get(0), buf)).isTrue();
                assertThat(Chan.selectnbsend(g, f.get(0), buf)).as("full").isFalse();
                TypedMem.putLong(buf, 0);
                assertThat(Chan.selectnbrecv(g, f.get(0), buf)).isEqualTo(Chan.SELECTED | Chan.RECEIVED);
                assertThat(TypedMem.getLong(buf)).isEqualTo(9);
            }
        });
    }

    private static FatalError deadlock(Body body) {
        return catchThrowableOfType(FatalError.class, () -> run(1, body));
    }

    @Test
    void blockedGoroutinesShowGosWaitReasons() {
        FatalError e = deadlock(g -> {
            long buf = scratch(8);
            Globals gl = g.mutator().globals("c", 1);
            gl.set(0, Chan.makechan(g, INT64, 0));
            g.go(p -> Chan.chanrecv1(p, 0, buf));
            g.go(p -> Chan.chansend1(p, 0, buf));
            g.go(p -> Chan.chanrecv1(p, gl.get(0), buf));
            g.go(p -> Chan.chansend1(p, gl.get(0) == 0 ? 0 : Chan.makechan(p, INT64, 0), buf));
            g.go(p -> {
                long cas = scratch(16);
                TypedMem.putLong(cas, gl.get(0));
                TypedMem.putLong(cas + 8, buf);
                Select.selectgo(p, cas, 0, 1, true);
            });
            g.go(Select::block);
            g.go(p -> {
                long cas = scratch(32);                     // two cases, both on nil channels
                TypedMem.putLong(cas + 8, buf);
                TypedMem.putLong(cas + 24, buf);
                Select.selectgo(p, cas, 1, 1, true);
            });
            Chan.chanrecv1(g, gl.get(0), buf);
        });
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("all goroutines are asleep - deadlock!");
        assertThat(e.goroutineHeaders()).containsExactly(
                "goroutine 1 [chan receive]:",
                "goroutine 2 [chan receive (nil chan)]:",
                "goroutine 3 [chan send (nil chan)]:",
                "goroutine 4 [chan receive]:",
                "goroutine 5 [chan send]:",
                "goroutine 6 [select]:",
                "goroutine 7 [select (no cases)]:",
                "goroutine 8 [select]:");
    }

    @Test
    void pointerElementsInTheBufferStayAliveWhileTheCollectorRuns() throws InterruptedException {
        GcSettings s = GcSettings.defaults().withGodebug("gcpoison=1,gcverify=1,gcstress=50");
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        int n = 30_000;
        int cycles;
        try (Mutator mu = Mutator.create(new Mutator.Config(2, 1L << 30, 9))) {
            ClassicCollector c = ClassicCollector.attach(mu, s, new PrintStream(OutputStream.nullOutputStream()));
            mu.run(g -> {
                Globals gl = g.mutator().globals("c", 1);
                gl.set(0, Chan.makechan(g, PTR, 64));
                g.go(p -> {
                    try (Frame f = p.frame(1)) {
                        for (long i = 0; i < n; i++) {
                            p.preemptPoll();
                            long node = p.mutator().alloc(NODE);
                            p.mutator().writeLong(node, 0, i);
                            p.mutator().writeLong(node, 8, ~i);
                            f.set(0, node);                         // the value sent: a frame slot
                            Chan.chansend1(p, gl.get(0), f.slotAddr(0));
                            f.set(0, 0);                            // from now on only the channel holds it
                            p.mutator().allocBytes(48);             // garbage, to keep cycles coming
                        }
                    }
                });
                try (Frame f = g.frame(1)) {
                    for (long i = 0; i < n; i++) {
                        g.preemptPoll();
                        Chan.chanrecv1(g, gl.get(0), f.slotAddr(0));
                        long node = f.get(0);
                        long a = g.mutator().readLong(node, 0);
                        long b = g.mutator().readLong(node, 8);
                        if (a != i || b != ~i) {
                            problems.add("value " + i + ": got " + Long.toHexString(a) + "/" + Long.toHexString(b));
                        }
                        f.set(0, 0);
                    }
                }
            });
            cycles = c.numGC();
        }
        assertThat(problems).isEmpty();
        assertThat(cycles).isGreaterThan(10);
    }

    @Test
    void goroutinesOnTwoPsHammeringOneChannelLoseAndDuplicateNothing() throws InterruptedException {
        int producers = 8;
        int per = 5_000;
        AtomicLong total = new AtomicLong();
        AtomicLong count = new AtomicLong();
        AtomicInteger finished = new AtomicInteger();
        run(2, g -> {
            Globals gl = g.mutator().globals("c", 2);
            gl.set(0, Chan.makechan(g, INT64, 3));
            gl.set(1, Chan.makechan(g, INT64, 0));
            for (int pi = 0; pi < producers; pi++) {
                int base = pi * per;
                g.go(p -> {
                    long buf = scratch(8);
                    for (int i = 0; i < per; i++) {
                        // Alternate plain sends and selects over the two channels.
                        if ((i & 1) == 0) {
                            send(p, gl.get(0), base + i, buf);
                        } else {
                            long cas = scratch(32);
                            TypedMem.putLong(buf, base + i);
                            TypedMem.putLong(cas, gl.get(0));
                            TypedMem.putLong(cas + 8, buf);
                            TypedMem.putLong(cas + 16, gl.get(1));
                            TypedMem.putLong(cas + 24, buf);
                            Select.selectgo(p, cas, 2, 0, true);
                        }
                    }
                    finished.incrementAndGet();
                });
            }
            for (int k = 0; k < 2; k++) {
                int which = k;
                g.go(p -> {
                    long buf = scratch(8);
                    while (true) {
                        Chan.chanrecv1(p, gl.get(which), buf);
                        total.addAndGet(TypedMem.getLong(buf));
                        count.incrementAndGet();
                    }
                });
            }
            // Wait for the producers too: goroutines still inside a channel operation when main returns
            // would be abandoned mid-call.
            while (count.get() < (long) producers * per || finished.get() < producers) {
                GoRuntime.sleep(1_000_000);
            }
        });
        long n = (long) producers * per;
        assertThat(count.get()).isEqualTo(n);
        assertThat(total.get()).isEqualTo(n * (n - 1) / 2);
    }
}
