package glassgo.compiler.ast;

import glassgo.compiler.syntax.Token;

/** A literal of basic type (go/ast BasicLit): INT, FLOAT, IMAG, CHAR or STRING, kept as its source text. */
public final class BasicLit implements Expr {
    public final int valuePos;
    /** INT, FLOAT, IMAG, CHAR or STRING */
    public final Token kind;
    /** the literal's source text, e.g. 42, 0x7f, 3.14, 1e-9, 2.4i, 'a', '\\x7f', "foo" or `\\m\\n\\o` */
    public final String value;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public BasicLit(int valuePos, Token kind, String value) {
        this.valuePos = valuePos;
        this.kind = kind;
        this.value = value;
        this.pos = valuePos;
        this.end = valuePos + Ident.utf8Length(value);
    }

    @Override
    public int pos() {
        return pos;
    }

    @Override
    public int end() {
        return end;
    }
}
