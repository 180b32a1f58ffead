package glassgo.compiler.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scanner against Go's lexical grammar: tokens, literals, semicolon insertion, errors, positions. */
class ScannerTest {
    private final List<Diagnostic> errors = new ArrayList<>();

    private Scanner scanner(String src) {
        return scanner(src.getBytes(StandardCharsets.UTF_8));
    }

    private Scanner scanner(byte[] src) {
        FileSet fs = new FileSet();
        SourceFile f = fs.addFile("x.go", src);
        return new Scanner(f, src, (p, m) -> errors.add(new Diagnostic(p, m)));
    }

    /** Tokens as "KIND" or "KIND(lit)", up to EOF. */
    private List<String> tokens(String src) {
        Scanner s = scanner(src);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            s.next();
            if (s.tok == Token.EOF) {
                return out;
            }
            out.add(s.lit == null ? s.tok.name() : s.tok.name() + "(" + s.lit + ")");
        }
        throw new AssertionError("scanner did not reach EOF");
    }

    private List<String> errorMessages() {
        return errors.stream().map(Diagnostic::message).toList();
    }

    @Test
    void scansIdentifiersKeywordsAndUnicodeLetters() {
        assertThat(tokens("func _x9 héllo 世界 chan"))
                .containsExactly("FUNC", "IDENT(_x9)", "IDENT(héllo)", "IDENT(世界)", "CHAN");
        assertThat(errors).isEmpty();
    }

    @Test
    void scansEveryOperatorIncludingLongestMatch() {
        assertThat(tokens("+ += ++ &^ &^= && & <- <= << <<= >>= ... . : := ~ != ! |= ||"))
                .containsExactly("ADD", "ADD_ASSIGN", "INC", "AND_NOT", "AND_NOT_ASSIGN", "LAND", "AND", "ARROW",
                        "LEQ", "SHL", "SHL_ASSIGN", "SHR_ASSIGN", "ELLIPSIS", "PERIOD", "COLON", "DEFINE", "TILDE",
                        "NEQ", "NOT", "OR_ASSIGN", "LOR");
    }

    @Test
    void twoDotsAreTwoPeriods() {
        assertThat(tokens("a..b")).containsExactly("IDENT(a)", "PERIOD", "PERIOD", "IDENT(b)", "SEMICOLON(EOF)");
    }

    @Test
    void scansAllIntegerAndFloatForms() {
        String src = "0 42 0x_7F 0o17 017 0b1010 1_000_000 3.14 .5 1. 1e9 1E-9 0x1p-2 0x1.8p+3 0X_1FFFP-16 2i 0i 1.5e3i 0x10i";
        List<String> toks = tokens(src);
        assertThat(errors).isEmpty();
        assertThat(toks).containsExactly("INT(0)", "INT(42)", "INT(0x_7F)", "INT(0o17)", "INT(017)", "INT(0b1010)",
                "INT(1_000_000)", "FLOAT(3.14)", "FLOAT(.5)", "FLOAT(1.)", "FLOAT(1e9)", "FLOAT(1E-9)",
                "FLOAT(0x1p-2)", "FLOAT(0x1.8p+3)", "FLOAT(0X_1FFFP-16)", "IMAG(2i)", "IMAG(0i)", "IMAG(1.5e3i)",
                "IMAG(0x10i)", "SEMICOLON(EOF)");
    }

    @Test
    void reportsMalformedNumbersWithGcWording() {
        tokens("0x 0b12 1__0 0x1.0 1e 0o8 0b1.0 1p4 09 0_");
        assertThat(errorMessages()).containsExactly(
                "hexadecimal literal has no digits",
                "invalid digit '2' in binary literal",
                "'_' must separate successive digits",
                "hexadecimal mantissa requires a 'p' exponent",
                "exponent has no digits",
                "invalid digit '8' in octal literal",
                "invalid radix point in binary literal",
                "'p' exponent requires hexadecimal mantissa",
                "invalid digit '9' in octal literal",
                "'_' must separate successive digits");
    }

    @Test
    void floatWithLeadingZeroIsDecimalNotOctal() {
        tokens("09.5 08e1 0778i");
        assertThat(errors).isEmpty();
    }

    @Test
    void scansRunesAndStringsWithEveryEscape() {
        List<String> toks = tokens(
                "'a' '\\n' '\\x7f' '\\377' '\\u12e4' '\\U00101234' '\\'' \"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\" '世'");
        assertThat(errors).isEmpty();
        assertThat(toks).hasSize(10);
        assertThat(toks.get(0)).isEqualTo("CHAR('a')");
    }

    @Test
    void reportsBadEscapesAndRunes() {
        tokens("'ab' '' '\\q' '\\400' '\\uD800' \"\\xZZ\"");
        assertThat(errorMessages()).containsExactly(
                "more than one character in rune literal",
                "empty rune literal or unescaped '",
                "unknown escape",
                "octal escape value 256 > 255",
                "escape is invalid Unicode code point U+D800",
                "invalid character 'Z' in hexadecimal escape");
    }

    @Test
    void reportsUnterminatedLiteralsAndComments() {
        tokens("\"abc\n");
        tokens("`abc");
        tokens("/* abc");
        tokens("'a");
        assertThat(errorMessages()).containsExactly(
                "newline in string", "string not terminated", "comment not terminated", "rune literal not terminated");
    }

    @Test
    void rawStringsKeepNewlinesAndDropCarriageReturns() {
        assertThat(tokens("`a\r\nb\\n`")).containsExactly("STRING(`a\nb\\n`)", "SEMICOLON(EOF)");
    }

    @Test
    void insertsSemicolonsExactlyAfterTheSpecTokens() {
        assertThat(tokens("x\n1\nreturn\nbreak\n)\n]\n}\ny++\nz--\n'c'\n\"s\"\n+\n{\n"))
                .containsExactly("IDENT(x)", "SEMICOLON(newline)", "INT(1)", "SEMICOLON(newline)", "RETURN",
                        "SEMICOLON(newline)", "BREAK", "SEMICOLON(newline)", "RPAREN", "SEMICOLON(newline)", "RBRACK",
                        "SEMICOLON(newline)", "RBRACE", "SEMICOLON(newline)", "IDENT(y)", "INC", "SEMICOLON(newline)",
                        "IDENT(z)", "DEC", "SEMICOLON(newline)", "CHAR('c')", "SEMICOLON(newline)", "STRING(\"s\")",
                        "SEMICOLON(newline)", "ADD", "LBRACE");
    }

    @Test
    void commentsEndLinesLikeNewlines() {
        assertThat(tokens("x // c\ny /* one line */ z /* two\nlines */ w"))
                .containsExactly("IDENT(x)", "SEMICOLON(newline)", "IDENT(y)", "IDENT(z)", "SEMICOLON(newline)",
                        "IDENT(w)", "SEMICOLON(EOF)");
    }

    @Test
    void keepsCommentsWithPositions() {
        Scanner s = scanner("//go:noinline\nfunc /* c */ f()\n");
        do {
            s.next();
        } while (s.tok != Token.EOF);
        assertThat(s.comments()).extracting(c -> c.text).containsExactly("//go:noinline", "/* c */");
        assertThat(s.file().position(s.comments().get(1).slash).toString()).isEqualTo("x.go:2:6");
    }

    @Test
    void explicitSemicolonHasLitSemicolon() {
        assertThat(tokens("a; b")).containsExactly("IDENT(a)", "SEMICOLON(semicolon)", "IDENT(b)", "SEMICOLON(EOF)");
    }

    @Test
    void skipsLeadingBomButReportsOneInTheMiddle() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] src = concat(bom, "x ".getBytes(StandardCharsets.UTF_8), bom, "y".getBytes(StandardCharsets.UTF_8));
        Scanner s = scanner(src);
        s.next();
        assertThat(s.tok).isEqualTo(Token.IDENT);
        assertThat(s.file().position(s.pos).column()).isEqualTo(4);
        s.next();
        assertThat(s.lit).isEqualTo("y");
        assertThat(errorMessages()).containsExactly("invalid BOM in the middle of the file");
    }

    @Test
    void reportsNulAndInvalidUtf8AndKeepsGoing() {
        byte[] src = {'a', 0, 'b', ' ', (byte) 0xFF, 'c', ' ', (byte) 0xC0, (byte) 0x80};
        Scanner s = scanner(src);
        List<String> toks = new ArrayList<>();
        do {
            s.next();
            toks.add(s.tok.name());
        } while (s.tok != Token.EOF);
        assertThat(errorMessages()).containsExactly(
                "invalid NUL character", "invalid UTF-8 encoding", "invalid UTF-8 encoding", "invalid UTF-8 encoding");
        assertThat(toks).containsExactly("IDENT", "IDENT", "SEMICOLON", "EOF");
    }

    @Test
    void invalidUtf8InsideANumberKeepsByteOffsets() {
        // The skipped byte is not in the literal's text, but error positions count it, as gc's do.
        Scanner s = scanner(new byte[] {'0', 'b', '1', (byte) 0xFF, '2', ' ', '1', '_', (byte) 0xFF, '_', '0'});
        do {
            s.next();
        } while (s.tok != Token.EOF);
        assertThat(errors).extracting(Diagnostic::toString).containsExactly(
                "x.go:1:4: invalid UTF-8 encoding",
                "x.go:1:5: invalid digit '2' in binary literal",
                "x.go:1:9: invalid UTF-8 encoding",
                "x.go:1:8: '_' must separate successive digits");
    }

    @Test
    void reportsInvalidCharactersWithGoFormatting() {
        tokens("a @ b € c");
        assertThat(errorMessages()).containsExactly("invalid character U+0040 '@'",
                "invalid character U+20AC '€' in identifier");
    }

    @Test
    void identifierCannotBeginWithUnicodeDigit() {
        tokens("٣x");
        assertThat(errorMessages()).containsExactly("identifier cannot begin with digit U+0663 '٣'");
    }

    @Test
    void positionsCountBytesAndTabsAsOneColumn() {
        Scanner s = scanner("\tπ := \"é\"; x\n  y");
        s.next(); // π
        assertThat(s.file().position(s.pos).toString()).isEqualTo("x.go:1:2");
        s.next(); // :=
        assertThat(s.file().position(s.pos).column()).isEqualTo(5);
        s.next(); // "é"
        s.next(); // ;
        s.next(); // x
        assertThat(s.file().position(s.pos).column()).isEqualTo(14);
        s.next(); // newline
        s.next(); // y
        assertThat(s.file().position(s.pos).toString()).isEqualTo("x.go:2:3");
    }

    @Test
    void errorsArePositionedAtTheOffendingByte() {
        tokens("x := 0b102");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).toString()).isEqualTo("x.go:1:10: invalid digit '2' in binary literal");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
