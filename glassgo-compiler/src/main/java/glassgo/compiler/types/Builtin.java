package glassgo.compiler.types;

/** A predeclared function such as {@code len} or {@code unsafe.Sizeof} (go/types {@code Builtin}). */
public final class Builtin extends Obj {
    public enum Id {
        APPEND, CAP, CLOSE, COMPLEX, COPY, DELETE, IMAG, LEN, MAKE, NEW, PANIC, PRINT, PRINTLN,
        REAL, RECOVER, ADD, ALIGNOF, OFFSETOF, SIZEOF, SLICE
    }

    final Id id;

    Builtin(Package pkg, String name, Id id) {
        super(-1, pkg, name, Universe.INVALID);
        this.id = id;
    }

    public Id id() {
        return id;
    }
}
