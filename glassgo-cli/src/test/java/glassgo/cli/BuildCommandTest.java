// BuildCommandTest: `glassgo build` writes an executable for a main package that runs like `go build`'s binary
// (output, exit status, no `exit status` line), names it as go build does, and writes nothing otherwise.
package glassgo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
    private static final Path PROGRAMS = Path.of("src/test/go/run").toAbsolutePath();

    record Ran(int exit, String output) {}

    private static Ran exec(Path exe, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(exe.toString()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(p.exitValue(), out);
    }

    @Test
    void aMainPackageBecomesAnExecutableNamedAfterItsFirstFile(@TempDir Path dir) throws Exception {
        assertThat(BuildCommand.run(List.of(PROGRAMS.resolve("control.go").toString()), dir)).isZero();
        Path exe = dir.resolve("control");
        assertThat(Files.isExecutable(exe)).isTrue();
        Ran r = exec(exe, Map.of());
        assertThat(r.exit()).isZero();
        assertThat(r.output()).isEqualTo(Files.readString(PROGRAMS.resolve("control.out")));
    }

    @Test
    void dashOChoosesTheFileAndAPanicExitsTwoWithoutGoRunsStatusLine(@TempDir Path dir) throws Exception {
        assertThat(BuildCommand.run(List.of("-o", "prog", PROGRAMS.resolve("divzero.go").toString()), dir)).isZero();
        Ran r = exec(dir.resolve("prog"), Map.of("GOGC", "50"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).startsWith("panic: runtime error: integer divide by zero").doesNotContain("exit status");
    }

    @Test
    void aDirectoryIsOnePackageNamedAfterTheDirectory(@TempDir Path dir) throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("twofiles"));
        Files.writeString(pkg.resolve("a.go"), "package main\n\nfunc main() { println(greet()) }\n");
        Files.writeString(pkg.resolve("b.go"), "package main\n\nfunc greet() string { return \"hi from b\" }\n");
        Files.writeString(pkg.resolve("b_test.go"), "package main\n\nfunc broken( {\n");
        Path out = Files.createDirectories(dir.resolve("bin"));
        assertThat(BuildCommand.run(List.of("-o", out.toString(), pkg.toString()), dir)).isZero();
        assertThat(exec(out.resolve("twofiles"), Map.of()).output()).isEqualTo("hi from b\n");
        // and glassgo run takes the same directory
        assertThat(RunCommandTest.run(pkg).output()).isEqualTo("hi from b\n");
    }

    @Test
    void errorsExitOneAndWriteNothing(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.go");
        Files.writeString(bad, "package main\n\nfunc main() {\n\tx := 1\n}\n");
        assertThat(BuildCommand.run(List.of(bad.toString()), dir)).isEqualTo(1);
        assertThat(dir.resolve("bad")).doesNotExist();
        Path lib = dir.resolve("lib.go");
        Files.writeString(lib, "package lib\n\nfunc F() int { return 1 }\n");
        assertThat(BuildCommand.run(List.of(lib.toString()), dir)).isZero();
        assertThat(dir.resolve("lib")).doesNotExist();
    }
}
