package glassgo.compiler.types;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * Formats types the way go/types' {@code TypeString} does ({@code []int}, {@code map[string]int},
 * {@code func(x int) string}, {@code struct{a int "tag"}}, {@code pkg.T[int]}). The qualifier maps a
 * package to its printed prefix; null prints the full import path, as go/types does by default.
 */
public final class TypeString {
    private final StringBuilder sb = new StringBuilder();
    private final Function<Package, String> qualifier;
    private final IdentityHashMap<Type, Boolean> seen = new IdentityHashMap<>();

    private TypeString(Function<Package, String> qualifier) {
        this.qualifier = qualifier;
    }

    public static String of(Type t, Function<Package, String> qualifier) {
        TypeString w = new TypeString(qualifier);
        w.type(t);
        return w.sb.toString();
    }

    public static String signature(Signature s, Function<Package, String> qualifier) {
        TypeString w = new TypeString(qualifier);
        w.sig(s);
        return w.sb.toString();
    }

    private void type(Type t) {
        if (t == null) {
            sb.append("<nil>");
            return;
        }
        switch (t) {
            case Basic b -> {
                if (b.kind() == Basic.Kind.UNSAFE_POINTER) {
                    sb.append(qualify(Universe.UNSAFE)).append("Pointer");
                } else {
                    sb.append(b.name());
                }
            }
            case Pointer p -> {
                sb.append('*');
                type(p.elem());
            }
            case Slice s -> {
                sb.append("[]");
                type(s.elem());
            }
            case Array a -> {
                sb.append('[').append(a.len() < 0 ? "unknown" : Long.toString(a.len())).append(']');
                type(a.elem());
            }
            case Map m -> {
                sb.append("map[");
                type(m.key());
                sb.append(']');
                type(m.elem());
            }
            case Chan c -> {
                boolean paren = false;
                switch (c.dir()) {
                    case SEND_RECV -> {
                        sb.append("chan ");
                        paren = c.elem() instanceof Chan ce && ce.dir() == Chan.Dir.RECV_ONLY;
                    }
                    case SEND_ONLY -> sb.append("chan<- ");
                    case RECV_ONLY -> sb.append("<-chan ");
                }
                if (paren) {
                    sb.append('(');
                }
                type(c.elem());
                if (paren) {
                    sb.append(')');
                }
            }
            case Struct s -> {
                sb.append("struct{");
                for (int i = 0; i < s.numFields(); i++) {
                    if (i > 0) {
                        sb.append("; ");
                    }
                    Var f = s.field(i);
                    if (!f.embedded()) {
                        sb.append(f.name()).append(' ');
                    }
                    type(f.type());
                    String tag = s.tag(i);
                    if (!tag.isEmpty()) {
                        sb.append(' ').append(quote(tag));
                    }
                }
                sb.append('}');
            }
            case Tuple tu -> tuple(tu, false);
            case Signature s -> {
                sb.append("func");
                sig(s);
            }
            case Union u -> {
                List<Term> terms = u.terms();
                for (int i = 0; i < terms.size(); i++) {
                    if (i > 0) {
                        sb.append(" | ");
                    }
                    if (terms.get(i).tilde()) {
                        sb.append('~');
                    }
                    type(terms.get(i).type());
                }
            }
            case Interface i -> iface(i);
            case Named n -> named(n);
            case TypeParam tp -> sb.append(tp.obj().name());
        }
    }

    private void iface(Interface i) {
        if (i == Universe.ANY_TYPE) {
            sb.append("any");
            return;
        }
        if (i.isComparableIface && i.methods.isEmpty() && i.embeddeds.isEmpty()) {
            sb.append("comparable");
            return;
        }
        if (seen.containsKey(i)) {
            sb.append("interface{...}");
            return;
        }
        seen.put(i, true);
        boolean implicit = i.implicit && i.methods.isEmpty() && i.embeddeds.size() == 1;
        if (!implicit) {
            sb.append("interface{");
        }
        boolean first = true;
        for (Func m : i.methods) {
            if (!first) {
                sb.append("; ");
            }
            first = false;
            sb.append(m.name());
            if (m.type() instanceof Signature s) {
                sig(s);
            }
        }
        for (Type e : i.embeddeds) {
            if (!first) {
                sb.append("; ");
            }
            first = false;
            type(e);
        }
        if (!implicit) {
            sb.append('}');
        }
        seen.remove(i);
    }

    private void named(Named n) {
        TypeName obj = n.obj();
        if (obj.pkg() != null) {
            sb.append(qualify(obj.pkg()));
        }
        sb.append(obj.name());
        if (!n.typeArgs().isEmpty()) {
            sb.append('[');
            for (int i = 0; i < n.typeArgs().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                type(n.typeArgs().get(i));
            }
            sb.append(']');
        }
    }

    private String qualify(Package p) {
        if (qualifier != null) {
            String q = qualifier.apply(p);
            return q == null || q.isEmpty() ? "" : q + ".";
        }
        return p.path() + ".";
    }

    private void sig(Signature s) {
        if (!s.typeParams().isEmpty()) {
            sb.append('[');
            for (int i = 0; i < s.typeParams().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                TypeParam tp = s.typeParams().get(i);
                sb.append(tp.obj().name()).append(' ');
                type(tp.constraint());
            }
            sb.append(']');
        }
        tuple(s.params(), s.variadic());
        Tuple res = s.results();
        if (res.len() == 0) {
            return;
        }
        sb.append(' ');
        if (res.len() == 1 && res.at(0).name().isEmpty()) {
            type(res.at(0).type());
            return;
        }
        tuple(res, false);
    }

    private void tuple(Tuple t, boolean variadic) {
        sb.append('(');
        for (int i = 0; i < t.len(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Var v = t.at(i);
            if (!v.name().isEmpty()) {
                sb.append(v.name()).append(' ');
            }
            Type vt = v.type();
            if (variadic && i == t.len() - 1) {
                if (vt instanceof Slice sl) {
                    sb.append("...");
                    type(sl.elem());
                    continue;
                }
            }
            type(vt);
        }
        sb.append(')');
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
