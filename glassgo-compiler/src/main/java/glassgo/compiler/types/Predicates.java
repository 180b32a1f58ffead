package glassgo.compiler.types;

import java.util.ArrayList;
import java.util.List;

/**
 * Questions about types that the spec answers (go/types {@code predicates.go}): identity,
 * comparability, nil-ability, and the classification of basic types and type parameters.
 */
public final class Predicates {
    private Predicates() {}

    public static boolean isBasic(Type t, int flags) {
        return t.underlying() instanceof Basic b && b.is(flags);
    }

    /** Like {@link #isBasic}, but for a type parameter: true when every type in its set qualifies. */
    public static boolean allBasic(Type t, int flags) {
        if (t instanceof TypeParam tp) {
            TypeSet ts = tp.iface().typeSet();
            if (ts.terms() == null || ts.terms().isEmpty()) {
                return false;
            }
            for (Term term : ts.terms()) {
                if (!isBasic(term.type(), flags)) {
                    return false;
                }
            }
            return true;
        }
        return isBasic(t, flags);
    }

    public static boolean isBoolean(Type t) { return allBasic(t, Basic.IS_BOOLEAN); }
    public static boolean isInteger(Type t) { return allBasic(t, Basic.IS_INTEGER); }
    public static boolean isUnsigned(Type t) { return allBasic(t, Basic.IS_UNSIGNED); }
    public static boolean isFloat(Type t) { return allBasic(t, Basic.IS_FLOAT); }
    public static boolean isComplex(Type t) { return allBasic(t, Basic.IS_COMPLEX); }
    public static boolean isNumeric(Type t) { return allBasic(t, Basic.IS_NUMERIC); }
    public static boolean isString(Type t) { return allBasic(t, Basic.IS_STRING); }
    public static boolean isIntegerOrFloat(Type t) { return allBasic(t, Basic.IS_INTEGER | Basic.IS_FLOAT); }
    public static boolean isConstType(Type t) { return isBasic(t, Basic.IS_CONST_TYPE); }

    /** Ordered types: each type in the set is an integer, float or string. */
    public static boolean allOrdered(Type t) {
        return allBasic(t, Basic.IS_ORDERED);
    }

    public static boolean isUntyped(Type t) {
        return t instanceof Basic b && b.is(Basic.IS_UNTYPED);
    }

    public static boolean isTyped(Type t) {
        return !isUntyped(t);
    }

    public static boolean isInterface(Type t) {
        return !(t instanceof TypeParam) && t.underlying() instanceof Interface;
    }

    public static boolean isTypeParam(Type t) {
        return t instanceof TypeParam;
    }

    /** Whether t is a generic named type or signature not yet instantiated. */
    public static boolean isGeneric(Type t) {
        if (t instanceof Named n) {
            return n.orig == null && !n.typeParams.isEmpty();
        }
        return false;
    }

    /** Whether values of type t can be nil (go/types {@code hasNil}). */
    public static boolean hasNil(Type t) {
        if (t instanceof TypeParam tp) {
            TypeSet ts = tp.iface().typeSet();
            if (ts.terms() == null || ts.terms().isEmpty()) {
                return false;
            }
            for (Term term : ts.terms()) {
                if (!hasNil(term.type())) {
                    return false;
                }
            }
            return true;
        }
        Type u = t.underlying();
        return switch (u) {
            case Basic b -> b.kind() == Basic.Kind.UNSAFE_POINTER;
            case Slice s -> true;
            case Pointer p -> true;
            case Signature s -> true;
            case Map m -> true;
            case Chan c -> true;
            case Interface i -> true;
            default -> false;
        };
    }

    /** Whether values of type t can be compared with == (go/types {@code comparable}). */
    public static boolean comparable(Type t) {
        return comparable(t, new java.util.IdentityHashMap<>());
    }

    private static boolean comparable(Type t, java.util.IdentityHashMap<Type, Boolean> seen) {
        if (seen.containsKey(t)) {
            return true;
        }
        seen.put(t, true);
        if (t instanceof TypeParam tp) {
            return typeSetComparable(tp.iface().typeSet());
        }
        Type u = t.underlying();
        return switch (u) {
            case Basic b -> b.kind() != Basic.Kind.UNTYPED_NIL;
            case Pointer p -> true;
            case Chan c -> true;
            case Interface i -> true;
            case Struct s -> {
                for (Var f : s.fields()) {
                    if (!comparable(f.type(), seen)) {
                        yield false;
                    }
                }
                yield true;
            }
            case Array a -> comparable(a.elem(), seen);
            default -> false;
        };
    }

    static boolean typeSetComparable(TypeSet ts) {
        if (ts.comparable()) {
            return true;
        }
        if (ts.terms() == null || ts.terms().isEmpty()) {
            return false;
        }
        for (Term term : ts.terms()) {
            if (!comparable(term.type())) {
                return false;
            }
        }
        return true;
    }

    /** Strict comparability for satisfying {@code comparable}: no interfaces (Go 1.19). */
    public static boolean strictlyComparable(Type t) {
        if (t instanceof TypeParam tp) {
            return typeSetComparable(tp.iface().typeSet());
        }
        Type u = t.underlying();
        return switch (u) {
            case Interface i -> false;
            case Struct s -> {
                for (Var f : s.fields()) {
                    if (!strictlyComparable(f.type())) {
                        yield false;
                    }
                }
                yield true;
            }
            case Array a -> strictlyComparable(a.elem());
            default -> comparable(t);
        };
    }

    public static boolean identical(Type x, Type y) {
        return identical(x, y, true, null);
    }

    public static boolean identicalIgnoreTags(Type x, Type y) {
        return identical(x, y, false, null);
    }

    private record Pair(Type x, Type y, Pair prev) {}

    private static boolean identical(Type x, Type y, boolean cmpTags, Pair seen) {
        if (x == y) {
            return true;
        }
        if (x == null || y == null) {
            return false;
        }
        switch (x) {
            case Basic bx -> {
                return y instanceof Basic by && bx.kind() == by.kind();
            }
            case Array ax -> {
                return y instanceof Array ay && ax.len() == ay.len() && identical(ax.elem(), ay.elem(), cmpTags, seen);
            }
            case Slice sx -> {
                return y instanceof Slice sy && identical(sx.elem(), sy.elem(), cmpTags, seen);
            }
            case Pointer px -> {
                return y instanceof Pointer py && identical(px.elem(), py.elem(), cmpTags, seen);
            }
            case Map mx -> {
                return y instanceof Map my && identical(mx.key(), my.key(), cmpTags, seen)
                        && identical(mx.elem(), my.elem(), cmpTags, seen);
            }
            case Chan cx -> {
                return y instanceof Chan cy && cx.dir() == cy.dir() && identical(cx.elem(), cy.elem(), cmpTags, seen);
            }
            case Struct sx -> {
                if (!(y instanceof Struct sy) || sx.numFields() != sy.numFields()) {
                    return false;
                }
                for (int i = 0; i < sx.numFields(); i++) {
                    Var f = sx.field(i);
                    Var g = sy.field(i);
                    if (f.embedded() != g.embedded() || !f.sameId(g.pkg(), g.name())
                            || (cmpTags && !sx.tag(i).equals(sy.tag(i)))
                            || !identical(f.type(), g.type(), cmpTags, seen)) {
                        return false;
                    }
                }
                return true;
            }
            case Tuple tx -> {
                if (!(y instanceof Tuple ty) || tx.len() != ty.len()) {
                    return false;
                }
                for (int i = 0; i < tx.len(); i++) {
                    if (!identical(tx.at(i).type(), ty.at(i).type(), cmpTags, seen)) {
                        return false;
                    }
                }
                return true;
            }
            case Signature sx -> {
                if (!(y instanceof Signature sy)) {
                    return false;
                }
                if (sx.typeParams().size() != sy.typeParams().size() || sx.variadic() != sy.variadic()) {
                    return false;
                }
                if (!sx.typeParams().isEmpty()) {
                    // Generic signatures are identical modulo renaming of their type parameters.
                    Signature ry = (Signature) Subst.subst(sy, Subst.map(sy.typeParams(), new ArrayList<>(sx.typeParams())));
                    return identical(sx.params(), ry.params(), cmpTags, seen)
                            && identical(sx.results(), ry.results(), cmpTags, seen);
                }
                return identical(sx.params(), sy.params(), cmpTags, seen)
                        && identical(sx.results(), sy.results(), cmpTags, seen);
            }
            case Union ux -> {
                if (!(y instanceof Union uy)) {
                    return false;
                }
                return sameTerms(ux.terms(), uy.terms());
            }
            case Interface ix -> {
                if (!(y instanceof Interface iy)) {
                    return false;
                }
                TypeSet a = ix.typeSet();
                TypeSet b = iy.typeSet();
                if (a.comparable() != b.comparable()) {
                    return false;
                }
                if ((a.terms() == null) != (b.terms() == null)) {
                    return false;
                }
                if (a.terms() != null && !sameTerms(a.terms(), b.terms())) {
                    return false;
                }
                List<Func> am = a.methods();
                List<Func> bm = b.methods();
                if (am.size() != bm.size()) {
                    return false;
                }
                for (Pair p = seen; p != null; p = p.prev) {
                    if ((p.x == x && p.y == y) || (p.x == y && p.y == x)) {
                        return true;
                    }
                }
                Pair q = new Pair(x, y, seen);
                for (int i = 0; i < am.size(); i++) {
                    Func f = am.get(i);
                    Func g = bm.get(i);
                    if (!f.sameId(g.pkg(), g.name()) || !identical(f.type(), g.type(), cmpTags, q)) {
                        return false;
                    }
                }
                return true;
            }
            case Named nx -> {
                if (!(y instanceof Named ny)) {
                    return false;
                }
                if (nx.origin() != ny.origin()) {
                    return false;
                }
                List<Type> xa = nx.typeArgs();
                List<Type> ya = ny.typeArgs();
                if (xa.size() != ya.size()) {
                    return false;
                }
                for (int i = 0; i < xa.size(); i++) {
                    if (!identical(xa.get(i), ya.get(i), cmpTags, seen)) {
                        return false;
                    }
                }
                return true;
            }
            case TypeParam tx -> {
                return false;
            }
        }
    }

    private static boolean sameTerms(List<Term> a, List<Term> b) {
        if (a.size() != b.size()) {
            return false;
        }
        outer:
        for (Term t : a) {
            for (Term u : b) {
                if (t.tilde() == u.tilde() && identical(t.type(), u.type())) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    /** The default type of an untyped constant kind (go/types {@code Default}). */
    public static Type defaultType(Type t) {
        if (t instanceof Basic b) {
            return switch (b.kind()) {
                case UNTYPED_BOOL -> Universe.BOOL;
                case UNTYPED_INT -> Universe.INT;
                case UNTYPED_RUNE -> Universe.RUNE;
                case UNTYPED_FLOAT -> Universe.FLOAT64;
                case UNTYPED_COMPLEX -> Universe.COMPLEX128;
                case UNTYPED_STRING -> Universe.STRING;
                default -> t;
            };
        }
        return t;
    }

    /** The core type of t (go/types {@code coreType}): its underlying type, or the single underlying type of a type set. */
    public static Type coreType(Type t) {
        if (t instanceof TypeParam tp) {
            TypeSet ts = tp.iface().typeSet();
            if (ts.terms() == null || ts.terms().isEmpty()) {
                return null;
            }
            Type su = null;
            for (Term term : ts.terms()) {
                Type u = term.type().underlying();
                if (su == null) {
                    su = u;
                } else if (!identical(su, u)) {
                    if (su instanceof Chan c1 && u instanceof Chan c2 && identical(c1.elem(), c2.elem())) {
                        if (c1.dir() == Chan.Dir.SEND_RECV) {
                            su = c2;
                        }
                        continue;
                    }
                    return null;
                }
            }
            return su;
        }
        Type u = t.underlying();
        if (u instanceof Interface i && !(t instanceof TypeParam)) {
            TypeSet ts = i.typeSet();
            if (ts.terms() != null && !ts.terms().isEmpty()) {
                Type su = null;
                for (Term term : ts.terms()) {
                    Type tu = term.type().underlying();
                    if (su == null) {
                        su = tu;
                    } else if (!identical(su, tu)) {
                        return null;
                    }
                }
                return su;
            }
        }
        return u;
    }

    /** Like {@link #coreType}, but []byte and string count as one (go/types {@code coreString}). */
    public static Type coreString(Type t) {
        if (t instanceof TypeParam tp) {
            TypeSet ts = tp.iface().typeSet();
            if (ts.terms() == null || ts.terms().isEmpty()) {
                return null;
            }
            Type su = null;
            boolean hasString = false;
            for (Term term : ts.terms()) {
                Type u = term.type().underlying();
                if (isString(u)) {
                    u = new Slice(Universe.BYTE);
                    hasString = true;
                }
                if (su == null) {
                    su = u;
                } else if (!identical(su, u)) {
                    return null;
                }
            }
            return hasString ? Universe.STRING : su;
        }
        return t.underlying();
    }
}
