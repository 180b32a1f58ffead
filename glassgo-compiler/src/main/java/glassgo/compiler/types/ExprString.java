package glassgo.compiler.types;

import glassgo.compiler.ast.*;
import java.util.List;

/** Prints an expression the way gc's {@code syntax.String} (short form) does, for use in diagnostics. */
public final class ExprString {
    private ExprString() {}

    public static String of(Expr e) {
        StringBuilder sb = new StringBuilder();
        write(sb, e);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Expr e) {
        switch (e) {
            case null -> sb.append("");
            case Ident id -> sb.append(id.name);
            case Ellipsis el -> {
                sb.append("...");
                if (el.elt != null) {
                    write(sb, el.elt);
                }
            }
            case BasicLit bl -> sb.append(bl.value);
            case FuncLit fl -> {
                // gc's syntax.String (ShortForm) elides bodies: func(x int) {…}
                write(sb, fl.type);
                sb.append(fl.body != null && !fl.body.list.isEmpty() ? " {…}" : " {}");
            }
            case CompositeLit cl -> {
                if (cl.type != null) {
                    write(sb, cl.type);
                }
                sb.append(cl.elts.isEmpty() ? "{}" : "{…}");
            }
            case ParenExpr p -> {
                sb.append('(');
                write(sb, p.x);
                sb.append(')');
            }
            case SelectorExpr s -> {
                write(sb, s.x);
                sb.append('.').append(s.sel.name);
            }
            case IndexExpr ix -> {
                write(sb, ix.x);
                sb.append('[');
                write(sb, ix.index);
                sb.append(']');
            }
            case IndexListExpr il -> {
                write(sb, il.x);
                sb.append('[');
                list(sb, il.indices);
                sb.append(']');
            }
            case SliceExpr s -> {
                write(sb, s.x);
                sb.append('[');
                if (s.low != null) {
                    write(sb, s.low);
                }
                sb.append(':');
                if (s.high != null) {
                    write(sb, s.high);
                }
                if (s.slice3) {
                    sb.append(':');
                    if (s.max != null) {
                        write(sb, s.max);
                    }
                }
                sb.append(']');
            }
            case TypeAssertExpr ta -> {
                write(sb, ta.x);
                sb.append(".(");
                if (ta.type == null) {
                    sb.append("type");
                } else {
                    write(sb, ta.type);
                }
                sb.append(')');
            }
            case CallExpr c -> {
                write(sb, c.fun);
                sb.append('(');
                list(sb, c.args);
                if (c.ellipsis != 0) {
                    sb.append("...");
                }
                sb.append(')');
            }
            case StarExpr s -> {
                sb.append('*');
                write(sb, s.x);
            }
            case UnaryExpr u -> {
                sb.append(u.op.text());
                write(sb, u.x);
            }
            case BinaryExpr b -> {
                write(sb, b.x);
                sb.append(' ').append(b.op.text()).append(' ');
                write(sb, b.y);
            }
            case KeyValueExpr kv -> {
                write(sb, kv.key);
                sb.append(": ");
                write(sb, kv.value);
            }
            case ArrayType a -> {
                sb.append('[');
                if (a.len != null) {
                    write(sb, a.len);
                }
                sb.append(']');
                write(sb, a.elt);
            }
            case StructType s -> {
                sb.append("struct{");
                fields(sb, s.fields, "; ", false);
                sb.append('}');
            }
            case FuncType f -> {
                sb.append("func");
                sig(sb, f);
            }
            case InterfaceType it -> {
                sb.append("interface{");
                fields(sb, it.methods, "; ", true);
                sb.append('}');
            }
            case MapType m -> {
                sb.append("map[");
                write(sb, m.key);
                sb.append(']');
                write(sb, m.value);
            }
            case ChanType c -> {
                sb.append(switch (c.dir) {
                    case SEND -> "chan<- ";
                    case RECV -> "<-chan ";
                    case BOTH -> "chan ";
                });
                write(sb, c.value);
            }
            case BadExpr b -> sb.append("BadExpr");
        }
    }

    private static void list(StringBuilder sb, List<Expr> es) {
        for (int i = 0; i < es.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            write(sb, es.get(i));
        }
    }

    private static void sig(StringBuilder sb, FuncType f) {
        sb.append('(');
        fields(sb, f.params, ", ", false);
        sb.append(')');
        if (f.results == null || f.results.list.isEmpty()) {
            return;
        }
        sb.append(' ');
        if (f.results.list.size() == 1 && f.results.list.get(0).names.isEmpty()) {
            write(sb, f.results.list.get(0).type);
            return;
        }
        sb.append('(');
        fields(sb, f.results, ", ", false);
        sb.append(')');
    }

    private static void fields(StringBuilder sb, FieldList fl, String sep, boolean iface) {
        if (fl == null) {
            return;
        }
        for (int i = 0; i < fl.list.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            Field f = fl.list.get(i);
            for (int j = 0; j < f.names.size(); j++) {
                if (j > 0) {
                    sb.append(", ");
                }
                sb.append(f.names.get(j).name);
            }
            if (iface && !f.names.isEmpty() && f.type instanceof FuncType ft) {
                sig(sb, ft);
                continue;
            }
            if (!f.names.isEmpty()) {
                sb.append(' ');
            }
            write(sb, f.type);
        }
    }
}
