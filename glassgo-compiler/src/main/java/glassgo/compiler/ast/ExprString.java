package glassgo.compiler.ast;

import java.util.List;

/**
 * Short source-like text of an expression for diagnostics, in the style of go/types ExprString:
 * function and composite literals are abbreviated to {@code (T literal)} and struct and interface
 * bodies keep only their members' shape.
 */
public final class ExprString {
    private ExprString() {}

    public static String of(Expr x) {
        StringBuilder b = new StringBuilder();
        write(b, x);
        return b.toString();
    }

    /** The statement forms gc names in "cannot use ... as value": sends, assignments, inc/dec. */
    public static String of(Stmt s) {
        StringBuilder b = new StringBuilder();
        switch (s) {
            case ExprStmt e -> write(b, e.x);
            case SendStmt e -> {
                write(b, e.chan);
                b.append(" <- ");
                write(b, e.value);
            }
            case IncDecStmt e -> {
                write(b, e.x);
                b.append(e.tok.text());
            }
            case AssignStmt a -> {
                list(b, a.lhs);
                b.append(' ').append(a.tok.text()).append(' ');
                list(b, a.rhs);
            }
            default -> b.append(s.getClass().getSimpleName());
        }
        return b.toString();
    }

    /** Comma-separated expressions. */
    public static String of(List<? extends Expr> xs) {
        StringBuilder b = new StringBuilder();
        list(b, xs);
        return b.toString();
    }

    private static void list(StringBuilder b, List<? extends Expr> xs) {
        for (int i = 0; i < xs.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            write(b, xs.get(i));
        }
    }

    private static void write(StringBuilder b, Expr x) {
        if (x == null) {
            b.append("_");
            return;
        }
        switch (x) {
            case BadExpr e -> b.append("(bad expr)");
            case Ident e -> b.append(e.name);
            case BasicLit e -> b.append(e.value);
            case Ellipsis e -> {
                b.append("...");
                if (e.elt != null) {
                    write(b, e.elt);
                }
            }
            case FuncLit e -> {
                b.append('(');
                write(b, e.type);
                b.append(" literal)");
            }
            case CompositeLit e -> {
                b.append('(');
                write(b, e.type);
                b.append(" literal)");
            }
            case ParenExpr e -> {
                b.append('(');
                write(b, e.x);
                b.append(')');
            }
            case SelectorExpr e -> {
                write(b, e.x);
                b.append('.').append(e.sel.name);
            }
            case IndexExpr e -> {
                write(b, e.x);
                b.append('[');
                write(b, e.index);
                b.append(']');
            }
            case IndexListExpr e -> {
                write(b, e.x);
                b.append('[');
                list(b, e.indices);
                b.append(']');
            }
            case SliceExpr e -> {
                write(b, e.x);
                b.append('[');
                if (e.low != null) {
                    write(b, e.low);
                }
                b.append(':');
                if (e.high != null) {
                    write(b, e.high);
                }
                if (e.slice3) {
                    b.append(':');
                    if (e.max != null) {
                        write(b, e.max);
                    }
                }
                b.append(']');
            }
            case TypeAssertExpr e -> {
                write(b, e.x);
                b.append(".(");
                if (e.type == null) {
                    b.append("type");
                } else {
                    write(b, e.type);
                }
                b.append(')');
            }
            case CallExpr e -> {
                write(b, e.fun);
                b.append('(');
                list(b, e.args);
                if (e.ellipsis != 0) {
                    b.append("...");
                }
                b.append(')');
            }
            case StarExpr e -> {
                b.append('*');
                write(b, e.x);
            }
            case UnaryExpr e -> {
                b.append(e.op.text());
                write(b, e.x);
            }
            case BinaryExpr e -> {
                write(b, e.x);
                b.append(' ').append(e.op.text()).append(' ');
                write(b, e.y);
            }
            case KeyValueExpr e -> {
                write(b, e.key);
                b.append(": ");
                write(b, e.value);
            }
            case ArrayType e -> {
                b.append('[');
                if (e.len != null) {
                    write(b, e.len);
                }
                b.append(']');
                write(b, e.elt);
            }
            case StructType e -> {
                b.append("struct{");
                fields(b, e.fields, "; ");
                b.append('}');
            }
            case FuncType e -> {
                b.append("func");
                signature(b, e);
            }
            case InterfaceType e -> {
                b.append("interface{");
                boolean first = true;
                for (Field f : e.methods.list) {
                    if (!first) {
                        b.append("; ");
                    }
                    first = false;
                    if (!f.names.isEmpty() && f.type instanceof FuncType ft) {
                        b.append(f.names.get(0).name);
                        signature(b, ft);
                    } else {
                        write(b, f.type);
                    }
                }
                b.append('}');
            }
            case MapType e -> {
                b.append("map[");
                write(b, e.key);
                b.append(']');
                write(b, e.value);
            }
            case ChanType e -> {
                b.append(switch (e.dir) {
                    case SEND -> "chan<- ";
                    case RECV -> "<-chan ";
                    case BOTH -> "chan ";
                });
                write(b, e.value);
            }
        }
    }

    private static void signature(StringBuilder b, FuncType t) {
        if (t.typeParams != null) {
            b.append('[');
            fields(b, t.typeParams, ", ");
            b.append(']');
        }
        b.append('(');
        fields(b, t.params, ", ");
        b.append(')');
        if (t.results == null || t.results.list.isEmpty()) {
            return;
        }
        b.append(' ');
        if (t.results.list.size() == 1 && t.results.list.get(0).names.isEmpty()) {
            write(b, t.results.list.get(0).type);
        } else {
            b.append('(');
            fields(b, t.results, ", ");
            b.append(')');
        }
    }

    private static void fields(StringBuilder b, FieldList fl, String sep) {
        if (fl == null) {
            return;
        }
        for (int i = 0; i < fl.list.size(); i++) {
            if (i > 0) {
                b.append(sep);
            }
            Field f = fl.list.get(i);
            for (int j = 0; j < f.names.size(); j++) {
                if (j > 0) {
                    b.append(", ");
                }
                b.append(f.names.get(j).name);
            }
            if (!f.names.isEmpty()) {
                b.append(' ');
            }
            write(b, f.type);
        }
    }
}
