package glassgo.compiler.types;

/** One term of a union or type set: {@code T} or {@code ~T} (go/types {@code Term}). */
public record Term(boolean tilde, Type type) {
    /** Whether type t is in this term's set: identical, or (for ~T) with T's underlying type. */
    public boolean includes(Type t) {
        if (type == null) {
            return true; // the term of "all types"
        }
        Type u = tilde ? t.underlying() : t;
        return Predicates.identical(type, u);
    }

    @Override
    public String toString() {
        return (tilde ? "~" : "") + TypeString.of(type, null);
    }
}
