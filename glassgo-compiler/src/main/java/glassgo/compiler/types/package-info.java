/**
 * glassgo's Go type checker: go/types' concepts in Java, with gc 1.19's (types2's) error wording,
 * because Go's own errorcheck tests match gc's messages.
 *
 * <p>A guided tour, in the order the pieces are used:
 * <ol>
 *   <li>The type model: {@link glassgo.compiler.types.Type} and its kinds ({@link
 *       glassgo.compiler.types.Basic} incl. the untyped kinds, {@link glassgo.compiler.types.Named}
 *       with lazy instantiation, {@link glassgo.compiler.types.Interface} with its {@link
 *       glassgo.compiler.types.TypeSet}, {@link glassgo.compiler.types.TypeParam}, ...), the objects
 *       ({@link glassgo.compiler.types.Obj} and subclasses), {@link glassgo.compiler.types.Scope},
 *       {@link glassgo.compiler.types.Package} and the {@link glassgo.compiler.types.Universe}.</li>
 *   <li>Questions about types: {@link glassgo.compiler.types.Predicates} (identity, comparability,
 *       core types), {@link glassgo.compiler.types.Lookup} (fields and methods through embedding,
 *       interface satisfaction), {@link glassgo.compiler.types.Sizes} (gc's linux/amd64 layout),
 *       {@link glassgo.compiler.types.Subst} (generic instantiation), {@link
 *       glassgo.compiler.types.TypeString} (printing as go/types does).</li>
 *   <li>The checker, one file per concern as in go/types, chained by inheritance so that all share
 *       one state: {@link glassgo.compiler.types.CheckerBase} (errors, operands, assignability,
 *       untyped conversion) → {@link glassgo.compiler.types.TypeExprs} → {@link
 *       glassgo.compiler.types.Exprs} → {@link glassgo.compiler.types.Calls} (builtins, inference)
 *       → {@link glassgo.compiler.types.Stmts} → {@link glassgo.compiler.types.Checker} (resolver,
 *       declarations, cycles, initialization order; start reading here).</li>
 *   <li>{@link glassgo.compiler.types.Session} checks a loaded import graph in dependency order,
 *       each package once; {@code glassgo check} (glassgo-cli) prints the results.</li>
 * </ol>
 */
package glassgo.compiler.types;
