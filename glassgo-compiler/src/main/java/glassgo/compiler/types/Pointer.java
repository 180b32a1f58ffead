package glassgo.compiler.types;

/** A pointer type {@code *T} (go/types {@code Pointer}). */
public record Pointer(Type elem) implements Type {
    @Override
    public Type underlying() {
        return this;
    }

    @Override
    public String toString() {
        return TypeString.of(this, null);
    }
}
