// The header reader finds package name and imports, with Go's positions, without a parser.
package glassgo.compiler.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GoFileReaderTest {
    private static GoFileInfo read(String src) {
        return GoFileReader.read(Path.of("x.go"), src.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryImportFormWithSpecPositions() {
        GoFileInfo info = read("""
                // Copyright notice.

                /* block */ package main // trailing

                import "fmt"
                import (
                \tstr "strings"
                \t. "math"; _ "embed"
                \t`os`
                )
                import "C"

                func main() {}
                """);
        assertThat(info.error()).isNull();
        assertThat(info.packageName()).isEqualTo("main");
        assertThat(info.imports()).extracting(Import::path).containsExactly("fmt", "strings", "math", "embed", "os", "C");
        assertThat(info.imports()).extracting(i -> i.pos().toString())
                .containsExactly("x.go:5:8", "x.go:7:2", "x.go:8:2", "x.go:8:12", "x.go:9:2", "x.go:11:8");
        assertThat(info.importsC()).isTrue();
    }

    @Test
    void stopsAtTheFirstDeclarationAndIgnoresLaterImportLookalikes() {
        GoFileInfo info = read("package p\nvar x = 1\nimport \"fmt\"\n");
        assertThat(info.error()).isNull();
        assertThat(info.imports()).isEmpty();
    }

    @Test
    void escapesInImportPathsAreDecoded() {
        GoFileInfo info = read("package p\nimport \"\\x66mt\"\n");
        assertThat(info.imports()).extracting(Import::path).containsExactly("fmt");
    }

    @Test
    void missingPackageClauseIsReportedLikeGoParser() {
        assertThat(read("").error()).isEqualTo("x.go:1:1: expected 'package', found 'EOF'");
        assertThat(read("// only a comment\nfunc f() {}\n").error()).isEqualTo("x.go:2:1: expected 'package', found 'func'");
        assertThat(read("package p\nimport (\n\t\"fmt\"\n").error()).isEqualTo("x.go:4:1: expected ')', found 'EOF'");
    }

    @Test
    void readFileReadsPastTheFirstBlockOnlyWhenTheHeaderNeedsIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String body = "func f() {}\n".repeat(2000);
        Path small = dir.resolve("small.go");
        java.nio.file.Files.writeString(small, "package p\n\nimport \"fmt\"\n\n" + body);
        GoFileReader.Header h = GoFileReader.readFile(small);
        assertThat(h.info().imports()).extracting(Import::path).containsExactly("fmt");
        assertThat((long) h.bytes().length).isLessThan(java.nio.file.Files.size(small));
        // Imports that start beyond the first block are still found.
        Path big = dir.resolve("big.go");
        java.nio.file.Files.writeString(big, "// " + "x".repeat(9000) + "\n\npackage p\n\nimport \"os\"\n" + body);
        assertThat(GoFileReader.readFile(big).info().imports()).extracting(Import::path).containsExactly("os");
        for (int pad = 8150; pad < 8200; pad++) {
            java.nio.file.Files.writeString(big, "package p\n//" + "y".repeat(pad) + "\nimport \"io\"\n" + body);
            assertThat(GoFileReader.readFile(big).info().imports()).as("pad %d", pad)
                    .extracting(Import::path).containsExactly("io");
        }
    }

    @Test
    void multiByteIdentifiersAndColumnsCountBytes() {
        GoFileInfo info = read("package π\nimport ü \"fmt\"\n");
        assertThat(info.packageName()).isEqualTo("π");
        assertThat(info.imports().getFirst().pos().toString()).isEqualTo("x.go:2:8");
    }
}
