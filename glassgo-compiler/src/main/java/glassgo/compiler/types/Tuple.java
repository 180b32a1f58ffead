package glassgo.compiler.types;

import java.util.List;

/** An ordered list of variables: parameters, results, or a multi-valued expression (go/types {@code Tuple}). */
public record Tuple(List<Var> vars) implements Type {
    public static final Tuple EMPTY = new Tuple(List.of());

    public int len() {
        return vars.size();
    }

    public Var at(int i) {
        return vars.get(i);
    }

    @Override
    public Type underlying() {
        return this;
    }

    @Override
    public String toString() {
        return TypeString.of(this, null);
    }
}
