// Seeded mutator over Go source files: the input generator of the front-end fuzz target
// (the role go-fuzz's / Go 1.18 fuzzing's mutators play for Go's own parser tests).
package glassgo.compiler.fuzz;

import glassgo.compiler.ast.Decl;
import glassgo.compiler.ast.File;
import glassgo.compiler.syntax.FileSet;
import glassgo.compiler.syntax.Parser;
import glassgo.compiler.syntax.Scanner;
import glassgo.compiler.syntax.SourceFile;
import glassgo.compiler.syntax.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Turns a corpus of Go files into an endless, reproducible stream of mutants. Byte- and token-level
 * mutations (flips, deleted or duplicated tokens, inserted tokens, truncations, splices) mostly make
 * syntax errors; the structure-aware ones (duplicate, delete or borrow a top-level declaration, swap
 * two identifiers, change a type name, replace a literal by one of another kind) keep the file
 * parseable, so the type checker sees wrong programs rather than only the parser.
 */
final class Mutator {
    private static final String[] TOKENS = {
        "(", ")", "[", "]", "{", "}", ",", ";", ".", "...", ":", ":=", "=", "<-", "*", "&", "|", "~", "+", "!",
        "func", "type", "var", "const", "if", "else", "for", "range", "switch", "case", "default", "select", "go",
        "defer", "return", "break", "chan", "map", "struct", "interface", "import", "x", "T", "_", "nil", "iota",
        "0x", "1e", "'", "\"", "`", "/*", "//", "\n", "\t", "\u00e9", "\u0000", "\uFEFF",
    };

    /** Types a declaration may be changed to: predeclared, composite, generic and nonsense ones. */
    private static final String[] TYPES = {
        "int", "int8", "uint", "uint64", "uintptr", "float32", "float64", "complex128", "string", "bool", "byte",
        "rune", "error", "any", "comparable", "[]int", "[3]string", "map[string]int", "*int", "chan int",
        "<-chan bool", "func(int) string", "struct{ x int }", "interface{ M() }", "[]T", "T[int]", "unsafe.Pointer",
        "interface{ ~int | string }", "[0]func()", "[1 << 62]byte",
    };

    private static final String[] LITERALS = {
        "0", "1", "-1", "1 << 63", "1e400", "0x7fffffffffffffff", "3.5", "2i", "'x'", "\"s\"", "`raw`", "nil",
        "true", "iota", "len(\"ab\")", "unsafe.Sizeof(0)", "struct{}{}", "[]int{1, 2}", "func() {}", "x",
    };

    private final List<byte[]> corpus;

    Mutator(List<byte[]> corpus) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("mutator: empty corpus");
        }
        this.corpus = corpus;
    }

    /** One mutant: a corpus file after one to three mutations. */
    byte[] next(Random rnd) {
        byte[] b = pick(rnd);
        int rounds = 1 + rnd.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            b = switch (rnd.nextInt(14)) {
                case 0 -> flipBytes(rnd, b);
                case 1 -> deleteTokens(rnd, b);
                case 2 -> duplicateTokens(rnd, b);
                case 3 -> truncate(rnd, b);
                case 4 -> splice(rnd, b, pick(rnd));
                case 5 -> insert(b, rnd.nextInt(b.length + 1), utf8(TOKENS[rnd.nextInt(TOKENS.length)]));
                case 6, 7 -> duplicateDecl(rnd, b);
                case 8 -> deleteDecl(rnd, b);
                case 9 -> borrowDecl(rnd, b, pick(rnd));
                case 10 -> swapIdents(rnd, b);
                case 11, 12 -> changeType(rnd, b);
                default -> replaceLiteral(rnd, b);
            };
        }
        return b;
    }

    private byte[] pick(Random rnd) {
        return corpus.get(rnd.nextInt(corpus.size()));
    }

    // ---- byte and token level ----

    private static byte[] flipBytes(Random rnd, byte[] b) {
        if (b.length == 0) {
            return b;
        }
        byte[] out = b.clone();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            out[rnd.nextInt(out.length)] = (byte) rnd.nextInt(256);
        }
        return out;
    }

    private static byte[] deleteTokens(Random rnd, byte[] b) {
        int[] s = tokenRun(rnd, b);
        return replace(b, s[0], s[1], new byte[0]);
    }

    private static byte[] duplicateTokens(Random rnd, byte[] b) {
        int[] s = tokenRun(rnd, b);
        return insert(b, s[1], Arrays.copyOfRange(b, s[0], s[1]));
    }

    private static byte[] truncate(Random rnd, byte[] b) {
        return Arrays.copyOf(b, rnd.nextInt(b.length + 1));
    }

    private static byte[] splice(Random rnd, byte[] a, byte[] other) {
        int cut = rnd.nextInt(a.length + 1);
        int from = rnd.nextInt(other.length + 1);
        byte[] out = Arrays.copyOf(a, cut + other.length - from);
        System.arraycopy(other, from, out, cut, other.length - from);
        return out;
    }

    /** One to three whole tokens of b; a short byte span if b has no tokens. */
    private static int[] tokenRun(Random rnd, byte[] b) {
        List<Tok> toks = tokens(b);
        if (toks.isEmpty()) {
            int from = rnd.nextInt(b.length + 1);
            return new int[] {from, Math.min(b.length, from + 1 + rnd.nextInt(8))};
        }
        int i = rnd.nextInt(toks.size());
        int j = Math.min(toks.size() - 1, i + rnd.nextInt(3));
        return new int[] {toks.get(i).start, toks.get(j).end};
    }

    // ---- structure aware: the result usually still parses ----

    /** A second copy of a top-level declaration, right after it: "redeclared" errors. */
    private static byte[] duplicateDecl(Random rnd, byte[] b) {
        int[] d = decl(rnd, b);
        if (d == null) {
            return b;
        }
        byte[] piece = Arrays.copyOfRange(b, d[0], d[1]);
        return insert(b, d[1], concat(utf8("\n"), piece));
    }

    /** A top-level declaration removed: "undefined" errors where it was used. */
    private static byte[] deleteDecl(Random rnd, byte[] b) {
        int[] d = decl(rnd, b);
        return d == null ? b : replace(b, d[0], d[1], new byte[0]);
    }

    /** A top-level declaration of another file appended to this one. */
    private static byte[] borrowDecl(Random rnd, byte[] b, byte[] other) {
        int[] d = decl(rnd, other);
        return d == null ? b : concat(b, utf8("\n"), Arrays.copyOfRange(other, d[0], d[1]), utf8("\n"));
    }

    /** Two identifier occurrences exchanged: uses of the wrong kind of object, wrong types, cycles. */
    private static byte[] swapIdents(Random rnd, byte[] b) {
        List<Tok> ids = tokens(b).stream().filter(t -> t.tok == Token.IDENT).toList();
        if (ids.size() < 2) {
            return b;
        }
        Tok x = ids.get(rnd.nextInt(ids.size()));
        Tok y = ids.get(rnd.nextInt(ids.size()));
        if (x.start == y.start) {
            return b;
        }
        Tok first = x.start < y.start ? x : y;
        Tok second = x.start < y.start ? y : x;
        byte[] a1 = Arrays.copyOfRange(b, first.start, first.end);
        byte[] a2 = Arrays.copyOfRange(b, second.start, second.end);
        byte[] out = replace(b, second.start, second.end, a1);
        return replace(out, first.start, first.end, a2);
    }

    /**
     * A type in a declaration changed: an identifier that follows a declared name or a type
     * keyword position (after a name in var/const/field/parameter lists, or after "type N") is
     * replaced by another type; failing that, any identifier is.
     */
    private static byte[] changeType(Random rnd, byte[] b) {
        List<Tok> toks = tokens(b);
        List<Tok> typeish = new ArrayList<>();
        List<Tok> idents = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.tok != Token.IDENT) {
                continue;
            }
            idents.add(t);
            Tok prev = i > 0 ? toks.get(i - 1) : null;
            if (prev != null && (prev.tok == Token.IDENT || prev.tok == Token.MUL || prev.tok == Token.RBRACK
                    || prev.tok == Token.MAP || prev.tok == Token.CHAN)) {
                typeish.add(t);
            }
        }
        List<Tok> from = typeish.isEmpty() ? idents : typeish;
        if (from.isEmpty()) {
            return b;
        }
        Tok t = from.get(rnd.nextInt(from.size()));
        return replace(b, t.start, t.end, utf8(TYPES[rnd.nextInt(TYPES.length)]));
    }

    /** A literal replaced by an expression of another kind: mismatched types, overflow, untyped nil. */
    private static byte[] replaceLiteral(Random rnd, byte[] b) {
        List<Tok> lits = tokens(b).stream().filter(t -> switch (t.tok) {
            case INT, FLOAT, IMAG, CHAR, STRING -> true;
            default -> false;
        }).toList();
        if (lits.isEmpty()) {
            return changeType(rnd, b);
        }
        Tok t = lits.get(rnd.nextInt(lits.size()));
        return replace(b, t.start, t.end, utf8(LITERALS[rnd.nextInt(LITERALS.length)]));
    }

    /** Byte range [start, end) of a random top-level declaration of b, or null if b has none. */
    private static int[] decl(Random rnd, byte[] b) {
        FileSet fset = new FileSet();
        File f = Parser.parseFile(fset, "m.go", b, (p, m) -> { });
        if (f == null || f.decls.isEmpty()) {
            return null;
        }
        Decl d = f.decls.get(rnd.nextInt(f.decls.size()));
        SourceFile sf = fset.file(f.fileStart);
        // Plain arithmetic, not sf.offset: a declaration recovered from broken input may lack positions.
        int start = d.pos() - sf.base();
        int end = d.end() - sf.base();
        return start < 0 || end > b.length || start >= end ? null : new int[] {start, end};
    }

    // ---- tokens ----

    private record Tok(Token tok, int start, int end) {}

    /** The tokens of b as the scanner sees them (errors ignored), with their byte ranges. */
    private static List<Tok> tokens(byte[] b) {
        SourceFile f = new FileSet().addFile("t.go", b);
        Scanner sc = new Scanner(f, b, (p, m) -> { });
        List<Tok> out = new ArrayList<>();
        for (int guard = 0; guard < b.length + 2; guard++) {
            sc.next();
            if (sc.tok == Token.EOF) {
                break;
            }
            int start = f.offset(sc.pos);
            int len = switch (sc.tok) {
                case SEMICOLON -> "semicolon".equals(sc.lit) ? 1 : 0;
                case IDENT, INT, FLOAT, IMAG, CHAR, STRING -> utf8(sc.lit).length;
                default -> sc.tok.text().length();
            };
            if (len > 0) {
                out.add(new Tok(sc.tok, start, Math.min(b.length, start + len)));
            }
        }
        return out;
    }

    // ---- bytes ----

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] b, int at, byte[] piece) {
        return replace(b, at, at, piece);
    }

    private static byte[] replace(byte[] b, int from, int to, byte[] piece) {
        byte[] out = new byte[b.length - (to - from) + piece.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(piece, 0, out, from, piece.length);
        System.arraycopy(b, to, out, from + piece.length, b.length - to);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
