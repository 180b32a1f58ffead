package glassgo.compiler.syntax;

/**
 * A resolved source position (go/token Position): file name, byte offset, 1-based line, and 1-based
 * column counted in bytes of UTF-8 text, exactly as Go counts (a tab is one column).
 */
public record Position(String filename, int offset, int line, int column) {
    /** The position of Pos 0: nowhere. */
    public static final Position NONE = new Position("", 0, 0, 0);

    public boolean isValid() {
        return line > 0;
    }

    /** {@code file:line:col}, {@code file:line} without a column, {@code -} when invalid, as go/token does. */
    @Override
    public String toString() {
        String s = filename;
        if (isValid()) {
            if (!s.isEmpty()) {
                s += ":";
            }
            s += line;
            if (column != 0) {
                s += ":" + column;
            }
        }
        return s.isEmpty() ? "-" : s;
    }
}
