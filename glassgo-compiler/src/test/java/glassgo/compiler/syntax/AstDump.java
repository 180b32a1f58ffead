package glassgo.compiler.syntax;

import glassgo.compiler.ast.AssignStmt;
import glassgo.compiler.ast.BasicLit;
import glassgo.compiler.ast.BinaryExpr;
import glassgo.compiler.ast.BranchStmt;
import glassgo.compiler.ast.ChanType;
import glassgo.compiler.ast.Comment;
import glassgo.compiler.ast.EmptyStmt;
import glassgo.compiler.ast.File;
import glassgo.compiler.ast.GenDecl;
import glassgo.compiler.ast.Ident;
import glassgo.compiler.ast.IncDecStmt;
import glassgo.compiler.ast.Inspector;
import glassgo.compiler.ast.Node;
import glassgo.compiler.ast.RangeStmt;
import glassgo.compiler.ast.UnaryExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a tree one node per line in traversal order, as {@code Type pos end detail} with byte
 * offsets: the same format as resources/syntax/astdump.go prints go/ast trees, so the two can be
 * compared line by line.
 */
final class AstDump {
    private AstDump() {}

    static List<String> dump(FileSet fset, File f) {
        List<String> out = new ArrayList<>();
        Inspector.inspect(f, n -> {
            out.add(n.getClass().getSimpleName() + " " + offset(fset, n.pos()) + " " + end(fset, n) + detail(n));
            return true;
        });
        return out;
    }

    private static int offset(FileSet fset, int pos) {
        return pos == 0 ? -1 : fset.rawPosition(pos).offset();
    }

    private static int end(FileSet fset, Node n) {
        return offset(fset, n.end());
    }

    private static String detail(Node n) {
        return switch (n) {
            case Ident i -> " " + i.name;
            case BasicLit b -> " " + b.kind.name() + " " + Quote.string(b.value);
            case UnaryExpr u -> " " + u.op.text();
            case BinaryExpr b -> " " + b.op.text();
            case AssignStmt a -> " " + a.tok.text();
            case IncDecStmt i -> " " + i.tok.text();
            case BranchStmt b -> " " + b.tok.text();
            case GenDecl g -> " " + g.tok.text();
            case RangeStmt r -> " " + r.tok.text();
            case ChanType c -> " " + switch (c.dir) {
                case SEND -> 1;
                case RECV -> 2;
                case BOTH -> 3;
            };
            case Comment c -> " " + Quote.string(c.text);
            case EmptyStmt e -> " " + e.implicit;
            default -> "";
        };
    }
}
