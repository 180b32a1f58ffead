/**
 * Go source text to syntax tree: the front of glassgo's pipeline.
 *
 * <p>A guided tour, in the order the data flows:
 * <ul>
 *   <li>{@link glassgo.compiler.syntax.FileSet} hands every file a range of {@code int} positions
 *       (go/token's Pos); {@link glassgo.compiler.syntax.SourceFile} turns one back into a
 *       {@link glassgo.compiler.syntax.Position}, printed {@code file:line:col} with byte columns.
 *   <li>{@link glassgo.compiler.syntax.Scanner} cuts UTF-8 bytes into {@link glassgo.compiler.syntax.Token}s,
 *       inserting semicolons as the spec says and keeping comments for doc text and directives.
 *   <li>{@link glassgo.compiler.syntax.Parser#parseFile} builds the {@link glassgo.compiler.ast} tree,
 *       recovering from errors as gc does and reporting them with gc's words through an
 *       {@link glassgo.compiler.syntax.ErrorHandler}.
 * </ul>
 * The scanner and parser follow cmd/compile/internal/syntax (the gc front end) in algorithm and
 * diagnostics, and go/ast in the shape of the tree.
 */
package glassgo.compiler.syntax;
