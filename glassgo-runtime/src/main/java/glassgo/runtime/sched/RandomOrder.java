// RandomOrder: visits every P exactly once, starting at a random P with a random stride
// coprime to GOMAXPROCS. Mirrors proc.go's randomOrder/randomEnum (stealOrder): work
// stealing must not always hit the same victims first, yet must see every P in a pass.
package glassgo.runtime.sched;

import java.util.ArrayList;
import java.util.List;

/** Go's randomOrder for a fixed number of Ps. */
final class RandomOrder {
    private final int count;
    private final int[] coprimes;

    RandomOrder(int count) {
        this.count = count;
        List<Integer> cps = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (gcd(i, count) == 1) {
                cps.add(i);
            }
        }
        coprimes = cps.stream().mapToInt(Integer::intValue).toArray();
    }

    /** First position visited for random value {@code rnd}. */
    int start(int rnd) {
        return (rnd & 0x7fffffff) % count;
    }

    /** Stride for random value {@code rnd}: coprime with the count, so a pass visits every P. */
    int stride(int rnd) {
        int r = rnd & 0x7fffffff;
        return coprimes[(r / count) % coprimes.length];
    }

    int count() {
        return count;
    }

    /** The position sequence for a random value {@code rnd} (Go's randomOrder.start). */
    int[] order(int rnd) {
        int pos = start(rnd);
        int inc = stride(rnd);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = pos;
            pos = (pos + inc) % count;
        }
        return out;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
