package glassgo.compiler.types;

import java.util.List;

/**
 * A function type (go/types {@code Signature}): receiver (for methods), type parameters (for generic
 * functions), parameters, results, and whether the last parameter is variadic ({@code ...T}, stored
 * as {@code []T}).
 */
public final class Signature implements Type {
    Var recv;
    List<TypeParam> typeParams;
    /** For methods of a generic type: the receiver's type parameters. */
    List<TypeParam> recvTypeParams;
    final Tuple params;
    final Tuple results;
    final boolean variadic;

    public Signature(Var recv, List<TypeParam> typeParams, Tuple params, Tuple results, boolean variadic) {
        this.recv = recv;
        this.typeParams = typeParams == null ? List.of() : typeParams;
        this.recvTypeParams = List.of();
        this.params = params;
        this.results = results;
        this.variadic = variadic;
    }

    public Var recv() {
        return recv;
    }

    public List<TypeParam> typeParams() {
        return typeParams;
    }

    public List<TypeParam> recvTypeParams() {
        return recvTypeParams;
    }

    public Tuple params() {
        return params;
    }

    public Tuple results() {
        return results;
    }

    public boolean variadic() {
        return variadic;
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
