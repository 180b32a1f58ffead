package glassgo.compiler.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the GOROOT whose standard library glassgo compiles, the way the real {@code go} command
 * resolves it: {@code $GOROOT} first, then {@code go env GOROOT} when a {@code go} is on PATH, then
 * Debian's {@code golang-1.19-src} at {@code /usr/share/go-1.19}. A candidate counts only if it holds
 * {@code src/runtime}, since that is what glassgo reads.
 */
public final class GoRoot {
    public static final Path DEBIAN_GO_1_19 = Path.of("/usr/share/go-1.19");

    /** What to tell a user who has no GOROOT at all. */
    public static final String HOW_TO_GET_ONE =
            "no Go standard library found: set GOROOT, put a go command on PATH, "
                    + "or install Debian's golang-1.19-src (apt-get install -y golang-1.19-src)";

    private GoRoot() {}

    public static Optional<Path> find() {
        String env = System.getenv("GOROOT");
        if (env != null && !env.isEmpty() && isGoRoot(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        Optional<Path> fromGo = fromGoCommand();
        if (fromGo.isPresent()) {
            return fromGo;
        }
        return isGoRoot(DEBIAN_GO_1_19) ? Optional.of(DEBIAN_GO_1_19) : Optional.empty();
    }

    static boolean isGoRoot(Path dir) {
        return Files.isDirectory(dir.resolve("src").resolve("runtime"));
    }

    private static Optional<Path> fromGoCommand() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path go = Path.of(dir.isEmpty() ? "." : dir, "go");
            if (Files.isExecutable(go)) {
                return askGo(go);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> askGo(Path go) {
        try {
            Process p = new ProcessBuilder(go.toString(), "env", "GOROOT")
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
                return Optional.empty();
            }
            Path root = Path.of(out);
            return isGoRoot(root) ? Optional.of(root) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The Go version a GOROOT holds: its VERSION file (e.g. {@code go1.19.8}) when it has one, else the
     * language version from {@code src/internal/goversion} (e.g. {@code go1.19}); Debian's src-only
     * package has no VERSION file.
     */
    public static Optional<String> version(Path goroot) {
        try {
            Path v = goroot.resolve("VERSION");
            if (Files.isRegularFile(v)) {
                return Files.readAllLines(v).stream().findFirst().map(String::trim);
            }
            Path gv = goroot.resolve("src/internal/goversion/goversion.go");
            if (Files.isRegularFile(gv)) {
                var m = java.util.regex.Pattern.compile("const Version = (\\d+)").matcher(Files.readString(gv));
                if (m.find()) {
                    return Optional.of("go1." + m.group(1));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
