package glassgo.compiler.types;

/** The predeclared {@code nil} (go/types {@code Nil}). */
public final class Nil extends Obj {
    Nil() {
        super(-1, null, "nil", Universe.UNTYPED_NIL);
    }
}
