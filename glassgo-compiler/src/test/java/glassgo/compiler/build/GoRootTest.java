package glassgo.compiler.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoRootTest {
    @Test
    void aDirectoryCountsAsGorootOnlyWhenItHoldsSrcRuntime(@TempDir Path dir) throws Exception {
        assertThat(GoRoot.isGoRoot(dir)).isFalse();
        Files.createDirectories(dir.resolve("src/runtime"));
        assertThat(GoRoot.isGoRoot(dir)).isTrue();
    }

    @Test
    void versionFallsBackToGoversionWhenThereIsNoVersionFile(@TempDir Path dir) throws Exception {
        Path gv = dir.resolve("src/internal/goversion/goversion.go");
        Files.createDirectories(gv.getParent());
        Files.writeString(gv, "package goversion\n\nconst Version = 19\n");
        assertThat(GoRoot.version(dir)).contains("go1.19");
        Files.writeString(dir.resolve("VERSION"), "go1.19.8\ntime 2023\n");
        assertThat(GoRoot.version(dir)).contains("go1.19.8");
    }
}
