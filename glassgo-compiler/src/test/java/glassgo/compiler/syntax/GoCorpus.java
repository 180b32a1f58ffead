package glassgo.compiler.syntax;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import glassgo.compiler.build.GoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Go's own sources and test suite as test input: finding them and classifying test files. */
final class GoCorpus {
    private GoCorpus() {}

    /** GOROOT, or the test is skipped when no Go installation is present. */
    static Path goroot() {
        Path root = GoRoot.find().orElse(null);
        assumeTrue(root != null && Files.isDirectory(root.resolve("src")), GoRoot.HOW_TO_GET_ONE);
        return root;
    }

    /** GOROOT/test, or the test is skipped. */
    static Path testDir() {
        Path t = goroot().resolve("test");
        assumeTrue(Files.isDirectory(t), "no Go test suite under " + t);
        return t;
    }

    /** Every .go file below dir, sorted, minus testdata directories and names starting with _ or . (as go build). */
    static List<Path> goFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".go"))
                    .filter(p -> !dir.relativize(p).toString().contains("testdata"))
                    .filter(p -> {
                        for (Path part : dir.relativize(p)) {
                            String n = part.toString();
                            if (n.startsWith("_") || n.startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test recipe of a file in Go's test suite: the first word of its first line comment
     * ({@code run}, {@code compile}, {@code errorcheck}, ...), as test/run.go reads it, skipping
     * build constraint lines; "" if there is none.
     */
    static String recipe(byte[] src) {
        String text = new String(src, 0, Math.min(src.length, 4096), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("//go:build") || l.startsWith("// +build")) {
                continue;
            }
            if (!l.startsWith("//")) {
                return "";
            }
            String[] words = l.substring(2).strip().split("\\s+");
            return words.length == 0 ? "" : words[0];
        }
        return "";
    }

    /** Whether a file of Go's test suite is expected to contain compile errors. */
    static boolean expectsErrors(String recipe) {
        return recipe.startsWith("errorcheck");
    }

    static long lines(byte[] src) {
        long n = 0;
        for (byte b : src) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }
}
