// The parser for //go:build expressions (go/build/constraint's exprParser).
package glassgo.compiler.build;

/** Recursive descent over {@code ||}, {@code &&}, {@code !}, parentheses and tags. */
final class ConstraintParser {
    private final String s;
    private int i;
    private String tok = "";
    private boolean isTag;
    private int pos;

    ConstraintParser(String s) {
        this.s = s;
    }

    Constraint parse() throws Constraint.SyntaxError {
        Constraint x = or();
        if (!tok.isEmpty()) {
            throw new Constraint.SyntaxError(pos, "unexpected token " + tok);
        }
        return x;
    }

    private Constraint or() throws Constraint.SyntaxError {
        Constraint x = and();
        while (tok.equals("||")) {
            x = new Constraint.Or(x, and());
        }
        return x;
    }

    private Constraint and() throws Constraint.SyntaxError {
        Constraint x = not();
        while (tok.equals("&&")) {
            x = new Constraint.And(x, not());
        }
        return x;
    }

    private Constraint not() throws Constraint.SyntaxError {
        lex();
        if (tok.equals("!")) {
            lex();
            if (tok.equals("!")) {
                throw new Constraint.SyntaxError(pos, "double negation not allowed");
            }
            return new Constraint.Not(atom());
        }
        return atom();
    }

    private Constraint atom() throws Constraint.SyntaxError {
        if (tok.equals("(")) {
            int open = pos;
            Constraint x;
            try {
                x = or();
            } catch (Constraint.SyntaxError e) {
                if (e.getMessage().equals("unexpected end of expression")) {
                    throw new Constraint.SyntaxError(e.offset(), "missing close paren");
                }
                throw e;
            }
            if (!tok.equals(")")) {
                throw new Constraint.SyntaxError(open, "missing close paren");
            }
            lex();
            return x;
        }
        if (!isTag) {
            if (tok.isEmpty()) {
                throw new Constraint.SyntaxError(pos, "unexpected end of expression");
            }
            throw new Constraint.SyntaxError(pos, "unexpected token " + tok);
        }
        String t = tok;
        lex();
        return new Constraint.Tag(t);
    }

    private void lex() throws Constraint.SyntaxError {
        isTag = false;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i >= s.length()) {
            tok = "";
            pos = i;
            return;
        }
        char c = s.charAt(i);
        if (c == '(' || c == ')' || c == '!') {
            pos = i++;
            tok = String.valueOf(c);
            return;
        }
        if (c == '&' || c == '|') {
            if (i + 1 >= s.length() || s.charAt(i + 1) != c) {
                throw new Constraint.SyntaxError(i, "invalid syntax at " + c);
            }
            pos = i;
            i += 2;
            tok = s.substring(pos, i);
            return;
        }
        int j = i;
        while (j < s.length() && Constraint.isTagChar(s.codePointAt(j))) {
            j += Character.charCount(s.codePointAt(j));
        }
        if (j == i) {
            throw new Constraint.SyntaxError(i, "invalid syntax at " + Character.toString(s.codePointAt(i)));
        }
        pos = i;
        tok = s.substring(i, j);
        i = j;
        isTag = true;
    }
}
