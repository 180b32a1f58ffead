package glassgo.compiler.types;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An interface type (go/types {@code Interface}): explicit methods and embedded elements (interfaces,
 * type terms, unions). Its type set (all methods, the permitted types, comparability) is computed on
 * first use after the interface is complete, as go/types' {@code computeInterfaceTypeSet} does.
 */
public final class Interface implements Type {
    public static final Interface EMPTY = new Interface(List.of(), List.of());

    final List<Func> methods;
    final List<Type> embeddeds;
    /** An interface written as a bare constraint {@code [T ~int]}; printed without {@code interface{}}. */
    boolean implicit;
    /** Set for the predeclared {@code comparable}. */
    boolean isComparableIface;
    private TypeSet tset;
    private boolean computing;

    public Interface(List<Func> methods, List<Type> embeddeds) {
        this.methods = new ArrayList<>(methods);
        this.embeddeds = new ArrayList<>(embeddeds);
    }

    public List<Func> explicitMethods() {
        return methods;
    }

    public List<Type> embeddeds() {
        return embeddeds;
    }

    public boolean isImplicit() {
        return implicit;
    }

    public void markImplicit() {
        implicit = true;
    }

    /** The methods of the type set, sorted by name (go/types {@code Interface.Method} order). */
    public List<Func> allMethods() {
        return typeSet().methods();
    }

    public int numMethods() {
        return allMethods().size();
    }

    public boolean isEmpty() {
        TypeSet ts = typeSet();
        return ts.methods().isEmpty() && ts.terms() == null && !ts.comparable();
    }

    /** Whether this interface can only be a constraint (has type terms or is/embeds comparable). */
    public boolean isMethodSet() {
        TypeSet ts = typeSet();
        return ts.terms() == null && !ts.comparable();
    }

    public Func lookupMethod(Package pkg, String name) {
        for (Func f : allMethods()) {
            if (f.sameId(pkg, name)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The type set: methods, the list of permitted terms (null = all types), and whether only
     * comparable types are permitted. An embedded element that is still being declared (a cycle,
     * already reported) contributes nothing.
     */
    public TypeSet typeSet() {
        if (tset != null) {
            return tset;
        }
        if (computing) {
            return TypeSet.ALL;
        }
        computing = true;
        try {
            java.util.Map<String, Func> ms = new java.util.LinkedHashMap<>();
            for (Func f : methods) {
                ms.putIfAbsent(methodKey(f), f);
            }
            List<Term> terms = null;
            boolean comparable = isComparableIface;
            boolean complete = true;
            for (Type e : embeddeds) {
                TypeSet ets;
                if (e instanceof Named n && n.rawUnderlying() == null && n.orig == null) {
                    complete = false;
                    continue;
                }
                Type u = e.underlying();
                if (u instanceof Interface ei) {
                    ets = ei.typeSet();
                } else if (u instanceof Union un) {
                    ets = TypeSet.ofUnion(un);
                } else if (e instanceof TypeParam) {
                    continue; // an error reported by the checker
                } else {
                    ets = new TypeSet(List.of(), List.of(new Term(false, e)), false);
                }
                for (Func f : ets.methods()) {
                    ms.putIfAbsent(methodKey(f), f);
                }
                terms = TypeSet.intersect(terms, ets.terms());
                comparable |= ets.comparable();
            }
            List<Func> sorted = new ArrayList<>(ms.values());
            sorted.sort(Comparator.comparing(Interface::methodKey));
            TypeSet ts = new TypeSet(List.copyOf(sorted), terms, comparable);
            if (complete) {
                tset = ts;
            }
            return ts;
        } finally {
            computing = false;
        }
    }

    private static String methodKey(Func f) {
        // go/types sorts by Id: exported names first by name, unexported qualified by package path.
        if (f.exported() || f.pkg == null) {
            return f.name;
        }
        return f.name + "\u0000" + f.pkg.path();
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
