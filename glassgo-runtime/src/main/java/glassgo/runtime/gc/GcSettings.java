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
 * @param pacertrace     GODEBUG gcpacertrace=1: the pacer's two lines per cycle on stderr, Go's format
 */
public record GcSettings(int gcPercent, long memoryLimit, boolean gctrace, boolean stopTheWorld, int gcstress,
                         boolean poison, boolean verify, boolean pacertrace) {

    /** Settings without gcpacertrace. */
    public GcSettings(int gcPercent, long memoryLimit, boolean gctrace, boolean stopTheWorld, int gcstress,
                      boolean poison, boolean verify) {
        this(gcPercent, memoryLimit, gctrace, stopTheWorld, gcstress, poison, verify, false);
    }

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

    /** Go's readGOGC: "off" → -1, a decimal int32 (atoi32: optional '-', digits only) → itself, else 100. */
    public static int readGOGC(String v) {
        if (v == null || v.isEmpty()) {
            return 100;
        }
        if (v.equals("off")) {
            return -1;
        }
        Long n = atoi64(v);
        return n == null || n != (int) (long) n ? 100 : (int) (long) n;
    }

    /**
     * Go's readGOMEMLIMIT (parseByteCount): "off" or unset → none; otherwise a non-negative decimal count
     * with an optional suffix B, KiB, MiB, GiB or TiB (no "MB"), at most MaxInt64 bytes. Anything else fails,
     * with Go's message after the "GOMEMLIMIT=v" line.
     */
    public static long readGOMEMLIMIT(String v) {
        if (v == null || v.isEmpty() || v.equals("off")) {
            return Long.MAX_VALUE;
        }
        long n = parseByteCount(v);
        if (n < 0) {
            throw new IllegalArgumentException("GOMEMLIMIT=" + v + "\nmalformed GOMEMLIMIT; see `go doc runtime/debug.SetMemoryLimit`");
        }
        return n;
    }

    /** parseByteCount; -1 when malformed. */
    static long parseByteCount(String s) {
        char last = s.charAt(s.length() - 1);
        if (last >= '0' && last <= '9') {
            Long n = atoi64(s);
            return n == null || n < 0 ? -1 : n;
        }
        if (last != 'B' || s.length() < 2) {
            return -1;
        }
        char c = s.charAt(s.length() - 2);
        if (c >= '0' && c <= '9') {
            Long n = atoi64(s.substring(0, s.length() - 1));
            return n == null || n < 0 ? -1 : n;
        }
        if (c != 'i' || s.length() < 4) {
            return -1;
        }
        int shift = switch (s.charAt(s.length() - 3)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            default -> -1;
        };
        Long n = shift < 0 ? null : atoi64(s.substring(0, s.length() - 3));
        if (n == null || n < 0 || n > (Long.MAX_VALUE >> shift)) {
            return -1;
        }
        return n << shift;
    }

    /** Go's runtime atoi64: an optional '-' then decimal digits (none is 0), no overflow; null if malformed. */
    static Long atoi64(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean neg = s.charAt(0) == '-';
        String digits = neg ? s.substring(1) : s;
        long un = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            // Accumulate negatively so that MinInt64 fits; reject anything past the int64 range.
            if (un < (Long.MIN_VALUE + (c - '0')) / 10) {
                return null;
            }
            un = un * 10 - (c - '0');
        }
        if (!neg && un == Long.MIN_VALUE) {
            return null;
        }
        return neg ? un : -un;
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
                case "gctrace" -> new GcSettings(s.gcPercent, s.memoryLimit, val > 0, s.stopTheWorld, s.gcstress, s.poison, s.verify, s.pacertrace);
                case "gcstoptheworld" -> new GcSettings(s.gcPercent, s.memoryLimit, s.gctrace, val > 0, s.gcstress, s.poison, s.verify, s.pacertrace);
                case "gcstress" -> new GcSettings(s.gcPercent, s.memoryLimit, s.gctrace, s.stopTheWorld, Math.max(0, val), s.poison, s.verify, s.pacertrace);
                case "gcpoison" -> new GcSettings(s.gcPercent, s.memoryLimit, s.gctrace, s.stopTheWorld, s.gcstress, val > 0, s.verify, s.pacertrace);
                case "gcverify" -> new GcSettings(s.gcPercent, s.memoryLimit, s.gctrace, s.stopTheWorld, s.gcstress, s.poison, val > 0, s.pacertrace);
                case "gcpacertrace" -> new GcSettings(s.gcPercent, s.memoryLimit, s.gctrace, s.stopTheWorld, s.gcstress, s.poison, s.verify, val > 0);
                default -> s;
            };
        }
        return s;
    }

    public GcSettings withGcPercent(int p) {
        return new GcSettings(p, memoryLimit, gctrace, stopTheWorld, gcstress, poison, verify, pacertrace);
    }

    public GcSettings withMemoryLimit(long l) {
        return new GcSettings(gcPercent, l, gctrace, stopTheWorld, gcstress, poison, verify, pacertrace);
    }
}
