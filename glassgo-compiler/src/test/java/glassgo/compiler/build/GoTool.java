// Runs the real go command, the oracle these tests compare glassgo's build package with.
package glassgo.compiler.build;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The Go 1.19 toolchain when installed; tests that need it are skipped (assumption) otherwise. */
final class GoTool {
    static final Path GO = Path.of("/usr/lib/go-1.19/bin/go");

    private GoTool() {}

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(GO), "Go 1.19 not installed at " + GO);
    }

    record Result(int exit, String stdout, String stderr) {}

    /** Runs go with args in dir; env entries are added to (or, with a null value, removed from) the environment. */
    static Result run(Path dir, Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        return run(dir, env, args, null);
    }

    /** As {@link #run(Path, Map, List)} with stdin read from a file (null: none). */
    static Result run(Path dir, Map<String, String> env, List<String> args, Path stdin)
            throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(env.getOrDefault("GO_BINARY", GO.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        env.forEach((k, v) -> {
            if (!k.equals("GO_BINARY")) {
                if (v == null) {
                    pb.environment().remove(k);
                } else {
                    pb.environment().put(k, v);
                }
            }
        });
        pb.environment().put("GOFLAGS", "");
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("go " + args + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    /** go env GOROOT of the installed toolchain. */
    static Path goroot() throws IOException, InterruptedException {
        return Path.of(run(Path.of("."), Map.of(), List.of("env", "GOROOT")).stdout().strip());
    }
}
