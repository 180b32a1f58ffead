package glassgo.compiler.types;

/** An array type {@code [N]T} (go/types {@code Array}); len is -1 when unknown (after an error). */
public record Array(long len, Type elem) implements Type {
    @Override
    public Type underlying() {
        return this;
    }

    @Override
    public String toString() {
        return TypeString.of(this, null);
    }
}
