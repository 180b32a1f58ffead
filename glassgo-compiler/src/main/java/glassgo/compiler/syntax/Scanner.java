package glassgo.compiler.syntax;

import glassgo.compiler.ast.Comment;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's lexer over the UTF-8 bytes of one file (gc's cmd/compile/internal/syntax/scanner.go, with
 * go/scanner's token kinds).
 *
 * <p>Each {@link #next()} reads one token into {@link #tok}, {@link #pos} and {@link #lit}:
 * <ol>
 *   <li>skip blanks; a newline is only a blank when no semicolon may be inserted;
 *   <li>record comments (with positions) in {@link #comments()} and skip them; a line comment, or a
 *       block comment spanning lines, ends the line like a newline does;
 *   <li>scan the token; after an identifier, a literal, one of the keywords break, continue,
 *       fallthrough, return, or one of {@code ++ -- ) ] }}, a newline or EOF becomes a SEMICOLON
 *       (the spec's automatic semicolon rule); its {@code lit} is "newline" or "EOF", while a written
 *       one has lit "semicolon", so the parser can say "unexpected newline" as gc does.
 * </ol>
 * Errors go to the handler with gc's wording; after an error the scanner continues, so a token
 * is always produced. NUL bytes, invalid UTF-8 and a byte order mark past the start are reported
 * and skipped, like gc's source reader.
 */
public final class Scanner {
    private static final int EOF_CH = -1;
    private static final int BOM = 0xFEFF;

    private final SourceFile file;
    private final byte[] src;
    private final ErrorHandler errh;
    private final List<Comment> comments = new ArrayList<>();

    /** Current character, EOF_CH at end of input. */
    private int ch;
    /** Offset of ch. */
    private int off;
    /** Offset just after ch. */
    private int rdOff;
    /** Whether a newline or EOF now would become a semicolon. */
    private boolean nlsemi;

    /** Kind of the current token. */
    public Token tok;
    /** Pos of the current token's first byte. */
    public int pos;
    /**
     * Source text of IDENT and literal tokens (raw strings without carriage returns); "semicolon",
     * "newline" or "EOF" for SEMICOLON; null otherwise.
     */
    public String lit;

    public Scanner(SourceFile file, byte[] src, ErrorHandler errh) {
        if (file.size() != src.length) {
            throw new IllegalArgumentException("scanner: file size " + file.size() + " != source length " + src.length);
        }
        this.file = file;
        this.src = src;
        this.errh = errh;
        this.rdOff = 0;
        // A byte order mark is allowed as the very first character only.
        if (src.length >= 3 && (src[0] & 0xFF) == 0xEF && (src[1] & 0xFF) == 0xBB && (src[2] & 0xFF) == 0xBF) {
            rdOff = 3;
        }
        nextch();
    }

    public SourceFile file() {
        return file;
    }

    /** All comments scanned so far, in source order. */
    public List<Comment> comments() {
        return comments;
    }

    // ---- characters

    private void nextch() {
        while (true) {
            off = rdOff;
            if (rdOff >= src.length) {
                ch = EOF_CH;
                return;
            }
            int b = src[rdOff] & 0xFF;
            if (b < 0x80) {
                rdOff++;
                ch = b;
                if (b == 0) {
                    errorAt(off, "invalid NUL character");
                    continue;
                }
                return;
            }
            int r = decodeRune();
            if (r < 0) {
                errorAt(off, "invalid UTF-8 encoding");
                rdOff = off + 1;
                continue;
            }
            ch = r;
            if (r == BOM) {
                errorAt(off, "invalid BOM in the middle of the file");
                continue;
            }
            return;
        }
    }

    /** Decodes the multi-byte rune at rdOff, advancing rdOff; -1 if the encoding is invalid. */
    private int decodeRune() {
        int b0 = src[rdOff] & 0xFF;
        int n;
        int min;
        int r;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 2;
            min = 0x80;
            r = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 3;
            min = 0x800;
            r = b0 & 0x0F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 4;
            min = 0x10000;
            r = b0 & 0x07;
        } else {
            return -1;
        }
        if (rdOff + n > src.length) {
            return -1;
        }
        for (int i = 1; i < n; i++) {
            int b = src[rdOff + i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                return -1;
            }
            r = r << 6 | (b & 0x3F);
        }
        if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) {
            return -1;
        }
        rdOff += n;
        return r;
    }

    private void errorAt(int offset, String msg) {
        errh.error(file.position(file.pos(offset)), msg);
    }

    /** Reports at the current character, as gc's errorf. */
    private void errorf(String msg) {
        errorAt(off, msg);
    }

    // ---- tokens

    /** Advances to the next token. */
    public void next() {
        boolean semiOK = nlsemi;
        nlsemi = false;
        lit = null;
        while (true) {
            while (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' && !semiOK) {
                nextch();
            }
            int start = off;
            pos = file.pos(start);
            if (isLetter(ch) || ch >= 0x80 && atIdentChar(true)) {
                nextch();
                ident(start);
                return;
            }
            switch (ch) {
                case EOF_CH -> {
                    if (semiOK) {
                        tok = Token.SEMICOLON;
                        lit = "EOF";
                    } else {
                        tok = Token.EOF;
                    }
                }
                case '\n' -> {
                    nextch();
                    tok = Token.SEMICOLON;
                    lit = "newline";
                }
                case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number(start, false);
                case '"' -> stdString(start);
                case '`' -> rawString(start);
                case '\'' -> rune(start);
                case '(' -> single(Token.LPAREN);
                case '[' -> single(Token.LBRACK);
                case '{' -> single(Token.LBRACE);
                case ',' -> single(Token.COMMA);
                case ';' -> {
                    single(Token.SEMICOLON);
                    lit = "semicolon";
                    sameLineComments();
                }
                case ')' -> {
                    single(Token.RPAREN);
                    nlsemi = true;
                }
                case ']' -> {
                    single(Token.RBRACK);
                    nlsemi = true;
                }
                case '}' -> {
                    single(Token.RBRACE);
                    nlsemi = true;
                }
                case ':' -> {
                    nextch();
                    tok = Token.COLON;
                    if (ch == '=') {
                        nextch();
                        tok = Token.DEFINE;
                    }
                }
                case '.' -> {
                    nextch();
                    if (isDecimal(ch)) {
                        number(start, true);
                    } else if (ch == '.' && peek(0) == '.') {
                        nextch();
                        nextch();
                        tok = Token.ELLIPSIS;
                    } else {
                        tok = Token.PERIOD;
                    }
                }
                case '+' -> incOrAssign(Token.ADD, '+', Token.INC, Token.ADD_ASSIGN);
                case '-' -> incOrAssign(Token.SUB, '-', Token.DEC, Token.SUB_ASSIGN);
                case '*' -> opOrAssign(Token.MUL, Token.MUL_ASSIGN);
                case '/' -> {
                    nextch();
                    if (ch == '/') {
                        lineComment(start);
                        continue;
                    }
                    if (ch == '*') {
                        int line = file.rawPosition(pos).line();
                        fullComment(start);
                        if (semiOK && file.rawPosition(file.pos(off)).line() > line) {
                            // A multi-line comment acts like a newline.
                            tok = Token.SEMICOLON;
                            lit = "newline";
                            return;
                        }
                        continue;
                    }
                    assignOr(Token.QUO, Token.QUO_ASSIGN);
                }
                case '%' -> opOrAssign(Token.REM, Token.REM_ASSIGN);
                case '&' -> {
                    nextch();
                    if (ch == '&') {
                        nextch();
                        tok = Token.LAND;
                    } else if (ch == '^') {
                        nextch();
                        assignOr(Token.AND_NOT, Token.AND_NOT_ASSIGN);
                    } else {
                        assignOr(Token.AND, Token.AND_ASSIGN);
                    }
                }
                case '|' -> {
                    nextch();
                    if (ch == '|') {
                        nextch();
                        tok = Token.LOR;
                    } else {
                        assignOr(Token.OR, Token.OR_ASSIGN);
                    }
                }
                case '^' -> opOrAssign(Token.XOR, Token.XOR_ASSIGN);
                case '<' -> {
                    nextch();
                    if (ch == '=') {
                        nextch();
                        tok = Token.LEQ;
                    } else if (ch == '<') {
                        nextch();
                        assignOr(Token.SHL, Token.SHL_ASSIGN);
                    } else if (ch == '-') {
                        nextch();
                        tok = Token.ARROW;
                    } else {
                        tok = Token.LSS;
                    }
                }
                case '>' -> {
                    nextch();
                    if (ch == '=') {
                        nextch();
                        tok = Token.GEQ;
                    } else if (ch == '>') {
                        nextch();
                        assignOr(Token.SHR, Token.SHR_ASSIGN);
                    } else {
                        tok = Token.GTR;
                    }
                }
                case '=' -> {
                    nextch();
                    tok = Token.ASSIGN;
                    if (ch == '=') {
                        nextch();
                        tok = Token.EQL;
                    }
                }
                case '!' -> {
                    nextch();
                    tok = Token.NOT;
                    if (ch == '=') {
                        nextch();
                        tok = Token.NEQ;
                    }
                }
                case '~' -> single(Token.TILDE);
                default -> {
                    errorf("invalid character " + Quote.unicode(ch));
                    nextch();
                    continue;
                }
            }
            return;
        }
    }

    /**
     * Records the comments that follow an explicit ';' on its line now rather than with the next
     * token, so that {@code x := 1; // c} gives c as the statement's line comment, as go/parser
     * does. No semicolon can be inserted after ';', so skipping these early changes no token.
     */
    private void sameLineComments() {
        while (true) {
            while (ch == ' ' || ch == '\t' || ch == '\r') {
                nextch();
            }
            if (ch != '/' || peek(0) != '/' && peek(0) != '*') {
                return;
            }
            int start = off;
            nextch();
            if (ch == '/') {
                lineComment(start);
                return; // the line ends here
            }
            int line = file.rawPosition(file.pos(start)).line();
            fullComment(start);
            if (file.rawPosition(file.pos(off)).line() != line) {
                return;
            }
        }
    }

    /** The byte {@code k} positions after the current character, or -1. */
    private int peek(int k) {
        int i = rdOff + k;
        return i < src.length ? src[i] & 0xFF : -1;
    }

    private void single(Token t) {
        nextch();
        tok = t;
    }

    private void opOrAssign(Token op, Token assign) {
        nextch();
        assignOr(op, assign);
    }

    private void assignOr(Token op, Token assign) {
        if (ch == '=') {
            nextch();
            tok = assign;
        } else {
            tok = op;
        }
    }

    private void incOrAssign(Token op, int same, Token incdec, Token assign) {
        nextch();
        if (ch == same) {
            nextch();
            tok = incdec;
            nlsemi = true;
        } else {
            assignOr(op, assign);
        }
    }

    /**
     * The source text from start to the current character. Invalid UTF-8 (already reported) is
     * dropped rather than replaced, so that a node's end, computed from its text's UTF-8 length,
     * never lies beyond its real end.
     */
    private String text(int start) {
        int n = off - start;
        boolean ascii = true;
        for (int i = start; i < off; i++) {
            if (src[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(src, start, n, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.IGNORE)
                    .onUnmappableCharacter(CodingErrorAction.IGNORE)
                    .decode(ByteBuffer.wrap(src, start, n))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("scanner: UTF-8 decoding failed although errors are ignored", e);
        }
    }

    private void ident(int start) {
        while (true) {
            if (isLetter(ch) || isDecimal(ch)) {
                nextch();
            } else if (ch >= 0x80 && atIdentChar(false)) {
                nextch();
            } else {
                break;
            }
        }
        String s = text(start);
        Token kw = s.length() >= 2 ? Token.lookup(s) : Token.IDENT;
        if (kw != Token.IDENT) {
            tok = kw;
            nlsemi = kw == Token.BREAK || kw == Token.CONTINUE || kw == Token.FALLTHROUGH || kw == Token.RETURN;
            return;
        }
        tok = Token.IDENT;
        lit = s;
        nlsemi = true;
    }

    private boolean atIdentChar(boolean first) {
        if (Character.isLetter(ch) || ch == '_') {
            return true;
        }
        if (Character.isDigit(ch)) {
            if (first) {
                errorf("identifier cannot begin with digit " + Quote.unicode(ch));
            }
            return true;
        }
        if (ch >= 0x80) {
            errorf("invalid character " + Quote.unicode(ch) + " in identifier");
            return true;
        }
        return false;
    }

    private static int lower(int c) {
        return ('a' - 'A') | c;
    }

    static boolean isLetter(int c) {
        return 'a' <= lower(c) && lower(c) <= 'z' || c == '_';
    }

    static boolean isDecimal(int c) {
        return '0' <= c && c <= '9';
    }

    static boolean isHex(int c) {
        return isDecimal(c) || 'a' <= lower(c) && lower(c) <= 'f';
    }

    // ---- numbers

    /** Offset, relative to the literal start, of the first digit too large for the base; -1 if none. */
    private int invalidDigit;

    /** Reads {digit | '_'}; returns bit 0 set if a digit was seen, bit 1 if a '_' was. */
    private int digits(int start, int base) {
        int digsep = 0;
        if (base <= 10) {
            int max = '0' + base;
            while (isDecimal(ch) || ch == '_') {
                int ds = 1;
                if (ch == '_') {
                    ds = 2;
                } else if (ch >= max && invalidDigit < 0) {
                    invalidDigit = off - start;
                }
                digsep |= ds;
                nextch();
            }
        } else {
            while (isHex(ch) || ch == '_') {
                digsep |= ch == '_' ? 2 : 1;
                nextch();
            }
        }
        return digsep;
    }

    private void number(int start, boolean seenPoint) {
        boolean ok = true;
        Token kind = Token.INT;
        int base = 10;
        int prefix = 0; // 0 (decimal), '0' (0-octal), 'x', 'o' or 'b'
        int digsep = 0;
        invalidDigit = -1;

        if (!seenPoint) {
            if (ch == '0') {
                nextch();
                switch (lower(ch)) {
                    case 'x' -> {
                        nextch();
                        base = 16;
                        prefix = 'x';
                    }
                    case 'o' -> {
                        nextch();
                        base = 8;
                        prefix = 'o';
                    }
                    case 'b' -> {
                        nextch();
                        base = 2;
                        prefix = 'b';
                    }
                    default -> {
                        base = 8;
                        prefix = '0';
                        digsep = 1; // the leading 0
                    }
                }
            }
            digsep |= digits(start, base);
            if (ch == '.') {
                if (prefix == 'o' || prefix == 'b') {
                    errorf("invalid radix point in " + baseName(base) + " literal");
                    ok = false;
                }
                nextch();
                seenPoint = true;
            }
        }
        if (seenPoint) {
            kind = Token.FLOAT;
            digsep |= digits(start, base);
        }
        if ((digsep & 1) == 0 && ok) {
            errorf(baseName(base) + " literal has no digits");
            ok = false;
        }
        int e = lower(ch);
        if (e == 'e' || e == 'p') {
            if (ok) {
                if (e == 'e' && prefix != 0 && prefix != '0') {
                    errorf(Quote.rune(ch) + " exponent requires decimal mantissa");
                    ok = false;
                } else if (e == 'p' && prefix != 'x') {
                    errorf(Quote.rune(ch) + " exponent requires hexadecimal mantissa");
                    ok = false;
                }
            }
            nextch();
            kind = Token.FLOAT;
            if (ch == '+' || ch == '-') {
                nextch();
            }
            int saved = invalidDigit;
            int ds = digits(start, 10);
            invalidDigit = saved;
            digsep = ds | (digsep & 2);
            if ((ds & 1) == 0 && ok) {
                errorf("exponent has no digits");
                ok = false;
            }
        } else if (prefix == 'x' && kind == Token.FLOAT && ok) {
            errorf("hexadecimal mantissa requires a 'p' exponent");
            ok = false;
        }
        if (ch == 'i') {
            kind = Token.IMAG;
            nextch();
        }
        tok = kind;
        lit = text(start);
        nlsemi = true;
        if (kind == Token.INT && invalidDigit >= 0 && ok) {
            errorAt(start + invalidDigit,
                    "invalid digit " + Quote.rune(src[start + invalidDigit]) + " in " + baseName(base) + " literal");
            ok = false;
        }
        if ((digsep & 2) != 0 && ok) {
            // Offsets are in bytes of the source: invalid UTF-8 skipped inside the literal is not in lit.
            int i = invalidSep(new String(src, start, off - start, StandardCharsets.ISO_8859_1));
            if (i >= 0) {
                errorAt(start + i, "'_' must separate successive digits");
                ok = false;
            }
        }
    }

    static String baseName(int base) {
        return switch (base) {
            case 2 -> "binary";
            case 8 -> "octal";
            case 10 -> "decimal";
            case 16 -> "hexadecimal";
            default -> throw new IllegalArgumentException("scanner: invalid base " + base);
        };
    }

    /** Index of the first '_' in {@code x} that does not separate two digits (or prefix and digit), or -1. */
    static int invalidSep(String x) {
        int x1 = ' ';
        int d = '.'; // '_', '0' (a digit) or '.' (anything else)
        int i = 0;
        if (x.length() >= 2 && x.charAt(0) == '0') {
            x1 = lower(x.charAt(1));
            if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
                d = '0';
                i = 2;
            }
        }
        for (; i < x.length(); i++) {
            int p = d;
            d = x.charAt(i);
            if (d == '_') {
                if (p != '0') {
                    return i;
                }
            } else if (isDecimal(d) || x1 == 'x' && isHex(d)) {
                d = '0';
            } else {
                if (p == '_') {
                    return i - 1;
                }
                d = '.';
            }
        }
        return d == '_' ? x.length() - 1 : -1;
    }

    // ---- runes and strings

    private void rune(int start) {
        boolean ok = true;
        nextch();
        for (int n = 0; ; n++) {
            if (ch == '\'') {
                if (ok) {
                    if (n == 0) {
                        errorf("empty rune literal or unescaped '");
                        ok = false;
                    } else if (n != 1) {
                        errorAt(start, "more than one character in rune literal");
                        ok = false;
                    }
                }
                nextch();
                break;
            }
            if (ch == '\\') {
                nextch();
                if (!escape('\'')) {
                    ok = false;
                }
                continue;
            }
            if (ch == '\n') {
                if (ok) {
                    errorf("newline in rune literal");
                    ok = false;
                }
                break;
            }
            if (ch == EOF_CH) {
                if (ok) {
                    errorAt(start, "rune literal not terminated");
                    ok = false;
                }
                break;
            }
            nextch();
        }
        literal(Token.CHAR, start);
    }

    private void stdString(int start) {
        nextch();
        while (true) {
            if (ch == '"') {
                nextch();
                break;
            }
            if (ch == '\\') {
                nextch();
                escape('"');
                continue;
            }
            if (ch == '\n') {
                errorf("newline in string");
                break;
            }
            if (ch == EOF_CH) {
                errorAt(start, "string not terminated");
                break;
            }
            nextch();
        }
        literal(Token.STRING, start);
    }

    private void rawString(int start) {
        nextch();
        boolean hasCR = false;
        while (true) {
            if (ch == '`') {
                nextch();
                break;
            }
            if (ch == EOF_CH) {
                errorAt(start, "string not terminated");
                break;
            }
            hasCR |= ch == '\r';
            nextch();
        }
        literal(Token.STRING, start);
        // Carriage returns are not part of a raw string's value; go/scanner drops them from the text.
        if (hasCR) {
            lit = lit.replace("\r", "");
        }
    }

    private void literal(Token kind, int start) {
        tok = kind;
        lit = text(start);
        nlsemi = true;
    }

    /** Reads an escape after the backslash; reports and returns false if it is malformed. */
    private boolean escape(int quote) {
        int n;
        int base;
        int max;
        switch (ch) {
            case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\' -> {
                nextch();
                return true;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                n = 3;
                base = 8;
                max = 255;
            }
            case 'x' -> {
                nextch();
                n = 2;
                base = 16;
                max = 255;
            }
            case 'u' -> {
                nextch();
                n = 4;
                base = 16;
                max = 0x10FFFF;
            }
            case 'U' -> {
                nextch();
                n = 8;
                base = 16;
                max = 0x10FFFF;
            }
            default -> {
                if (ch == quote) {
                    nextch();
                    return true;
                }
                if (ch == EOF_CH) {
                    return true; // the caller complains about EOF
                }
                errorf("unknown escape");
                return false;
            }
        }
        long x = 0;
        for (int i = n; i > 0; i--) {
            if (ch == EOF_CH) {
                return true;
            }
            int d = base;
            if (isDecimal(ch)) {
                d = ch - '0';
            } else if ('a' <= lower(ch) && lower(ch) <= 'f') {
                d = lower(ch) - 'a' + 10;
            }
            if (d >= base) {
                errorf("invalid character " + Quote.rune(ch) + " in " + baseName(base) + " escape");
                return false;
            }
            x = x * base + d;
            nextch();
        }
        if (x > max && base == 8) {
            errorf("octal escape value " + x + " > 255");
            return false;
        }
        if (x > max || 0xD800 <= x && x < 0xE000) {
            errorf("escape is invalid Unicode code point " + Quote.unicode(x));
            return false;
        }
        return true;
    }

    // ---- comments

    private void lineComment(int start) {
        while (ch != EOF_CH && ch != '\n') {
            nextch();
        }
        String t = text(start);
        if (t.endsWith("\r")) {
            t = t.substring(0, t.length() - 1);
        }
        comments.add(new Comment(file.pos(start), t));
        // A //line directive counts only at the start of a line; it sets the position of the next line.
        if (t.startsWith("//line ") && (start == 0 || src[start - 1] == '\n')) {
            lineDirective(start, t.substring(7), off < src.length ? off + 1 : off);
        }
    }

    /**
     * Records a line directive whose text (after "line ") is {@code filename:line[:col]}; the byte
     * at {@code next} is at that position (gc's updateBase). Text not ending in ":digits" is an
     * ordinary comment.
     */
    private void lineDirective(int start, String text, int next) {
        int textOff = start + 7;
        int i = text.lastIndexOf(':');
        if (i < 0) {
            return;
        }
        long n = parseUint(text.substring(i + 1));
        if (n < 0) {
            errorAt(textOff + byteLength(text, i + 1), "invalid line number: " + text.substring(i + 1));
            return;
        }
        long line = n;
        long col = 0;
        String name = text.substring(0, i);
        int j = name.lastIndexOf(':');
        long n2 = j < 0 ? -1 : parseUint(name.substring(j + 1));
        if (n2 >= 0) {
            line = n2;
            col = n;
            if (col == 0 || col > MAX_LINE_OR_COL) {
                errorAt(textOff + byteLength(text, i + 1), "invalid column number: " + text.substring(i + 1));
                return;
            }
            name = name.substring(0, j);
            i = j;
        }
        if (line == 0 || line > MAX_LINE_OR_COL) {
            errorAt(textOff + byteLength(text, i + 1), "invalid line number: " + text.substring(i + 1));
            return;
        }
        if (name.isEmpty() && n2 >= 0) {
            // With a column, an empty filename means the current one.
            name = file.filenameAt(start);
        }
        file.addLineInfo(new SourceFile.LineInfo(next, name, (int) line, (int) col));
    }

    /** The UTF-8 length of text's first n chars: error columns count bytes, and file names may not be ASCII. */
    private static int byteLength(String text, int n) {
        return text.substring(0, n).getBytes(StandardCharsets.UTF_8).length;
    }

    /** gc's PosMax: lines and columns beyond it are invalid in line directives. */
    private static final long MAX_LINE_OR_COL = 1L << 30;

    /** Parses decimal digits as strconv.ParseUint does; -1 if s is not a number or overflows. */
    private static long parseUint(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private void fullComment(int start) {
        nextch(); // the '*'
        while (ch != EOF_CH) {
            if (ch == '*' && peek(0) == '/') {
                nextch();
                nextch();
                String t = text(start);
                comments.add(new Comment(file.pos(start), t));
                if (t.startsWith("/*line ") && t.indexOf('\n') < 0) {
                    lineDirective(start, t.substring(7, t.length() - 2), off);
                }
                return;
            }
            nextch();
        }
        errorAt(start, "comment not terminated");
        comments.add(new Comment(file.pos(start), text(start)));
    }
}
