package glassgo.compiler.ast;

import java.util.List;
import java.util.function.Predicate;

/**
 * Depth-first traversal of a syntax tree, as go/ast's {@code Inspect}: the visitor is called for a
 * node and, if it returns true, for each of the node's children in source order.
 */
public final class Inspector {
    private Inspector() {}

    /** Calls {@code f} on {@code node} and, while it returns true, on its descendants. Null is skipped. */
    public static void inspect(Node node, Predicate<Node> f) {
        if (node == null || !f.test(node)) {
            return;
        }
        switch (node) {
            case File n -> {
                inspect(n.doc, f);
                inspect(n.name, f);
                all(n.decls, f);
            }
            case Comment n -> { }
            case CommentGroup n -> all(n.list, f);
            case Field n -> {
                inspect(n.doc, f);
                all(n.names, f);
                inspect(n.type, f);
                inspect(n.tag, f);
                inspect(n.comment, f);
            }
            case FieldList n -> all(n.list, f);
            // expressions
            case BadExpr n -> { }
            case Ident n -> { }
            case BasicLit n -> { }
            case Ellipsis n -> inspect(n.elt, f);
            case FuncLit n -> {
                inspect(n.type, f);
                inspect(n.body, f);
            }
            case CompositeLit n -> {
                inspect(n.type, f);
                all(n.elts, f);
            }
            case ParenExpr n -> inspect(n.x, f);
            case SelectorExpr n -> {
                inspect(n.x, f);
                inspect(n.sel, f);
            }
            case IndexExpr n -> {
                inspect(n.x, f);
                inspect(n.index, f);
            }
            case IndexListExpr n -> {
                inspect(n.x, f);
                all(n.indices, f);
            }
            case SliceExpr n -> {
                inspect(n.x, f);
                inspect(n.low, f);
                inspect(n.high, f);
                inspect(n.max, f);
            }
            case TypeAssertExpr n -> {
                inspect(n.x, f);
                inspect(n.type, f);
            }
            case CallExpr n -> {
                inspect(n.fun, f);
                all(n.args, f);
            }
            case StarExpr n -> inspect(n.x, f);
            case UnaryExpr n -> inspect(n.x, f);
            case BinaryExpr n -> {
                inspect(n.x, f);
                inspect(n.y, f);
            }
            case KeyValueExpr n -> {
                inspect(n.key, f);
                inspect(n.value, f);
            }
            case ArrayType n -> {
                inspect(n.len, f);
                inspect(n.elt, f);
            }
            case StructType n -> inspect(n.fields, f);
            case FuncType n -> {
                inspect(n.typeParams, f);
                inspect(n.params, f);
                inspect(n.results, f);
            }
            case InterfaceType n -> inspect(n.methods, f);
            case MapType n -> {
                inspect(n.key, f);
                inspect(n.value, f);
            }
            case ChanType n -> inspect(n.value, f);
            // statements
            case BadStmt n -> { }
            case DeclStmt n -> inspect(n.decl, f);
            case EmptyStmt n -> { }
            case LabeledStmt n -> {
                inspect(n.label, f);
                inspect(n.stmt, f);
            }
            case ExprStmt n -> inspect(n.x, f);
            case SendStmt n -> {
                inspect(n.chan, f);
                inspect(n.value, f);
            }
            case IncDecStmt n -> inspect(n.x, f);
            case AssignStmt n -> {
                all(n.lhs, f);
                all(n.rhs, f);
            }
            case GoStmt n -> inspect(n.call, f);
            case DeferStmt n -> inspect(n.call, f);
            case ReturnStmt n -> all(n.results, f);
            case BranchStmt n -> inspect(n.label, f);
            case BlockStmt n -> all(n.list, f);
            case IfStmt n -> {
                inspect(n.init, f);
                inspect(n.cond, f);
                inspect(n.body, f);
                inspect(n.elseStmt, f);
            }
            case CaseClause n -> {
                all(n.list, f);
                all(n.body, f);
            }
            case SwitchStmt n -> {
                inspect(n.init, f);
                inspect(n.tag, f);
                inspect(n.body, f);
            }
            case TypeSwitchStmt n -> {
                inspect(n.init, f);
                inspect(n.assign, f);
                inspect(n.body, f);
            }
            case CommClause n -> {
                inspect(n.comm, f);
                all(n.body, f);
            }
            case SelectStmt n -> inspect(n.body, f);
            case ForStmt n -> {
                inspect(n.init, f);
                inspect(n.cond, f);
                inspect(n.post, f);
                inspect(n.body, f);
            }
            case RangeStmt n -> {
                inspect(n.key, f);
                inspect(n.value, f);
                inspect(n.x, f);
                inspect(n.body, f);
            }
            // declarations
            case BadDecl n -> { }
            case GenDecl n -> {
                inspect(n.doc, f);
                all(n.specs, f);
            }
            case FuncDecl n -> {
                inspect(n.doc, f);
                inspect(n.recv, f);
                inspect(n.name, f);
                inspect(n.type, f);
                inspect(n.body, f);
            }
            case ImportSpec n -> {
                inspect(n.doc, f);
                inspect(n.name, f);
                inspect(n.path, f);
                inspect(n.comment, f);
            }
            case ValueSpec n -> {
                inspect(n.doc, f);
                all(n.names, f);
                inspect(n.type, f);
                all(n.values, f);
                inspect(n.comment, f);
            }
            case TypeSpec n -> {
                inspect(n.doc, f);
                inspect(n.name, f);
                inspect(n.typeParams, f);
                inspect(n.type, f);
                inspect(n.comment, f);
            }
        }
    }

    private static void all(List<? extends Node> nodes, Predicate<Node> f) {
        for (Node n : nodes) {
            inspect(n, f);
        }
    }
}
