package glassgo.compiler.ast;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Depth-first traversal of a syntax tree, as go/ast's {@code Inspect}: the visitor is called for a
 * node and, if it returns true, for each of the node's children in source order. The walk keeps
 * its own stack, so trees as deep as the parser allows (long operator chains) need no deep Java stack.
 */
public final class Inspector {
    private Inspector() {}

    /** Calls {@code f} on {@code node} and, while it returns true, on its descendants. Null is skipped. */
    public static void inspect(Node node, Predicate<Node> f) {
        ArrayDeque<Node> stack = new ArrayDeque<>();
        if (node != null) {
            stack.push(node);
        }
        List<Node> kids = new ArrayList<>();
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (!f.test(n)) {
                continue;
            }
            kids.clear();
            children(n, kids::add);
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
    }

    /** Passes the non-null direct children of {@code node} to {@code out}, in source order (go/ast Walk's order). */
    public static void children(Node node, Consumer<Node> out) {
        switch (node) {
            case File n -> {
                add(out, n.doc);
                add(out, n.name);
                addAll(out, n.decls);
            }
            case Comment n -> { }
            case CommentGroup n -> addAll(out, n.list);
            case Field n -> {
                add(out, n.doc);
                addAll(out, n.names);
                add(out, n.type);
                add(out, n.tag);
                add(out, n.comment);
            }
            case FieldList n -> addAll(out, n.list);
            // expressions
            case BadExpr n -> { }
            case Ident n -> { }
            case BasicLit n -> { }
            case Ellipsis n -> add(out, n.elt);
            case FuncLit n -> {
                add(out, n.type);
                add(out, n.body);
            }
            case CompositeLit n -> {
                add(out, n.type);
                addAll(out, n.elts);
            }
            case ParenExpr n -> add(out, n.x);
            case SelectorExpr n -> {
                add(out, n.x);
                add(out, n.sel);
            }
            case IndexExpr n -> {
                add(out, n.x);
                add(out, n.index);
            }
            case IndexListExpr n -> {
                add(out, n.x);
                addAll(out, n.indices);
            }
            case SliceExpr n -> {
                add(out, n.x);
                add(out, n.low);
                add(out, n.high);
                add(out, n.max);
            }
            case TypeAssertExpr n -> {
                add(out, n.x);
                add(out, n.type);
            }
            case CallExpr n -> {
                add(out, n.fun);
                addAll(out, n.args);
            }
            case StarExpr n -> add(out, n.x);
            case UnaryExpr n -> add(out, n.x);
            case BinaryExpr n -> {
                add(out, n.x);
                add(out, n.y);
            }
            case KeyValueExpr n -> {
                add(out, n.key);
                add(out, n.value);
            }
            case ArrayType n -> {
                add(out, n.len);
                add(out, n.elt);
            }
            case StructType n -> add(out, n.fields);
            case FuncType n -> {
                add(out, n.typeParams);
                add(out, n.params);
                add(out, n.results);
            }
            case InterfaceType n -> add(out, n.methods);
            case MapType n -> {
                add(out, n.key);
                add(out, n.value);
            }
            case ChanType n -> add(out, n.value);
            // statements
            case BadStmt n -> { }
            case DeclStmt n -> add(out, n.decl);
            case EmptyStmt n -> { }
            case LabeledStmt n -> {
                add(out, n.label);
                add(out, n.stmt);
            }
            case ExprStmt n -> add(out, n.x);
            case SendStmt n -> {
                add(out, n.chan);
                add(out, n.value);
            }
            case IncDecStmt n -> add(out, n.x);
            case AssignStmt n -> {
                addAll(out, n.lhs);
                addAll(out, n.rhs);
            }
            case GoStmt n -> add(out, n.call);
            case DeferStmt n -> add(out, n.call);
            case ReturnStmt n -> addAll(out, n.results);
            case BranchStmt n -> add(out, n.label);
            case BlockStmt n -> addAll(out, n.list);
            case IfStmt n -> {
                add(out, n.init);
                add(out, n.cond);
                add(out, n.body);
                add(out, n.elseStmt);
            }
            case CaseClause n -> {
                addAll(out, n.list);
                addAll(out, n.body);
            }
            case SwitchStmt n -> {
                add(out, n.init);
                add(out, n.tag);
                add(out, n.body);
            }
            case TypeSwitchStmt n -> {
                add(out, n.init);
                add(out, n.assign);
                add(out, n.body);
            }
            case CommClause n -> {
                add(out, n.comm);
                addAll(out, n.body);
            }
            case SelectStmt n -> add(out, n.body);
            case ForStmt n -> {
                add(out, n.init);
                add(out, n.cond);
                add(out, n.post);
                add(out, n.body);
            }
            case RangeStmt n -> {
                add(out, n.key);
                add(out, n.value);
                add(out, n.x);
                add(out, n.body);
            }
            // declarations
            case BadDecl n -> { }
            case GenDecl n -> {
                add(out, n.doc);
                addAll(out, n.specs);
            }
            case FuncDecl n -> {
                add(out, n.doc);
                add(out, n.recv);
                add(out, n.name);
                add(out, n.type);
                add(out, n.body);
            }
            case ImportSpec n -> {
                add(out, n.doc);
                add(out, n.name);
                add(out, n.path);
                add(out, n.comment);
            }
            case ValueSpec n -> {
                add(out, n.doc);
                addAll(out, n.names);
                add(out, n.type);
                addAll(out, n.values);
                add(out, n.comment);
            }
            case TypeSpec n -> {
                add(out, n.doc);
                add(out, n.name);
                add(out, n.typeParams);
                add(out, n.type);
                add(out, n.comment);
            }
        }
    }

    private static void add(Consumer<Node> out, Node n) {
        if (n != null) {
            out.accept(n);
        }
    }

    private static void addAll(Consumer<Node> out, List<? extends Node> nodes) {
        for (Node n : nodes) {
            out.accept(n);
        }
    }
}
