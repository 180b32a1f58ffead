/**
 * The Go syntax tree, mirroring Go's {@code go/ast} package class for class and field for field
 * (field names in lowerCamelCase), so that code written against go/ast reads the same here.
 *
 * <p>Differences, all forced by Java: fields named after Java keywords take a {@code Pos} suffix
 * ({@code ifPos}, {@code forPos}, {@code switchPos}, {@code casePos}, {@code returnPos},
 * {@code interfacePos}, {@code packagePos}), and {@code IfStmt.Else} is {@code elseStmt}. go/ast's
 * identifier resolution ({@code Ident.Obj}, {@code File.Scope}) is left to the type checker. Nodes
 * are final classes with final fields, compared by identity; lists are immutable and never null;
 * an absent optional node is null. {@link glassgo.compiler.ast.Inspector} walks a tree as
 * {@code ast.Inspect} does.
 *
 * <p>Positions are {@code int} Pos values of a {@link glassgo.compiler.syntax.FileSet}, which turns
 * them into {@code file:line:col}.
 */
package glassgo.compiler.ast;
