package glassgo.compiler.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import glassgo.compiler.ast.File;
import glassgo.compiler.ast.Inspector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Mutation fuzzing of scanner and parser over Go's own test files. Each input is a seed file after
 * a few seeded mutations (byte flips, deletions and duplications of whole tokens, truncations,
 * splices with another file, inserted tokens, deep nesting). Whatever the input, the only allowed outcomes
 * are a tree and diagnostics: no exception, no hang, every diagnostic at a real position, and every
 * node of the tree answering pos() and end() with pos <= end.
 *
 * <p>Default run: about 10 seconds. With {@code -Dglassgo.long=true}: at least 10^6 inputs.
 * {@code -Dglassgo.fuzz.seed=N} replays a run; a failure names the seed and input number.
 */
class ParserFuzzTest {
    private static final String[] TOKENS = {
        "(", ")", "[", "]", "{", "}", ",", ";", ".", "...", ":", ":=", "=", "<-", "*", "&", "|", "~", "+", "!",
        "func", "type", "var", "const", "if", "else", "for", "range", "switch", "case", "default", "select", "go",
        "defer", "return", "break", "chan", "map", "struct", "interface", "package", "import", "x", "T", "_",
        "0x", "1e", "'", "\"", "`", "/*", "//", "\n", "\t", "\u00e9", "\u0000", "\uFEFF",
    };

    private final long seed = Long.getLong("glassgo.fuzz.seed", 0x676c617373676fL);

    @Test
    void boundedFuzzRunNeverThrowsOrHangs() {
        int n = fuzz(Duration.ofSeconds(10), Long.MAX_VALUE);
        System.out.printf("parser fuzz: %d inputs in ~10 s (seed %d)%n", n, seed);
        assertThat(n).isGreaterThan(100);
    }

    @Test
    @EnabledIfSystemProperty(named = "glassgo.long", matches = "true")
    void millionInputFuzzRunNeverThrowsOrHangs() {
        int n = fuzz(Duration.ofHours(2), 1_000_000);
        System.out.printf("parser fuzz (long): %d inputs (seed %d)%n", n, seed);
        assertThat(n).isGreaterThanOrEqualTo(1_000_000);
    }

    /** Runs until the budget or the input count is reached; returns the number of inputs parsed. */
    private int fuzz(Duration budget, long maxInputs) {
        List<byte[]> corpus = corpus();
        Random rnd = new Random(seed);
        long deadline = System.nanoTime() + budget.toNanos();
        int[] count = {0};
        // A hang fails the test: the whole run must finish within its budget plus a margin.
        assertTimeoutPreemptively(budget.plusSeconds(60), () -> {
            while (count[0] < maxInputs && System.nanoTime() < deadline) {
                byte[] input;
                try {
                    // The mutator runs the scanner too, to find tokens: a failure there is a finding.
                    input = mutate(rnd, corpus);
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("seed " + seed + " input " + count[0] + ": mutator's scan failed", e);
                }
                check(input, count[0]);
                count[0]++;
            }
        });
        return count[0];
    }

    /** Parses one input and checks the outcome; plain checks, since this runs a million times. */
    private void check(byte[] input, int index) {
        List<Diagnostic> diags = new ArrayList<>();
        File f;
        try {
            f = Parser.parseFile(new FileSet(), "fuzz.go", input, (p, m) -> diags.add(new Diagnostic(p, m)));
            if (f == null) {
                throw new AssertionError("no tree");
            }
            for (Diagnostic d : diags) {
                if (!d.pos().isValid() || d.message().isBlank()) {
                    throw new AssertionError("diagnostic without position or message: " + d);
                }
            }
            Inspector.inspect(f, node -> {
                if (node.end() < node.pos()) {
                    throw new AssertionError(node.getClass().getSimpleName() + " ends before it starts");
                }
                return true;
            });
        } catch (RuntimeException | Error e) {
            throw new AssertionError("seed " + seed + " input " + index + " failed on: " + excerpt(input), e);
        }
    }

    private static String excerpt(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }

    private static List<byte[]> corpus() {
        Path dir = GoCorpus.testDir();
        List<byte[]> out = new ArrayList<>();
        for (Path p : GoCorpus.goFiles(dir)) {
            try {
                if (Files.size(p) < 64 * 1024) {
                    out.add(GoCorpus.read(p));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(out).hasSizeGreaterThan(100);
        return out;
    }

    private static byte[] mutate(Random rnd, List<byte[]> corpus) {
        byte[] b = corpus.get(rnd.nextInt(corpus.size()));
        int rounds = 1 + rnd.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            b = switch (rnd.nextInt(8)) {
                case 0 -> flipBytes(rnd, b);
                case 1 -> deleteSpan(rnd, b);
                case 2 -> duplicateSpan(rnd, b);
                case 3 -> truncate(rnd, b);
                case 4 -> splice(rnd, b, corpus.get(rnd.nextInt(corpus.size())));
                case 5, 6 -> insert(b, rnd.nextInt(b.length + 1),
                        TOKENS[rnd.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                default -> nest(rnd, b);
            };
        }
        return b;
    }

    private static byte[] flipBytes(Random rnd, byte[] b) {
        if (b.length == 0) {
            return b;
        }
        byte[] out = b.clone();
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            out[rnd.nextInt(out.length)] = (byte) rnd.nextInt(256);
        }
        return out;
    }

    /**
     * A run of one to three whole tokens, found by scanning b (errors ignored); a span of one to
     * twelve bytes if b has no tokens.
     */
    private static int[] span(Random rnd, byte[] b) {
        List<int[]> toks = tokenSpans(b);
        if (toks.isEmpty()) {
            int from = rnd.nextInt(b.length + 1);
            return new int[] {from, Math.min(b.length, from + 1 + rnd.nextInt(12))};
        }
        int i = rnd.nextInt(toks.size());
        int j = Math.min(toks.size() - 1, i + rnd.nextInt(3));
        return new int[] {toks.get(i)[0], toks.get(j)[1]};
    }

    /** Byte ranges [start, end) of the tokens of b, as the scanner sees them. */
    private static List<int[]> tokenSpans(byte[] b) {
        SourceFile f = new FileSet().addFile("t.go", b);
        Scanner sc = new Scanner(f, b, (p, m) -> { });
        List<int[]> out = new ArrayList<>();
        for (int guard = 0; guard < b.length + 2; guard++) {
            sc.next();
            if (sc.tok == Token.EOF) {
                break;
            }
            int start = f.offset(sc.pos);
            int len = switch (sc.tok) {
                case SEMICOLON -> "semicolon".equals(sc.lit) ? 1 : 0;
                case IDENT, INT, FLOAT, IMAG, CHAR, STRING ->
                        sc.lit.getBytes(StandardCharsets.UTF_8).length;
                default -> sc.tok.text().length();
            };
            if (len > 0) {
                out.add(new int[] {start, Math.min(b.length, start + len)});
            }
        }
        return out;
    }

    private static byte[] deleteSpan(Random rnd, byte[] b) {
        int[] s = span(rnd, b);
        byte[] out = new byte[b.length - (s[1] - s[0])];
        System.arraycopy(b, 0, out, 0, s[0]);
        System.arraycopy(b, s[1], out, s[0], b.length - s[1]);
        return out;
    }

    private static byte[] duplicateSpan(Random rnd, byte[] b) {
        int[] s = span(rnd, b);
        byte[] piece = java.util.Arrays.copyOfRange(b, s[0], s[1]);
        return insert(b, s[1], piece);
    }

    private static byte[] truncate(Random rnd, byte[] b) {
        return java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
    }

    private static byte[] splice(Random rnd, byte[] a, byte[] other) {
        int cut = rnd.nextInt(a.length + 1);
        int from = rnd.nextInt(other.length + 1);
        byte[] out = new byte[cut + other.length - from];
        System.arraycopy(a, 0, out, 0, cut);
        System.arraycopy(other, from, out, cut, other.length - from);
        return out;
    }

    /** Deep nesting: many copies of an opening construct, optionally closed. */
    private static byte[] nest(Random rnd, byte[] b) {
        String[][] shapes = {{"(", ")"}, {"[", "]"}, {"{", "}"}, {"*", ""}, {"-", ""}, {"<-", ""}, {"[]", ""},
                {"func(", ")"}, {"if x {", "}"}, {"x+", ""}};
        String[] shape = shapes[rnd.nextInt(shapes.length)];
        int depth = rnd.nextInt(10) == 0 ? 20_000 + rnd.nextInt(20_000) : 1 + rnd.nextInt(200);
        StringBuilder sb = new StringBuilder();
        sb.append(shape[0].repeat(depth)).append('x');
        if (rnd.nextBoolean()) {
            sb.append(shape[1].repeat(depth));
        }
        return insert(b, rnd.nextInt(b.length + 1), sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] insert(byte[] b, int at, byte[] piece) {
        byte[] out = new byte[b.length + piece.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(b, at, out, at + piece.length, b.length - at);
        return out;
    }
}
