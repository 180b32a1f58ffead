package glassgo.compiler.types;

import java.util.List;

/** A union of terms {@code A | ~B} as it appears in a constraint interface (go/types {@code Union}). */
public record Union(List<Term> terms) implements Type {
    @Override
    public Type underlying() {
        return this;
    }

    @Override
    public String toString() {
        return TypeString.of(this, null);
    }
}
