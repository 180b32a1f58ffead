// Timer and the per-P timer heap. Mirrors time.go's timer and its 4-ary min-heap on each
// P (p.timers, p.timer0When). glassgo's timers only serve sleep so far: a timer is added,
// fires once (goroutineReady) and is gone; Go's deletion/modification state machine
// (timerDeleted, timerModifiedEarlier, ...) is not needed until time.Timer.Stop/Reset exist.
package glassgo.runtime.sched;

import java.util.Arrays;

/** A one-shot timer that readies a sleeping G at {@code when} (Go's timer with f = goroutineReady). */
final class Timer {
    /** Absolute nanoTime at which the timer fires. */
    long when;
    /** The G to ready when the timer fires. */
    final G g;

    Timer(G g) {
        this.g = g;
    }

    /** A 4-ary min-heap of timers ordered by {@code when} (time.go: siftupTimer/siftdownTimer). */
    static final class Heap {
        private Timer[] t = new Timer[8];
        private int n;

        int size() {
            return n;
        }

        /** The earliest deadline, or 0 when empty (Go's timer0When convention). */
        long earliest() {
            return n == 0 ? 0 : t[0].when;
        }

        void add(Timer tm) {
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
            }
            t[n] = tm;
            siftUp(n++);
        }

        /** Remove and return the earliest timer. */
        Timer pop() {
            Timer top = t[0];
            t[0] = t[--n];
            t[n] = null;
            if (n > 0) {
                siftDown(0);
            }
            return top;
        }

        private void siftUp(int i) {
            Timer tm = t[i];
            while (i > 0) {
                int p = (i - 1) / 4;
                if (tm.when >= t[p].when) {
                    break;
                }
                t[i] = t[p];
                i = p;
            }
            t[i] = tm;
        }

        private void siftDown(int i) {
            Timer tm = t[i];
            while (true) {
                int c = i * 4 + 1;
                if (c >= n) {
                    break;
                }
                int best = c;
                for (int k = c + 1; k < Math.min(c + 4, n); k++) {
                    if (t[k].when < t[best].when) {
                        best = k;
                    }
                }
                if (t[best].when >= tm.when) {
                    break;
                }
                t[i] = t[best];
                i = best;
            }
            t[i] = tm;
        }
    }
}
