// The header reader finds package name and imports, with Go's positions, without a parser.
package glassgo.compiler.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
    void importPathsWithIllegalCharactersAreRejectedLikeGoParser() {
        // A NUL in an import path reached Path.resolve and crashed the loader (found by the fuzzer).
        assertThat(read("package p\nimport \"runt\\x00me\"\n").error())
                .isEqualTo("x.go:2:8: invalid import path: \"runt\\x00me\"");
        assertThat(read("package p\nimport \"a b\"\n").error()).isEqualTo("x.go:2:8: invalid import path: \"a b\"");
        assertThat(read("package p\nimport \"\"\n").error()).isEqualTo("x.go:2:8: invalid import path: \"\"");
        assertThat(read("package p\nimport \"golang.org/x/net/dns/dnsmessage\"\n").error()).isNull();
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

    /**
     * The .go files of GOROOT/src and GOROOT/test (8601, many deliberately malformed) read
     * by go/parser in ImportsOnly mode and by GoFileReader: where go/parser accepts the header,
     * the package name, the imports and their positions must be the same.
     */
    @Test
    void agreesWithGoParserOnEveryFileOfGoroot() throws Exception {
        GoTool.assumeInstalled();
        Path goroot = GoTool.goroot();
        List<String> all = new ArrayList<>();
        for (String top : List.of("src", "test")) {
            try (Stream<Path> s = Files.walk(goroot.resolve(top).toRealPath())) {
                s.filter(p -> p.toString().endsWith(".go") && Files.isRegularFile(p)).map(Path::toString).sorted()
                        .forEach(all::add);
            }
        }
        // Every 8th file by default (about a thousand); all of them with -Dglassgo.long=true.
        int stride = Boolean.getBoolean("glassgo.long") ? 1 : 8;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < all.size(); i += stride) {
            files.add(all.get(i));
        }
        Path list = Files.createTempFile("glassgo-headers", ".txt");
        List<String> expected;
        try {
            Files.write(list, files);
            GoTool.Result r = GoTool.run(Path.of("."), Map.of(), List.of("run",
                    Path.of("src/test/resources/glassgo/compiler/build/header_oracle.go").toAbsolutePath().toString()),
                    list);
            assertThat(r.exit()).as(r.stderr()).isZero();
            expected = r.stdout().lines().toList();
        } finally {
            Files.deleteIfExists(list);
        }
        assertThat(expected).hasSameSizeAs(files);
        int compared = 0;
        List<String> mismatches = new ArrayList<>();
        for (String line : expected) {
            if (line.endsWith("|error")) {
                continue;
            }
            String file = line.substring(0, line.indexOf('|'));
            GoFileInfo info = GoFileReader.readFile(Path.of(file)).info();
            String mine = file + "|" + info.packageName() + "|" + String.join(",", info.imports().stream()
                    .map(i -> i.path() + "@" + i.pos().line() + ":" + i.pos().column()).toList());
            if (info.error() != null || !mine.equals(line)) {
                mismatches.add("go:      " + line + "\nglassgo: " + mine + (info.error() != null ? " " + info.error() : ""));
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(files.size() * 9 / 10);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void multiByteIdentifiersAndColumnsCountBytes() {
        GoFileInfo info = read("package π\nimport ü \"fmt\"\n");
        assertThat(info.packageName()).isEqualTo("π");
        assertThat(info.imports().getFirst().pos().toString()).isEqualTo("x.go:2:8");
    }
}
