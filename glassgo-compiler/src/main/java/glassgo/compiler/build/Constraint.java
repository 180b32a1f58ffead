// Build constraint expressions: glassgo's go/build/constraint (//go:build and // +build lines).
package glassgo.compiler.build;

import java.util.function.Predicate;

/**
 * A build constraint expression: a tag, {@code !x}, {@code x && y} or {@code x || y}. Parsed from a
 * {@code //go:build} line (Go 1.17+ syntax, with parentheses) or a legacy {@code // +build} line
 * (space-separated alternatives of comma-separated conjunctions of possibly negated tags).
 */
public sealed interface Constraint {

    /** Evaluates the expression, asking {@code hasTag} about each tag. */
    boolean eval(Predicate<String> hasTag);

    record Tag(String name) implements Constraint {
        @Override
        public boolean eval(Predicate<String> hasTag) {
            return hasTag.test(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Not(Constraint x) implements Constraint {
        @Override
        public boolean eval(Predicate<String> hasTag) {
            return !x.eval(hasTag);
        }

        @Override
        public String toString() {
            return "!" + (x instanceof Tag || x instanceof Not ? x : "(" + x + ")");
        }
    }

    /** Both sides are always evaluated: go/build records every tag it sees (AllTags). */
    record And(Constraint x, Constraint y) implements Constraint {
        @Override
        public boolean eval(Predicate<String> hasTag) {
            boolean a = x.eval(hasTag);
            boolean b = y.eval(hasTag);
            return a && b;
        }

        @Override
        public String toString() {
            return paren(x) + " && " + paren(y);
        }

        private static String paren(Constraint c) {
            return c instanceof Or ? "(" + c + ")" : c.toString();
        }
    }

    record Or(Constraint x, Constraint y) implements Constraint {
        @Override
        public boolean eval(Predicate<String> hasTag) {
            boolean a = x.eval(hasTag);
            boolean b = y.eval(hasTag);
            return a || b;
        }

        @Override
        public String toString() {
            return paren(x) + " || " + paren(y);
        }

        private static String paren(Constraint c) {
            return c instanceof And ? "(" + c + ")" : c.toString();
        }
    }

    /** A malformed {@code //go:build} expression; offset is into the expression text. */
    final class SyntaxError extends Exception {
        private final int offset;

        public SyntaxError(int offset, String message) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    /** Whether the line is a {@code //go:build} line (constraint.IsGoBuild). */
    static boolean isGoBuild(String line) {
        return splitGoBuild(line) != null;
    }

    /** Whether the line is a {@code // +build} line (constraint.IsPlusBuild). */
    static boolean isPlusBuild(String line) {
        return splitPlusBuild(line) != null;
    }

    /**
     * Parses a {@code //go:build} or {@code // +build} line. A +build line never fails (a bad
     * term becomes the tag "ignore", which is never set); a go:build line throws on bad syntax.
     */
    static Constraint parse(String line) throws SyntaxError {
        String text = splitGoBuild(line);
        if (text != null) {
            return new ConstraintParser(text).parse();
        }
        text = splitPlusBuild(line);
        if (text != null) {
            return parsePlusBuild(text);
        }
        throw new SyntaxError(0, "not a build constraint");
    }

    private static String oneLine(String line) {
        if (line.endsWith("\n")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.contains("\n") ? null : line;
    }

    private static String splitGoBuild(String line) {
        line = oneLine(line);
        if (line == null || !line.startsWith("//go:build")) {
            return null;
        }
        String rest = line.strip().substring("//go:build".length());
        String trim = rest.strip();
        // "//go:buildx" is not a go:build line: the keyword must be followed by space or end.
        if (rest.length() == trim.length() && !rest.isEmpty()) {
            return null;
        }
        return trim;
    }

    private static String splitPlusBuild(String line) {
        line = oneLine(line);
        if (line == null || !line.startsWith("//")) {
            return null;
        }
        line = line.substring(2).strip();
        if (!line.startsWith("+build")) {
            return null;
        }
        String rest = line.substring("+build".length());
        String trim = rest.strip();
        if (rest.length() == trim.length() && !rest.isEmpty()) {
            return null;
        }
        return trim;
    }

    private static Constraint parsePlusBuild(String text) {
        Constraint x = null;
        for (String clause : text.split("[ \t\r\n\f\u000b]+")) {
            if (clause.isEmpty()) {
                continue;
            }
            Constraint y = null;
            for (String lit : clause.split(",", -1)) {
                Constraint z;
                if (lit.startsWith("!!") || lit.equals("!")) {
                    z = new Tag("ignore");
                } else {
                    boolean neg = lit.startsWith("!");
                    if (neg) {
                        lit = lit.substring(1);
                    }
                    z = isValidTag(lit) ? new Tag(lit) : new Tag("ignore");
                    if (neg) {
                        z = new Not(z);
                    }
                }
                y = y == null ? z : new And(y, z);
            }
            x = x == null ? y : new Or(x, y);
        }
        return x == null ? new Tag("ignore") : x;
    }

    static boolean isValidTag(String word) {
        if (word.isEmpty()) {
            return false;
        }
        return word.codePoints().allMatch(Constraint::isTagChar);
    }

    /** A character allowed in a build tag: letter, digit, underscore or dot. */
    static boolean isTagChar(int c) {
        return Character.isLetter(c) || Character.isDigit(c) || c == '_' || c == '.';
    }
}
