// GcPhase: the collector's phase variable, with Go's names. Mirrors runtime/mgc.go's gcphase constants.
package glassgo.runtime.gc;

/**
 * Go 1.19 has three phases: {@code _GCoff} (sweeping in the background, write barrier off, allocation
 * white), {@code _GCmark} (marking, barrier on, allocation black) and {@code _GCmarktermination}
 * (the world is stopped, marking finishes). The phase changes only with the world stopped.
 */
public final class GcPhase {
    private GcPhase() {}

    public static final int _GCoff = 0;
    public static final int _GCmark = 1;
    public static final int _GCmarktermination = 2;

    public static String name(int phase) {
        return switch (phase) {
            case _GCoff -> "_GCoff";
            case _GCmark -> "_GCmark";
            case _GCmarktermination -> "_GCmarktermination";
            default -> throw new IllegalArgumentException("runtime: unknown gcphase " + phase);
        };
    }
}
