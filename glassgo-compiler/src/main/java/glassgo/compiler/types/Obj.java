package glassgo.compiler.types;

/**
 * A named language entity (go/types {@code Object}; renamed because Java owns that word): a
 * constant, type name, variable, function, package name, label, builtin or nil. Objects carry the
 * position of their declaration and, while package-level declarations are checked, a colour used
 * to find declaration cycles (go/types {@code object.color}).
 */
public abstract sealed class Obj permits Var, Const, TypeName, Func, PkgName, Label, Builtin, Nil {
    /** Checking state of a package-level object: white = unchecked, grey = in progress, black = done. */
    public enum Color { WHITE, GREY, BLACK }

    final String name;
    final Package pkg;
    Type type;
    final int pos;
    Scope parent;
    Color color = Color.WHITE;
    /** Order in which package-level objects were declared; breaks ties in init order. */
    int order;

    Obj(int pos, Package pkg, String name, Type type) {
        this.pos = pos;
        this.pkg = pkg;
        this.name = name;
        this.type = type;
    }

    public String name() {
        return name;
    }

    public Package pkg() {
        return pkg;
    }

    public Type type() {
        return type;
    }

    public void setType(Type type) {
        this.type = type;
    }

    public int pos() {
        return pos;
    }

    public Scope parent() {
        return parent;
    }

    public boolean exported() {
        return isExported(name);
    }

    public static boolean isExported(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.codePointAt(0));
    }

    /** go/types {@code Id}: exported names are global, unexported ones are qualified by package. */
    public boolean sameId(Package p, String n) {
        if (!name.equals(n)) {
            return false;
        }
        if (isExported(n)) {
            return true;
        }
        return samePackage(pkg, p);
    }

    static boolean samePackage(Package a, Package b) {
        if (a == b) {
            return true;
        }
        return a != null && b != null && a.path().equals(b.path());
    }
}
