// LabEnv: the environment variables a Go program's runtime reads at start-up, as glassgo lab applies them.
// Mirrors runtime/proc.go's schedinit (GOMAXPROCS), mgcpacer.go's readGOGC/readGOMEMLIMIT and
// runtime1.go's parsedebugvars.
package glassgo.cli.lab;

import glassgo.runtime.gc.GcSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GOMAXPROCS (the number of Ps), GOGC and GOMEMLIMIT (the collector's pacer), GODEBUG (schedtrace and
 * scheddetail for the scheduler; gctrace, gcstoptheworld and glassgo's gcstress, gcpoison, gcverify for the
 * collector; other keys ignored, as Go ignores unknown ones).
 *
 * @param gogc        the GOGC percentage, or -1 for {@code off}
 * @param memoryLimit GOMEMLIMIT in bytes, Long.MAX_VALUE for none
 */
public record LabEnv(int gomaxprocs, int gogc, long memoryLimit, Map<String, String> godebug) {
    /** GODEBUG keys the collector reads (docs/gc.md). */
    static final List<String> GC_KEYS = List.of("gctrace", "gcstoptheworld", "gcstress", "gcpoison", "gcverify");

    public static LabEnv fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * Parses the variables as Go's runtime does: a malformed GOMAXPROCS or GOGC falls back to the default; a
     * malformed GOMEMLIMIT is an IllegalArgumentException (Go throws at start-up).
     */
    public static LabEnv from(Map<String, String> env) {
        int procs = Runtime.getRuntime().availableProcessors();
        String p = env.get("GOMAXPROCS");
        if (p != null) {
            try {
                int n = Integer.parseInt(p.trim());
                if (n > 0) {
                    procs = n;
                }
            } catch (NumberFormatException e) {
                // Go's schedinit ignores a malformed GOMAXPROCS and keeps the CPU count.
                procs = Runtime.getRuntime().availableProcessors();
            }
        }
        return new LabEnv(procs, readGOGC(env.get("GOGC")), GcSettings.readGOMEMLIMIT(env.get("GOMEMLIMIT")),
                parseGodebug(env.getOrDefault("GODEBUG", "")));
    }

    /** Go's readGOGC: "off" is -1, a number is itself, anything else (or unset) is 100. */
    static int readGOGC(String s) {
        if (s == null || s.isEmpty()) {
            return 100;
        }
        if (s.equals("off")) {
            return -1;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** Go's parsedebugvars: comma-separated key=value pairs; later keys win; malformed items are skipped. */
    static Map<String, String> parseGodebug(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String item : s.split(",")) {
            int eq = item.indexOf('=');
            if (eq > 0) {
                m.put(item.substring(0, eq), item.substring(eq + 1));
            }
        }
        return m;
    }

    /** GODEBUG=schedtrace=N: milliseconds between SCHED lines, 0 if off. */
    public int schedtraceMillis() {
        return intDebug("schedtrace");
    }

    public boolean scheddetail() {
        return intDebug("scheddetail") > 0;
    }

    private int intDebug(String key) {
        try {
            return Integer.parseInt(godebug.getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public String gogcText() {
        return gogc < 0 ? "off" : Integer.toString(gogc);
    }

    /** GOMEMLIMIT as the summary prints it: {@code off}, or bytes as given. */
    public String memoryLimitText() {
        return memoryLimit == Long.MAX_VALUE ? "off" : Long.toString(memoryLimit);
    }

    /** The collector's settings: GOGC, GOMEMLIMIT and the GODEBUG keys it reads. */
    public GcSettings gcSettings() {
        StringBuilder dbg = new StringBuilder();
        godebug.forEach((k, v) -> dbg.append(k).append('=').append(v).append(','));
        return new GcSettings(gogc, memoryLimit, false, false, 0, false, false).withGodebug(dbg.toString());
    }

    /** What the run does with each GODEBUG key, for the summary's note. */
    public List<String> godebugNotes() {
        List<String> notes = new ArrayList<>();
        godebug.forEach((k, v) -> notes.add(k + "=" + v + switch (k) {
            case "schedtrace", "scheddetail" -> " (honoured)";
            default -> GC_KEYS.contains(k) ? " (honoured)" : " (not supported by glassgo's runtime yet; ignored)";
        }));
        return notes;
    }
}
