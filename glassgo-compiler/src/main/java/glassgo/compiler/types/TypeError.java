package glassgo.compiler.types;

/** One type-checking diagnostic: a position (go/token Pos) and gc's message. Soft errors (unused names) come last in gc's order only by position. */
public record TypeError(int pos, String msg, boolean soft) {}
