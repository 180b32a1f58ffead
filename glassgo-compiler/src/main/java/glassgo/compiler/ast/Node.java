package glassgo.compiler.ast;

/**
 * Every node of the Go syntax tree (go/ast Node). Positions are {@code go/token}-style Pos values
 * handed out by a {@link glassgo.compiler.syntax.FileSet}; 0 means "no position".
 *
 * <p>Nodes are final classes compared by identity, so later passes can key maps by node.
 */
public sealed interface Node permits Expr, Stmt, Decl, Spec, File, Field, FieldList, Comment, CommentGroup {
    /** Position of the node's first byte. */
    int pos();

    /** Position just after the node's last byte. */
    int end();
}
