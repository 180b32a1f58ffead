package glassgo.compiler.syntax;

/** Go's {@code %q} and {@code %#U} formatting of runes, used in diagnostics so they read as gc's do. */
final class Quote {
    private Quote() {}

    /** {@code %#U}: {@code U+0041 'A'}, or just {@code U+0000} for a rune that is not printable. */
    static String unicode(long r) {
        String hex = String.format("U+%04X", r);
        if (r >= 0 && r <= 0x10FFFF && isPrint((int) r)) {
            return hex + " '" + Character.toString((int) r) + "'";
        }
        return hex;
    }

    /** {@code %q} of a rune: {@code 'a'}, {@code '\n'}, {@code '\x00'}, {@code '\u00a0'}, as strconv.QuoteRune. */
    static String rune(int r) {
        return "'" + escape(r, '\'') + "'";
    }

    /** {@code %q} of a string, as strconv.Quote. */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(r -> b.append(escape(r, '"')));
        return b.append('"').toString();
    }

    private static String escape(int r, int quote) {
        if (r == quote || r == '\\') {
            return "\\" + Character.toString(r);
        }
        if (isPrint(r)) {
            return Character.toString(r);
        }
        return switch (r) {
            case 7 -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 11 -> "\\v";
            default -> r < ' ' || r == 0x7F ? String.format("\\x%02x", r)
                    : r < 0x10000 ? String.format("\\u%04x", r) : String.format("\\U%08x", r);
        };
    }

    /** Approximates unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        return switch (Character.getType(r)) {
            case Character.UNASSIGNED, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE,
                    Character.SURROGATE, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
