// The parts of Go's strconv (Quote, Unquote, UnquoteChar) and unicode/utf8 that constants need.
package glassgo.compiler.constant;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go string handling over bytes. Go strings are byte sequences, so {@code "\xff"} is one byte
 * that no Java String could hold; these helpers work on {@code byte[]} and follow strconv's rules:
 * invalid UTF-8 decodes as U+FFFD one byte at a time, {@code Quote} escapes exactly what
 * {@code strconv.IsPrint} rejects.
 */
final class GoStrings {
    static final int RUNE_ERROR = 0xFFFD;

    private GoStrings() {}

    /** utf8.DecodeRune: {rune, width}; {RUNE_ERROR, 1} for an invalid or truncated encoding. */
    static int[] decodeRune(byte[] s, int i) {
        int b0 = s[i] & 0xff;
        if (b0 < 0x80) {
            return new int[] {b0, 1};
        }
        int n;
        int min;
        int r;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            n = 2;
            min = 0x80;
            r = b0 & 0x1f;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            n = 3;
            min = 0x800;
            r = b0 & 0x0f;
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            n = 4;
            min = 0x10000;
            r = b0 & 0x07;
        } else {
            return new int[] {RUNE_ERROR, 1};
        }
        if (i + n > s.length) {
            return new int[] {RUNE_ERROR, 1};
        }
        for (int k = 1; k < n; k++) {
            int b = s[i + k] & 0xff;
            if ((b & 0xc0) != 0x80) {
                return new int[] {RUNE_ERROR, 1};
            }
            r = (r << 6) | (b & 0x3f);
        }
        if (r < min || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) {
            return new int[] {RUNE_ERROR, 1};
        }
        return new int[] {r, n};
    }

    static boolean validRune(int r) {
        return r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff);
    }

    static void appendRune(ByteArrayOutputStream out, int r) {
        if (!validRune(r)) {
            r = RUNE_ERROR;
        }
        out.writeBytes(new String(Character.toChars(r)).getBytes(StandardCharsets.UTF_8));
    }

    /** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int r) {
        if (r < 0x80) {
            return r >= 0x20 && r < 0x7f;
        }
        return switch (Character.getType(r)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** strconv.Quote. */
    static String quote(byte[] s) {
        StringBuilder sb = new StringBuilder(s.length + 2).append('"');
        for (int i = 0; i < s.length; ) {
            int[] rw = decodeRune(s, i);
            int r = rw[0];
            if (rw[1] == 1 && r == RUNE_ERROR) {
                sb.append("\\x").append(hex(s[i] & 0xff, 2));
                i++;
                continue;
            }
            i += rw[1];
            if (r == '"' || r == '\\') {
                sb.append('\\').appendCodePoint(r);
            } else if (isPrint(r)) {
                sb.appendCodePoint(r);
            } else {
                switch (r) {
                    case 7 -> sb.append("\\a");
                    case '\b' -> sb.append("\\b");
                    case '\f' -> sb.append("\\f");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    case 11 -> sb.append("\\v");
                    default -> {
                        if (r < ' ' || r == 0x7f) {
                            sb.append("\\x").append(hex(r, 2));
                        } else if (r < 0x10000) {
                            sb.append("\\u").append(hex(r, 4));
                        } else {
                            sb.append("\\U").append(hex(r, 8));
                        }
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String hex(int v, int width) {
        String h = Integer.toHexString(v);
        return "0".repeat(Math.max(0, width - h.length())) + h;
    }

    /** One decoded character of a quoted literal: its value, whether it is a byte (\x, octal), and where the rest starts. */
    record Char(int value, boolean isByte, int next) {}

    /**
     * strconv.UnquoteChar on the bytes s from i, inside a literal quoted with {@code quote}; null if
     * the escape is invalid.
     */
    static Char unquoteChar(byte[] s, int i, char quote) {
        int c = s[i] & 0xff;
        if (c == quote && (quote == '\'' || quote == '"')) {
            return null;
        }
        if (c >= 0x80) {
            int[] rw = decodeRune(s, i);
            return new Char(rw[0], false, i + rw[1]);
        }
        if (c != '\\') {
            return new Char(c, false, i + 1);
        }
        if (i + 1 >= s.length) {
            return null;
        }
        int e = s[i + 1] & 0xff;
        int j = i + 2;
        switch (e) {
            case 'a': return new Char(7, false, j);
            case 'b': return new Char('\b', false, j);
            case 'f': return new Char('\f', false, j);
            case 'n': return new Char('\n', false, j);
            case 'r': return new Char('\r', false, j);
            case 't': return new Char('\t', false, j);
            case 'v': return new Char(11, false, j);
            case '\\': return new Char('\\', false, j);
            case '\'', '"':
                return e == quote ? new Char(e, false, j) : null;
            case 'x', 'u', 'U': {
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (j + n > s.length) {
                    return null;
                }
                int v = 0;
                for (int k = 0; k < n; k++) {
                    int d = Character.digit(s[j + k] & 0xff, 16);
                    if (d < 0) {
                        return null;
                    }
                    v = v * 16 + d;
                }
                if (e == 'x') {
                    return new Char(v, true, j + n);
                }
                return validRune(v) ? new Char(v, false, j + n) : null;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7': {
                if (i + 4 > s.length) {
                    return null;
                }
                int v = 0;
                for (int k = 1; k <= 3; k++) {
                    int d = (s[i + k] & 0xff) - '0';
                    if (d < 0 || d > 7) {
                        return null;
                    }
                    v = v * 8 + d;
                }
                return v > 255 ? null : new Char(v, true, i + 4);
            }
            default:
                return null;
        }
    }

    /** strconv.Unquote for a Go string literal ("..." or `...`); null if malformed. */
    static byte[] unquote(String lit) {
        byte[] s = lit.getBytes(StandardCharsets.UTF_8);
        int n = s.length;
        if (n < 2 || s[0] != s[n - 1]) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        if (s[0] == '`') {
            for (int i = 1; i < n - 1; i++) {
                if (s[i] == '`') {
                    return null;
                }
                // Carriage returns are discarded from raw string literals (Go spec).
                if (s[i] != '\r') {
                    out.write(s[i]);
                }
            }
            return out.toByteArray();
        }
        if (s[0] != '"') {
            return null;
        }
        byte[] body = java.util.Arrays.copyOfRange(s, 1, n - 1);
        for (int i = 0; i < body.length; ) {
            if (body[i] == '\n') {
                return null;
            }
            Char c = unquoteChar(body, i, '"');
            if (c == null) {
                return null;
            }
            if (c.isByte() || c.value() < 0x80) {
                out.write(c.value());
            } else {
                appendRune(out, c.value());
            }
            i = c.next();
        }
        return out.toByteArray();
    }

    /** The value of a Go rune literal ('x', '\n', '\u00e9', ...); -1 if malformed. */
    static long unquoteRune(String lit) {
        byte[] s = lit.getBytes(StandardCharsets.UTF_8);
        if (s.length < 2 || s[0] != '\'' || s[s.length - 1] != '\'') {
            return -1;
        }
        byte[] body = java.util.Arrays.copyOfRange(s, 1, s.length - 1);
        if (body.length == 0) {
            return -1;
        }
        Char c = unquoteChar(body, 0, '\'');
        // go/constant ignores what follows the first character (the scanner has rejected it).
        return c == null ? -1 : c.value();
    }
}
