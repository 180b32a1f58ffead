package glassgo.compiler.types;

/** A slice type {@code []T} (go/types {@code Slice}). */
public record Slice(Type elem) implements Type {
    @Override
    public Type underlying() {
        return this;
    }

    @Override
    public String toString() {
        return TypeString.of(this, null);
    }
}
