package glassgo.compiler.types;

/** A map type {@code map[K]V} (go/types {@code Map}). */
public record Map(Type key, Type elem) implements Type {
    @Override
    public Type underlying() {
        return this;
    }

    @Override
    public String toString() {
        return TypeString.of(this, null);
    }
}
