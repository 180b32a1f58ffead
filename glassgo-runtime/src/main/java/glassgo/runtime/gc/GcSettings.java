// GcSettings: the collector's knobs, parsed as Go parses them: GOGC, GOMEMLIMIT and the GODEBUG keys
// gctrace and gcstoptheworld (runtime/runtime1.go, mgcpacer.go's readGOGC/readGOMEMLIMIT), plus glassgo's
// own debug switches, documented in docs/gc.md.
package glassgo.runtime.gc;

import java.util.Map;

/**
 * @param gcPercent      GOGC; -1 = off
 * @param memoryLimit    GOMEMLIMIT in bytes; Long.MAX_VALUE = none
 * @param gctrace        GODEBUG gctrace=1: one line per cycle on stderr
 * @param stopTheWorld   GODEBUG gcstoptheworld=1: the whole cycle runs with the world stopped
 * @param gcstress       GODEBUG gcstress=N (glassgo): start a cycle every N allocations; 0 = off
 * @param poison         GODEBUG gcpoison=1 (glassgo): fill freed objects with 0xdeadbeef words
 * @param verify         GODEBUG gcverify=1 (glassgo): after marking, check no marked object points to an
 *                       unmarked one and no root does (the tricolor invariant), and that nothing marked is free
 */
public record GcSettings(int gcPercent, long memoryLimit, boolean gctrace, boolean stopTheWorld, int gcstress,
                         boolean poison, boolean verify) {

    public static GcSettings defaults() {
        return new GcSettings(100, Long.MAX_VALUE, false, false, 0, false, false);
    }

    /** From an environment map: GOGC, GOMEMLIMIT, GODEBUG. Malformed GOMEMLIMIT fails as Go's does, at startup. */
    public static GcSettings fromEnv(Map<String, String> env) {
        int gogc = readGOGC(env.get("GOGC"));
        long limit = readGOMEMLIMIT(env.get("GOMEMLIMIT"));
        GcSettings s = new GcSettings(gogc, limit, false, false, 0, false, false);
        return s.withGodebug(env.getOrDefault("GODEBUG", ""));
    }

    /** Go's readGOGC: "off" → -1, an integer → itself, anything else → 100. */
    public static int readGOGC(String v) {
        if (v == null || v.isEmpty()) {
            return 100;
        }
        if (v.equals("off")) {
            return -1;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** Go's readGOMEMLIMIT: bytes with an optional B/KiB/MiB/GiB/TiB suffix, or "off". */
    public static long readGOMEMLIMIT(String v) {
        if (v == null || v.isEmpty() || v.equals("off")) {
            return Long.MAX_VALUE;
        }
        String[][] units = {{"TiB", "40"}, {"GiB", "30"}, {"MiB", "20"}, {"KiB", "10"}, {"B", "0"}};
        int shift = 0;
        String num = v;
        for (String[] u : units) {
            if (v.endsWith(u[0])) {
                num = v.substring(0, v.length() - u[0].length());
                shift = Integer.parseInt(u[1]);
                break;
            }
        }
        try {
            long n = Long.parseLong(num);
            if (n < 0 || (shift > 0 && n > (Long.MAX_VALUE >> shift))) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("GOMEMLIMIT=" + v + "\nmalformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`");
        }
    }

    /** Applies comma-separated GODEBUG key=value pairs; unknown keys are ignored, as Go does. */
    public GcSettings withGodebug(String godebug) {
        GcSettings s = this;
        for (String kv : godebug.split(",")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String k = kv.substring(0, eq).trim();
            int val;
            try {
                val = Integer.parseInt(kv.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                continue;
            }
            s = switch (k) {
                case "gctrace" -> new GcSettings(s.gcPercent, s.memoryLimit, val > 0, s.stopTheWorld, s.gcstress, s.poison, s.verify);
                case "gcstoptheworld" -> new GcSettings(s.gcPercent, s.memoryLimit, s.gctrace, val > 0, s.gcstress, s.poison, s.verify);
                case "gcstress" -> new GcSettings(s.gcPercent, s.memoryLimit, s.gctrace, s.stopTheWorld, Math.max(0, val), s.poison, s.verify);
                case "gcpoison" -> new GcSettings(s.gcPercent, s.memoryLimit, s.gctrace, s.stopTheWorld, s.gcstress, val > 0, s.verify);
                case "gcverify" -> new GcSettings(s.gcPercent, s.memoryLimit, s.gctrace, s.stopTheWorld, s.gcstress, s.poison, val > 0);
                default -> s;
            };
        }
        return s;
    }

    public GcSettings withGcPercent(int p) {
        return new GcSettings(p, memoryLimit, gctrace, stopTheWorld, gcstress, poison, verify);
    }

    public GcSettings withMemoryLimit(long l) {
        return new GcSettings(gcPercent, l, gctrace, stopTheWorld, gcstress, poison, verify);
    }
}
