package glassgo.compiler.ast;

/** An identifier (go/ast Ident). go/ast's {@code Obj} is left out: resolution belongs to the type checker. */
public final class Ident implements Expr {
    /** position of the first byte */
    public final int namePos;
    public final String name;

    /** Computed once: pos() and end() never recurse, however deep the tree (e.g. a+b+...+z). */
    private final int pos;
    private final int end;

    public Ident(int namePos, String name) {
        this.namePos = namePos;
        this.name = name;
        this.pos = namePos;
        this.end = namePos + utf8Length(name);
    }

    @Override
    public int pos() {
        return pos;
    }

    @Override
    public int end() {
        return end;
    }

    /** Whether the name starts with an upper-case letter, so other packages may refer to it (go/ast IsExported). */
    public boolean isExported() {
        return !name.isEmpty() && Character.isUpperCase(name.codePointAt(0));
    }

    /** The name's length in UTF-8 bytes, the unit of Go positions. */
    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return name;
    }
}
