// Unit tests of the run queues on Ps that no M runs: proc.go's runqput/runqputslow,
// runqget, runqgrab/runqsteal and globrunqget, checked against Go 1.19's numbers.
package glassgo.runtime.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunQueueTest {
    private final Sched sched = new Sched(4, 1);
    private long nextId = 1;

    private G runnable() {
        G g = new G(sched);
        g.goid = nextId++;
        g.casgstatus(G._Gidle, G._Grunnable);
        return g;
    }

    private static List<G> drainLocal(P pp) {
        List<G> out = new ArrayList<>();
        boolean[] inherit = new boolean[1];
        for (G g; (g = pp.runqget(inherit)) != null; ) {
            out.add(g);
        }
        return out;
    }

    @Test
    void runqIsFifoAndRunnextComesFirstWithInheritedTime() {
        P pp = sched.allp[0];
        G a = runnable();
        G b = runnable();
        G c = runnable();
        pp.runqput(a, false);
        pp.runqput(b, false);
        pp.runqput(c, true);
        boolean[] inherit = new boolean[1];
        assertThat(pp.runqget(inherit)).isSameAs(c);
        assertThat(inherit[0]).isTrue();
        assertThat(pp.runqget(inherit)).isSameAs(a);
        assertThat(inherit[0]).isFalse();
        assertThat(pp.runqget(inherit)).isSameAs(b);
        assertThat(pp.runqget(inherit)).isNull();
        assertThat(pp.runqempty()).isTrue();
    }

    @Test
    void newRunnextKicksThePreviousOneToTheTail() {
        P pp = sched.allp[0];
        G a = runnable();
        G b = runnable();
        G c = runnable();
        pp.runqput(a, false);
        pp.runqput(b, true);
        pp.runqput(c, true);
        assertThat(drainLocal(pp)).containsExactly(c, a, b);
    }

    @Test
    void fullRingMovesHalfPlusTheNewGToTheGlobalQueue() {
        P pp = sched.allp[0];
        List<G> gs = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            G g = runnable();
            gs.add(g);
            pp.runqput(g, false);
        }
        // runqputslow: 128 from the head + the 257th = 129 Gs to the global queue.
        assertThat(sched.globalRunqSize()).isEqualTo(129);
        assertThat(pp.runqsize()).isEqualTo(128);
        assertThat(drainLocal(pp)).containsExactlyElementsOf(gs.subList(128, 256));
        List<G> global = new ArrayList<>();
        sched.lock.lock();
        try {
            for (G g; (g = sched.globrunqget(pp, 1)) != null; ) {
                global.add(g);
            }
        } finally {
            sched.lock.unlock();
        }
        List<G> expected = new ArrayList<>(gs.subList(0, 128));
        expected.add(gs.get(256));
        assertThat(global).containsExactlyElementsOf(expected);
    }

    @Test
    void stealTakesHalfRoundedUpAndReturnsTheLastStolen() {
        P victim = sched.allp[1];
        P thief = sched.allp[2];
        List<G> gs = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            G g = runnable();
            gs.add(g);
            victim.runqput(g, false);
        }
        G got = thief.runqsteal(victim, false);
        // n - n/2 = 5 stolen: the first 5; the 5th runs now, 4 wait in the thief's ring.
        assertThat(got).isSameAs(gs.get(4));
        assertThat(thief.runqsize()).isEqualTo(4);
        assertThat(victim.runqsize()).isEqualTo(4);
        assertThat(drainLocal(thief)).containsExactlyElementsOf(gs.subList(0, 4));
        assertThat(drainLocal(victim)).containsExactlyElementsOf(gs.subList(5, 9));
    }

    @Test
    void runnextIsStolenOnlyWhenAskedAndTheRingIsEmpty() {
        P victim = sched.allp[1];
        P thief = sched.allp[2];
        G g = runnable();
        victim.runqput(g, true);
        assertThat(thief.runqsteal(victim, false)).isNull();
        assertThat(thief.runqsteal(victim, true)).isSameAs(g);
        assertThat(victim.runqempty()).isTrue();
    }

    @Test
    void globrunqgetTakesAFairShareIntoTheLocalQueue() {
        P pp = sched.allp[0];
        sched.lock.lock();
        try {
            for (int i = 0; i < 40; i++) {
                sched.globrunqput(runnable());
            }
            // n = min(40, 40/4 + 1) = 11: one returned, 10 moved to the local ring.
            G first = sched.globrunqget(pp, 0);
            assertThat(first.goid()).isEqualTo(1);
            assertThat(pp.runqsize()).isEqualTo(10);
            assertThat(sched.globalRunqSize()).isEqualTo(29);
        } finally {
            sched.lock.unlock();
        }
    }

    @Test
    void concurrentThievesNeverLoseOrDuplicateAG() throws Exception {
        // Owner produces and consumes on P0 while three threads steal from it; every G must
        // come out exactly once. Seeded counts keep the run reproducible.
        P owner = sched.allp[0];
        int total = 200_000;
        List<G> all = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            all.add(runnable());
        }
        Set<G> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger dups = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean producing = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Thread> thieves = new ArrayList<>();
        for (int t = 1; t <= 3; t++) {
            P thief = sched.allp[t];
            Thread th = new Thread(() -> {
                boolean[] inh = new boolean[1];
                while (producing.get() || !owner.runqempty()) {
                    G g = thief.runqsteal(owner, true);
                    if (g != null && !seen.add(g)) {
                        dups.incrementAndGet();
                    }
                    for (G x; (x = thief.runqget(inh)) != null; ) {
                        if (!seen.add(x)) {
                            dups.incrementAndGet();
                        }
                    }
                }
            });
            thieves.add(th);
            th.start();
        }
        java.util.Random rnd = new java.util.Random(42);
        boolean[] inh = new boolean[1];
        for (G g : all) {
            owner.runqput(g, rnd.nextInt(8) == 0);
            if (rnd.nextInt(3) == 0) {
                G x = owner.runqget(inh);
                if (x != null && !seen.add(x)) {
                    dups.incrementAndGet();
                }
            }
        }
        producing.set(false);
        for (Thread th : thieves) {
            th.join();
        }
        for (G x; (x = owner.runqget(inh)) != null; ) {
            if (!seen.add(x)) {
                dups.incrementAndGet();
            }
        }
        sched.lock.lock();
        try {
            for (G x; (x = sched.globrunqget(owner, 1)) != null; ) {
                if (!seen.add(x)) {
                    dups.incrementAndGet();
                }
            }
        } finally {
            sched.lock.unlock();
        }
        assertThat(dups.get()).isZero();
        assertThat(new HashSet<>(all)).isEqualTo(seen);
    }

    @Test
    void stealOrderVisitsEveryPExactlyOncePerPass() {
        RandomOrder order = new RandomOrder(6);
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 100; i++) {
            int[] seq = order.order(rnd.nextInt());
            assertThat(seq).hasSize(6).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        }
    }
}
