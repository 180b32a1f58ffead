package glassgo.compiler.types;

import glassgo.compiler.ast.Expr;
import glassgo.compiler.ast.FuncDecl;
import glassgo.compiler.ast.TypeSpec;
import glassgo.compiler.ast.ValueSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the resolver remembers about a package-level declaration so it can be checked on demand,
 * in any order (go/types {@code declInfo}): the file scope it lives in, its syntax, and the
 * package-level objects its initializer depends on (for initialization order).
 */
final class DeclInfo {
    final Scope fileScope;
    /** For a var declared with others by one multi-valued initializer: all of them. */
    List<Var> lhs;
    Expr vtype;
    Expr init;
    /** For constants: the iota value of their spec. */
    int iota;
    ValueSpec spec;
    /** A constant whose initializer is repeated from an earlier spec (implicit repetition). */
    boolean inherited;
    TypeSpec tdecl;
    FuncDecl fdecl;
    /** Go source order for ties in initialization order. */
    final Set<Obj> deps = new LinkedHashSet<>();

    DeclInfo(Scope fileScope) {
        this.fileScope = fileScope;
    }
}
