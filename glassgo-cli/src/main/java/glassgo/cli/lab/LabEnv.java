// LabEnv: the environment variables a Go program's runtime reads at start-up, as glassgo lab applies them.
// Mirrors runtime/proc.go's schedinit (GOMAXPROCS), mgcpacer.go's readGOGC and runtime1.go's parsedebugvars.
package glassgo.cli.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GOMAXPROCS (honoured: the number of Ps), GOGC (parsed and reported; there is no collector yet, so it
 * changes nothing), GODEBUG (schedtrace and scheddetail honoured; gctrace accepted, with nothing to trace;
 * other keys ignored, as Go ignores unknown ones).
 *
 * @param gogc the GOGC percentage, or -1 for {@code off}
 */
public record LabEnv(int gomaxprocs, int gogc, Map<String, String> godebug) {

    public static LabEnv fromEnvironment() {
        return from(System.getenv());
    }

    /** Parses the variables as Go's runtime does: a malformed GOMAXPROCS or GOGC falls back to the default. */
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
        return new LabEnv(procs, readGOGC(env.get("GOGC")), parseGodebug(env.getOrDefault("GODEBUG", "")));
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

    /** What the run does with each GODEBUG key, for the summary's note. */
    public List<String> godebugNotes() {
        List<String> notes = new ArrayList<>();
        godebug.forEach((k, v) -> notes.add(k + "=" + v + switch (k) {
            case "schedtrace", "scheddetail" -> " (honoured)";
            case "gctrace" -> " (accepted; no collector yet, so no cycles to trace)";
            default -> " (not supported by glassgo's runtime yet; ignored)";
        }));
        return notes;
    }
}
