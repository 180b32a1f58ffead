package glassgo.compiler.types;

import java.util.ArrayList;
import java.util.List;

/**
 * The type set of an interface (go/types {@code _TypeSet}): its methods, the terms that bound the
 * permitted types (null means every type), and whether the set is restricted to comparable types.
 */
public record TypeSet(List<Func> methods, List<Term> terms, boolean comparable) {
    public static final TypeSet ALL = new TypeSet(List.of(), null, false);

    /** Whether t is in the term list (ignoring methods). */
    public boolean includes(Type t) {
        if (terms == null) {
            return true;
        }
        for (Term term : terms) {
            if (term.includes(t)) {
                return true;
            }
        }
        return false;
    }

    /** Calls f on each term type, or once with null if the set is unrestricted; false stops early. */
    public boolean isAllTypes() {
        return terms == null;
    }

    static TypeSet ofUnion(Union u) {
        List<Term> out = new ArrayList<>();
        for (Term t : u.terms()) {
            Type tu = t.type().underlying();
            if (tu instanceof Interface i) {
                TypeSet ts = i.typeSet();
                if (ts.terms() == null) {
                    return ALL;
                }
                out.addAll(ts.terms());
            } else {
                out.add(t);
            }
        }
        return new TypeSet(List.of(), out, false);
    }

    /** Intersection of two term lists (null = all types). */
    static List<Term> intersect(List<Term> a, List<Term> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        List<Term> out = new ArrayList<>();
        for (Term x : a) {
            for (Term y : b) {
                Term z = intersect(x, y);
                if (z != null) {
                    out.add(z);
                }
            }
        }
        return out;
    }

    private static Term intersect(Term x, Term y) {
        if (x.tilde() && y.tilde()) {
            return Predicates.identical(x.type().underlying(), y.type().underlying()) ? x : null;
        }
        if (x.tilde()) {
            return x.includes(y.type()) ? y : null;
        }
        if (y.tilde()) {
            return y.includes(x.type()) ? x : null;
        }
        return Predicates.identical(x.type(), y.type()) ? x : null;
    }
}
