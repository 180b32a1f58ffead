package glassgo.compiler.ast;

import java.util.List;

/** A list of fields in parentheses, brackets or braces (go/ast FieldList). */
public final class FieldList implements Node {
    /** position of the opening ( [ or {, 0 if none */
    public final int opening;
    public final List<Field> list;
    /** position of the closing ) ] or }, 0 if none */
    public final int closing;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public FieldList(int opening, List<Field> list, int closing) {
        this.opening = opening;
        this.list = List.copyOf(list);
        this.closing = closing;
        this.pos = opening != 0 ? opening : !list.isEmpty() ? list.get(0).pos() : 0;
        this.end = closing != 0 ? closing + 1 : !list.isEmpty() ? list.get(list.size() - 1).end() : 0;
    }

    @Override
    public int pos() {
        return pos;
    }

    @Override
    public int end() {
        return end;
    }

    /** The number of parameters or fields, counting each name of a {@code a, b T} field (go/ast NumFields). */
    public int numFields() {
        int n = 0;
        for (Field f : list) {
            n += Math.max(1, f.names.size());
        }
        return n;
    }
}
