/**
 * The Go syntax tree, mirroring Go's {@code go/ast} package class for class and field for field
 * (field names in lowerCamelCase), so that code written against go/ast reads the same here.
 *
 * <p>Differences, all forced by Java: fields named after Java keywords take a {@code Pos} suffix
 * ({@code ifPos}, {@code forPos}, {@code switchPos}, {@code casePos}, {@code returnPos},
 * {@code interfacePos}, {@code packagePos}), and {@code IfStmt.Else} is {@code elseStmt}. go/ast's
 * identifier resolution ({@code Ident.Obj}, {@code File.Scope}) is left to the type checker. Nodes
 * are final classes with final fields, compared by identity; lists are immutable and never null;
 * an absent optional node is null. {@code pos()} and {@code end()} are computed when a node is
 * built, so they never recurse; trees can still be up to {@code Parser.MAX_NEST} (10,000) deep, e.g.
 * a long {@code a + b + ...} chain, so recursive walks should run on a large stack.
 *
 * <p>Helpers: {@link glassgo.compiler.ast.Inspector} walks a tree as {@code ast.Inspect} does;
 * {@link glassgo.compiler.ast.ExprString} prints expressions for diagnostics as go/types does;
 * {@link glassgo.compiler.ast.CommentGroup#text()} is go/ast's doc text;
 * {@link glassgo.compiler.ast.File#directives()} lists {@code //go:}, {@code //line} and build lines.
 *
 * <p>The tree is checked against Go's own: for every file of GOROOT/src and every test file that
 * go/parser accepts, glassgo's tree is identical to go/ast's node by node, positions and comments
 * included (AstOracleTest).
 *
 * <p>Positions are {@code int} Pos values of a {@link glassgo.compiler.syntax.FileSet}, which turns
 * them into {@code file:line:col}.
 */
package glassgo.compiler.ast;
