package glassgo.compiler.types;

import glassgo.compiler.ast.*;
import glassgo.compiler.constant.Constant;
import glassgo.compiler.constant.Kind;
import glassgo.compiler.syntax.Token;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Calls (go/types {@code call.go}, {@code builtins.go}, {@code infer.go}, {@code instantiate.go}):
 * conversions, builtin functions with their constant results, ordinary and variadic calls with
 * gc's argument-count messages, generic instantiation with constraint satisfaction, and Go 1.19's
 * function argument type inference (unification with typed arguments, then default types of
 * untyped constants, then core types of constraints).
 */
abstract class Calls extends Exprs {
    Calls(glassgo.compiler.syntax.FileSet fset, Package pkg, Importer importer) {
        super(fset, pkg, importer);
    }

    @Override
    ExprKind call(Operand x, CallExpr call) {
        if (partialInstantiationCall(x, call)) {
            return ExprKind.STATEMENT;
        }
        rawExpr(x, call.fun, null, true);
        switch (x.mode) {
            case INVALID -> {
                use(call.args.toArray(new Expr[0]));
                x.expr = call;
                return ExprKind.STATEMENT;
            }
            case TYPEXPR -> {
                Type t = x.type;
                if (Predicates.isGeneric(t)) {
                    errorf(x, "cannot use generic type %s without instantiation", str(t));
                    x.setInvalid();
                    return ExprKind.CONVERSION;
                }
                x.setInvalid();
                switch (call.args.size()) {
                    case 0 -> errorf(call.rparen, "missing argument in conversion to %s", str(t));
                    case 1 -> {
                        expr(x, call.args.get(0));
                        if (!x.invalid()) {
                            if (call.ellipsis != 0) {
                                errorf(call.ellipsis, "invalid use of ... in conversion to %s", str(t));
                            }
                            conversion(x, t);
                        }
                    }
                    default -> {
                        use(call.args.toArray(new Expr[0]));
                        errorf(call.args.get(call.args.size() - 1).pos(), "too many arguments in conversion to %s", str(t));
                    }
                }
                x.expr = call;
                return ExprKind.CONVERSION;
            }
            case BUILTIN -> {
                Builtin.Id id = x.builtin;
                if (!builtin(x, call, id)) {
                    x.setInvalid();
                }
                x.expr = call;
                return switch (id) {
                    case APPEND, CAP, COMPLEX, IMAG, LEN, MAKE, NEW, REAL, ADD, ALIGNOF, OFFSETOF, SIZEOF, SLICE -> ExprKind.EXPRESSION;
                    default -> ExprKind.STATEMENT;
                };
            }
            default -> { }
        }
        Type ct = Predicates.coreType(x.type);
        if (!(ct instanceof Signature sig)) {
            errorf(x, "invalid operation: cannot call non-function %s", operandString(x));
            use(call.args.toArray(new Expr[0]));
            x.setInvalid();
            x.expr = call;
            return ExprKind.STATEMENT;
        }
        List<Operand> args = exprList(call.args);
        Signature rsig = arguments(call, sig, List.of(), args);
        if (rsig == null) {
            rsig = sig.typeParams().isEmpty() ? sig : null;
        }
        if (rsig == null) {
            x.setInvalid();
            x.expr = call;
            return ExprKind.STATEMENT;
        }
        switch (rsig.results().len()) {
            case 0 -> x.set(OperandMode.NOVALUE, Universe.INVALID);
            case 1 -> x.set(OperandMode.VALUE, rsig.results().at(0).type());
            default -> x.set(OperandMode.VALUE, rsig.results());
        }
        x.expr = call;
        return ExprKind.STATEMENT;
    }

    /**
     * {@code f[int](x, y)} where f has more type parameters than given: the rest are inferred from
     * the arguments (Go 1.19 partial instantiation). Returns false, having left no trace, when the
     * callee is anything else.
     */
    private boolean partialInstantiationCall(Operand x, CallExpr call) {
        Expr fun = unparen(call.fun);
        List<Expr> targExprs;
        Expr base;
        if (fun instanceof IndexExpr ix) {
            targExprs = List.of(ix.index);
            base = ix.x;
        } else if (fun instanceof IndexListExpr il) {
            targExprs = il.indices;
            base = il.x;
        } else {
            return false;
        }
        int before = errors.size();
        Operand b = new Operand();
        rawExpr(b, base, null, true);
        if (!(b.mode == OperandMode.VALUE && b.type instanceof Signature sig && sig.typeParams().size() > targExprs.size())) {
            while (errors.size() > before) {
                errors.remove(errors.size() - 1);
            }
            return false;
        }
        List<Type> targs = new ArrayList<>();
        for (Expr te : targExprs) {
            Type t = typExpr(te);
            if (t == Universe.INVALID) {
                x.setInvalid();
                x.expr = call;
                return true;
            }
            targs.add(t);
        }
        List<Operand> args = exprList(call.args);
        Signature rsig = arguments(call, sig, targs, args);
        if (rsig == null) {
            x.setInvalid();
        } else {
            Operand f = new Operand();
            f.set(OperandMode.VALUE, rsig);
            f.expr = call.fun;
            record(f);
            switch (rsig.results().len()) {
                case 0 -> x.set(OperandMode.NOVALUE, Universe.INVALID);
                case 1 -> x.set(OperandMode.VALUE, rsig.results().at(0).type());
                default -> x.set(OperandMode.VALUE, rsig.results());
            }
        }
        x.expr = call;
        return true;
    }

    /** Evaluates call arguments; a single multi-valued call argument is spread into its values. */
    List<Operand> exprList(List<Expr> elist) {
        List<Operand> out = new ArrayList<>();
        if (elist.size() == 1) {
            Operand x = new Operand();
            rawExpr(x, elist.get(0), null, true);
            exclude(x, true, true, true);
            if (x.mode == OperandMode.VALUE && x.type instanceof Tuple t) {
                for (Var v : t.vars()) {
                    Operand o = new Operand();
                    o.mode = OperandMode.VALUE;
                    o.expr = elist.get(0);
                    o.type = v.type();
                    out.add(o);
                }
                return out;
            }
            out.add(x);
            return out;
        }
        for (Expr e : elist) {
            Operand x = new Operand();
            rawExpr(x, e, null, true);
            exclude(x, true, true, true);
            singleValue(x);
            out.add(x);
        }
        return out;
    }

    /** Checks arguments against sig; returns the (instantiated) signature, or null after an error. */
    Signature arguments(CallExpr call, Signature sig, List<Type> targs, List<Operand> args) {
        for (Operand a : args) {
            if (a.invalid()) {
                return null;
            }
        }
        int nargs = args.size();
        int npars = sig.params().len();
        boolean ddd = call.ellipsis != 0;
        List<Var> sigParams = sig.params().vars();
        boolean adjusted = false;
        if (sig.variadic()) {
            if (ddd) {
                if (call.args.size() == 1 && nargs > 1) {
                    errorf(call.ellipsis, "cannot use ... with %d-valued %s", nargs, ExprString.of(call.args.get(0)));
                    return null;
                }
            } else if (nargs >= npars - 1) {
                List<Var> vars = new ArrayList<>(sigParams.subList(0, npars - 1));
                Var last = sigParams.get(npars - 1);
                Type elem = last.type() instanceof Slice s ? s.elem() : Universe.INVALID;
                while (vars.size() < nargs) {
                    vars.add(new Var(last.pos(), last.pkg(), last.name(), elem));
                }
                sigParams = vars;
                adjusted = true;
                npars = nargs;
            } else {
                npars--;
            }
        } else if (ddd) {
            errorf(call.ellipsis, "have (...%s), cannot use ... in call to non-variadic %s",
                    nargs > 0 ? str(args.get(nargs - 1).type) : "", ExprString.of(call.fun));
            return null;
        }
        if (nargs != npars) {
            int at = call.rparen;
            String q = "not enough";
            if (nargs > npars) {
                at = syntaxPos(args.get(npars).expr);
                q = "too many";
            } else if (nargs > 0) {
                at = syntaxPos(args.get(nargs - 1).expr);
            }
            errorf(at, "%s arguments in call to %s\n\thave %s\n\twant %s", q, ExprString.of(call.fun),
                    typesSummary(args.stream().map(a -> a.type).toList(), false),
                    typesSummary(sig.params().vars().stream().map(Var::type).toList(), sig.variadic()));
            return null;
        }
        Signature rsig = sig;
        if (!sig.typeParams().isEmpty()) {
            List<Type> inferred = infer(call, sig.typeParams(), targs, sigParams, args);
            if (inferred == null) {
                return null;
            }
            java.util.Map<TypeParam, Type> m = Subst.map(sig.typeParams(), inferred);
            if (!verifyInstance(call.fun, sig.typeParams(), inferred)) {
                return null;
            }
            rsig = new Signature(null, List.of(), (Tuple) Subst.subst(sig.params(), m), (Tuple) Subst.subst(sig.results(), m), sig.variadic());
            recordInstance(call.fun, inferred, rsig);
            List<Var> sp = new ArrayList<>();
            for (Var v : sigParams) {
                sp.add(new Var(v.pos(), v.pkg(), v.name(), Subst.subst(v.type(), m)));
            }
            sigParams = sp;
        }
        String context = "argument to " + ExprString.of(call.fun);
        for (int i = 0; i < args.size(); i++) {
            assignment(args.get(i), sigParams.get(i).type(), context);
        }
        return rsig;
    }

    String typesSummary(List<Type> list, boolean variadic) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Type t = list.get(i);
            String s;
            if (t == null || t == Universe.INVALID) {
                s = "<T>";
            } else if (Predicates.isUntyped(t)) {
                s = Predicates.isNumeric(t) ? "number" : ((Basic) t).name().replace("untyped ", "");
            } else if (variadic && i == list.size() - 1 && t instanceof Slice sl) {
                s = "..." + str(sl.elem());
            } else {
                s = str(t);
            }
            sb.append(s);
        }
        return sb.append(')').toString();
    }

    // ---- generics

    @Override
    void funcInst(Operand x, Expr e, List<Expr> targExprs) {
        Signature sig = (Signature) x.type;
        List<Type> targs = new ArrayList<>();
        for (Expr te : targExprs) {
            Type t = typExpr(te);
            if (t == Universe.INVALID) {
                x.setInvalid();
                return;
            }
            targs.add(t);
        }
        int got = targs.size();
        int want = sig.typeParams().size();
        if (got > want) {
            errorf(targExprs.get(want).pos(), "got %d type arguments but %s has %d type parameters", got, ExprString.of(x.expr), want);
            x.setInvalid();
            return;
        }
        if (got < want) {
            // Partial instantiation: the remaining arguments must be inferred from a call.
            List<Type> inferred = infer(null, sig.typeParams(), targs, List.of(), List.of());
            if (inferred == null) {
                errorf(e.pos(), "cannot infer %s", sig.typeParams().get(got).obj().name());
                x.setInvalid();
                return;
            }
            targs = inferred;
        }
        if (!verifyInstance(e, sig.typeParams(), targs)) {
            x.setInvalid();
            return;
        }
        java.util.Map<TypeParam, Type> m = Subst.map(sig.typeParams(), targs);
        x.type = new Signature(null, List.of(), (Tuple) Subst.subst(sig.params(), m), (Tuple) Subst.subst(sig.results(), m), sig.variadic());
        x.mode = OperandMode.VALUE;
        recordInstance(e, targs, x.type);
    }

    @Override
    Type instantiateType(Expr e, Type gtyp, List<Expr> argExprs) {
        if (gtyp == Universe.INVALID) {
            for (Expr a : argExprs) {
                typExpr(a);
            }
            return Universe.INVALID;
        }
        if (gtyp instanceof Named self && self.orig == null && self.rawUnderlying() == null && self.typeParams().isEmpty()
                && embedsItself(self)) {
            return Universe.INVALID; // used in its own type parameter list: reported as a cycle
        }
        if (!(gtyp instanceof Named gn) || gn.orig != null || gn.typeParams().isEmpty()) {
            errorf(e.pos(), "%s is not a generic type", str(gtyp));
            return Universe.INVALID;
        }
        List<Type> targs = new ArrayList<>();
        for (Expr a : argExprs) {
            Type t = typExpr(a);
            if (t == Universe.INVALID) {
                return Universe.INVALID;
            }
            targs.add(t);
        }
        List<TypeParam> tps = gn.typeParams();
        if (targs.size() != tps.size()) {
            errorf(argExprs.get(0).pos(), "got %d arguments but %d type parameters", targs.size(), tps.size());
            return Universe.INVALID;
        }
        Named inst = Subst.instantiate(gn, targs);
        recordInstance(e, targs, inst);
        later.add(() -> verifyInstance(e, tps, targs));
        return inst;
    }

    /** Checks that each type argument satisfies its constraint (go/types {@code verify}). */
    boolean verifyInstance(Expr at, List<TypeParam> tps, List<Type> targs) {
        java.util.Map<TypeParam, Type> m = Subst.map(tps, targs);
        for (int i = 0; i < tps.size() && i < targs.size(); i++) {
            Type bound = Subst.subst(tps.get(i).constraint(), m);
            String cause = satisfies(targs.get(i), bound);
            if (cause != null) {
                errorf(at == null ? 0 : at.pos(), "%s", cause);
                return false;
            }
        }
        return true;
    }

    /** Why t does not satisfy constraint bound, or null if it does (go/types {@code implements}). */
    String satisfies(Type t, Type bound) {
        if (!(bound.underlying() instanceof Interface bi)) {
            return null;
        }
        if (t == Universe.INVALID || bound == Universe.INVALID) {
            return null;
        }
        TypeSet ts = bi.typeSet();
        if (ts.methods().isEmpty() && ts.terms() == null && !ts.comparable()) {
            return null;
        }
        Lookup.Missing m = Lookup.missingMethod(t, bi, true);
        if (m != null) {
            return str(t) + " does not implement " + str(bound) + " " + missingMethodReason(t, bound, m);
        }
        if (ts.comparable()) {
            boolean ok = t instanceof TypeParam ? Predicates.comparable(t) : Predicates.strictlyComparable(t);
            if (!ok) {
                return String.format("%s does not implement comparable", str(t));
            }
        }
        if (ts.terms() != null) {
            if (t instanceof TypeParam tp) {
                TypeSet tts = tp.iface().typeSet();
                if (tts.terms() == null) {
                    return String.format("%s does not implement %s", str(t), str(bound));
                }
                for (Term term : tts.terms()) {
                    boolean in = false;
                    for (Term bt : ts.terms()) {
                        if (bt.tilde() ? Predicates.identical(bt.type().underlying(), term.type().underlying())
                                : !term.tilde() && Predicates.identical(bt.type(), term.type())) {
                            in = true;
                            break;
                        }
                    }
                    if (!in) {
                        return String.format("%s does not implement %s", str(t), str(bound));
                    }
                }
            } else if (!ts.includes(t)) {
                if (ts.terms().isEmpty()) {
                    return String.format("cannot satisfy %s (empty type set)", str(bound));
                }
                return String.format("%s does not implement %s (%s missing in %s)", str(t), str(bound), str(t), termListString(ts.terms()));
            }
        }
        return null;
    }

    private String termListString(List<Term> terms) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                sb.append(" | ");
            }
            sb.append(terms.get(i).tilde() ? "~" : "").append(str(terms.get(i).type()));
        }
        return sb.toString();
    }

    /**
     * Go 1.19 type inference (go/types {@code infer}): explicit arguments first, then unification of
     * parameter types with typed arguments, constraint core types, untyped constants' default
     * types, and constraint inference again. Returns null after reporting "cannot infer".
     */
    List<Type> infer(CallExpr call, List<TypeParam> tparams, List<Type> targs, List<Var> params, List<Operand> args) {
        int n = tparams.size();
        if (targs.size() == n) {
            return targs;
        }
        Unifier u = new Unifier(tparams);
        for (int i = 0; i < targs.size(); i++) {
            u.set(i, targs.get(i));
        }
        // 1) typed arguments
        for (int i = 0; i < args.size() && i < params.size(); i++) {
            Operand a = args.get(i);
            Type pt = params.get(i).type();
            if (!u.mentionsParams(pt)) {
                continue;
            }
            if (Predicates.isTyped(a.type)) {
                if (!u.unify(pt, a.type)) {
                    if (call != null) {
                        errorf(a, "type %s of %s does not match %s", str(a.type), ExprString.of(a.expr), inferredStr(u, pt));
                    }
                    return null;
                }
            }
        }
        // 2) constraint type inference
        constraintInference(u, tparams);
        // 3) untyped arguments whose parameter is a bare type parameter
        for (int i = 0; i < args.size() && i < params.size(); i++) {
            Operand a = args.get(i);
            if (Predicates.isUntyped(a.type) && params.get(i).type() instanceof TypeParam tp) {
                int idx = tparams.indexOf(tp);
                if (idx >= 0 && u.at(idx) == null) {
                    if (a.isNil()) {
                        continue;
                    }
                    u.set(idx, Predicates.defaultType(a.type));
                }
            }
        }
        constraintInference(u, tparams);
        List<Type> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Type t = u.at(i);
            if (t == null) {
                int pos = call != null ? call.rparen : 0;
                if (call != null) {
                    errorf(pos, "cannot infer %s (%s)", tparams.get(i).obj().name(), fset.position(tparams.get(i).obj().pos()));
                }
                return null;
            }
            out.add(t);
        }
        // Resolve references to other type parameters inside inferred types.
        java.util.Map<TypeParam, Type> m = Subst.map(tparams, out);
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < n; i++) {
                out.set(i, Subst.subst(out.get(i), m));
            }
            m = Subst.map(tparams, out);
        }
        return out;
    }

    private String inferredStr(Unifier u, Type pt) {
        return str(pt);
    }

    private void constraintInference(Unifier u, List<TypeParam> tparams) {
        for (int round = 0; round < 3; round++) {
            boolean progress = false;
            for (int i = 0; i < tparams.size(); i++) {
                Term core = singleCoreTerm(tparams.get(i));
                if (core == null) {
                    continue;
                }
                Type t = u.at(i);
                if (t != null) {
                    if (u.mentionsParams(core.type())) {
                        int before = u.boundCount();
                        u.unify(core.type(), core.tilde() ? t.underlying() : t);
                        progress |= u.boundCount() > before;
                    }
                } else if (!core.tilde()) {
                    u.set(i, core.type());
                    progress = true;
                }
            }
            if (!progress) {
                break;
            }
        }
    }

    /** The single term of a constraint's type set (e.g. ~[]E), the source of core type inference. */
    private static Term singleCoreTerm(TypeParam tp) {
        TypeSet ts = tp.iface().typeSet();
        if (ts.terms() == null || ts.terms().size() != 1) {
            return null;
        }
        return ts.terms().get(0);
    }

    /** Structural unification of types mentioning the type parameters being inferred (go/types {@code unifier}). */
    static final class Unifier {
        final List<TypeParam> tparams;
        final Type[] bound;

        Unifier(List<TypeParam> tparams) {
            this.tparams = tparams;
            this.bound = new Type[tparams.size()];
        }

        Type at(int i) {
            return bound[i];
        }

        void set(int i, Type t) {
            bound[i] = t;
        }

        int boundCount() {
            int c = 0;
            for (Type t : bound) {
                if (t != null) {
                    c++;
                }
            }
            return c;
        }

        int index(Type t) {
            if (t instanceof TypeParam tp) {
                for (int i = 0; i < tparams.size(); i++) {
                    if (tparams.get(i) == tp) {
                        return i;
                    }
                }
            }
            return -1;
        }

        boolean mentionsParams(Type t) {
            return mentions(t, new IdentityHashMap<>());
        }

        private boolean mentions(Type t, IdentityHashMap<Type, Boolean> seen) {
            if (t == null || seen.put(t, true) != null) {
                return false;
            }
            return switch (t) {
                case TypeParam tp -> index(tp) >= 0;
                case Pointer p -> mentions(p.elem(), seen);
                case Slice s -> mentions(s.elem(), seen);
                case Array a -> mentions(a.elem(), seen);
                case Map m -> mentions(m.key(), seen) || mentions(m.elem(), seen);
                case Chan c -> mentions(c.elem(), seen);
                case Named n -> n.typeArgs().stream().anyMatch(a -> mentions(a, seen));
                case Struct s -> s.fields().stream().anyMatch(f -> mentions(f.type(), seen));
                case Signature s -> s.params().vars().stream().anyMatch(v -> mentions(v.type(), seen))
                        || s.results().vars().stream().anyMatch(v -> mentions(v.type(), seen));
                case Tuple tu -> tu.vars().stream().anyMatch(v -> mentions(v.type(), seen));
                case Interface i -> i.explicitMethods().stream().anyMatch(f -> mentions(f.type(), seen));
                default -> false;
            };
        }

        boolean unify(Type x, Type y) {
            return unify(x, y, 0);
        }

        private boolean unify(Type x, Type y, int depth) {
            if (depth > 64) {
                return true;
            }
            int i = index(x);
            // Only the parameter side holds inference variables: in a recursive call fact(n-1) the
            // argument's type T is a fixed type, even though it is the same type parameter.
            int j = -1;
            if (i >= 0 && j >= 0) {
                if (bound[i] == null && bound[j] == null) {
                    return true;
                }
                if (bound[i] == null) {
                    bound[i] = bound[j];
                    return true;
                }
                if (bound[j] == null) {
                    bound[j] = bound[i];
                    return true;
                }
                return unify(bound[i], bound[j], depth + 1);
            }
            if (i >= 0) {
                if (bound[i] == null) {
                    bound[i] = y;
                    return true;
                }
                return unify(bound[i], y, depth + 1) || Predicates.identical(bound[i], y);
            }
            if (j >= 0) {
                if (bound[j] == null) {
                    bound[j] = x;
                    return true;
                }
                return unify(x, bound[j], depth + 1);
            }
            // An outer type parameter unifies through its core type (go/types enableCoreTypeUnification).
            if (x instanceof TypeParam && !(y instanceof Named) && !(y instanceof Basic) && !(y instanceof TypeParam)) {
                Type cx = Predicates.coreType(x);
                if (cx != null) {
                    x = cx;
                }
            } else if (y instanceof TypeParam && !(x instanceof Named) && !(x instanceof Basic) && !(x instanceof TypeParam)) {
                Type cy = Predicates.coreType(y);
                if (cy != null) {
                    y = cy;
                }
            }
            // Inexact unification: a defined type unifies with a type literal through its underlying type.
            if (x instanceof Named nx && !(y instanceof Named)) {
                if (!(y instanceof TypeParam) && !(y instanceof Basic)) {
                    x = nx.underlying();
                }
            } else if (y instanceof Named ny && !(x instanceof Named)) {
                if (!(x instanceof TypeParam) && !(x instanceof Basic)) {
                    y = ny.underlying();
                }
            }
            if (x == y) {
                return true;
            }
            switch (x) {
                case Pointer px -> {
                    return y instanceof Pointer py && unify(px.elem(), py.elem(), depth + 1);
                }
                case Slice sx -> {
                    return y instanceof Slice sy && unify(sx.elem(), sy.elem(), depth + 1);
                }
                case Array ax -> {
                    return y instanceof Array ay && ax.len() == ay.len() && unify(ax.elem(), ay.elem(), depth + 1);
                }
                case Map mx -> {
                    return y instanceof Map my && unify(mx.key(), my.key(), depth + 1) && unify(mx.elem(), my.elem(), depth + 1);
                }
                case Chan cx -> {
                    return y instanceof Chan cy && unify(cx.elem(), cy.elem(), depth + 1);
                }
                case Named nx -> {
                    if (!(y instanceof Named ny)) {
                        return false;
                    }
                    if (nx.origin() != ny.origin()) {
                        return false;
                    }
                    List<Type> xa = nx.typeArgs();
                    List<Type> ya = ny.typeArgs();
                    if (xa.size() != ya.size()) {
                        return false;
                    }
                    for (int k = 0; k < xa.size(); k++) {
                        if (!unify(xa.get(k), ya.get(k), depth + 1)) {
                            return false;
                        }
                    }
                    return true;
                }
                case Signature sx -> {
                    if (!(y instanceof Signature sy)) {
                        return false;
                    }
                    return sx.variadic() == sy.variadic() && unify(sx.params(), sy.params(), depth + 1)
                            && unify(sx.results(), sy.results(), depth + 1);
                }
                case Tuple tx -> {
                    if (!(y instanceof Tuple ty) || tx.len() != ty.len()) {
                        return false;
                    }
                    for (int k = 0; k < tx.len(); k++) {
                        if (!unify(tx.at(k).type(), ty.at(k).type(), depth + 1)) {
                            return false;
                        }
                    }
                    return true;
                }
                case Struct sx -> {
                    if (!(y instanceof Struct sy) || sx.numFields() != sy.numFields()) {
                        return false;
                    }
                    for (int k = 0; k < sx.numFields(); k++) {
                        if (!sx.field(k).name().equals(sy.field(k).name()) || !unify(sx.field(k).type(), sy.field(k).type(), depth + 1)) {
                            return false;
                        }
                    }
                    return true;
                }
                default -> {
                    return Predicates.identical(x, y);
                }
            }
        }
    }

    // ---- builtins

    /** go/types {@code builtin}: checks a call of a builtin; false means x is invalid. */
    boolean builtin(Operand x, CallExpr call, Builtin.Id id) {
        String name = builtinName(id);
        if (call.ellipsis != 0 && id != Builtin.Id.APPEND) {
            errorf(call.lparen, "invalid operation: invalid use of ... with built-in %s", name);
            use(call.args.toArray(new Expr[0]));
            return false;
        }
        int nargs = call.args.size();
        List<Operand> args = new ArrayList<>();
        switch (id) {
            case MAKE, NEW, OFFSETOF -> { }
            default -> {
                args = exprList(call.args);
                nargs = args.size();
                for (Operand a : args) {
                    if (a.invalid()) {
                        return false;
                    }
                }
            }
        }
        if ((id == Builtin.Id.ADD || id == Builtin.Id.SLICE) && langMinor < 17) {
            errorf(call.fun.pos(), "unsafe.%s requires go1.17 or later", name);
            return false;
        }
        int[] counts = builtinArity(id);
        int min = counts[0];
        boolean variadic = counts[1] == 1;
        String msg = null;
        if (nargs < min) {
            msg = "not enough";
        } else if (!variadic && nargs > min) {
            msg = "too many";
        }
        if (msg != null) {
            errorf(call.lparen, "invalid operation: %s arguments for %s (expected %d, found %d)", msg, ExprString.of(call), min, nargs);
            return false;
        }
        Operand a0 = args.isEmpty() ? null : args.get(0);
        if (a0 != null) {
            x.mode = a0.mode;
            x.type = a0.type;
            x.val = a0.val;
            x.expr = a0.expr;
        }
        switch (id) {
            case APPEND -> {
                Type s = a0.type;
                Type core = Predicates.coreType(s);
                if (!(core instanceof Slice sl)) {
                    if (a0.isNil()) {
                        errorf(a0, "first argument to append must be a typed slice; found untyped nil");
                    } else {
                        errorf(a0, "invalid argument: %s (variable of type %s) is not a slice", ExprString.of(a0.expr), str(s));
                    }
                    return false;
                }
                if (nargs == 2 && call.ellipsis != 0) {
                    Operand a1 = args.get(1);
                    if (Predicates.coreString(a1.type) instanceof Basic cb && cb.is(Basic.IS_STRING)
                            && Predicates.identical(sl.elem().underlying(), Universe.UINT8)) {
                        convertUntyped(a1, Universe.STRING);
                        x.set(OperandMode.VALUE, s);
                        return true;
                    }
                }
                List<Var> ps = List.of(new Var(0, pkg, "", s), new Var(0, pkg, "", new Slice(sl.elem())));
                Signature sig = new Signature(null, List.of(), new Tuple(ps), new Tuple(List.of(new Var(0, pkg, "", s))), true);
                arguments(call, sig, List.of(), args);
                x.set(OperandMode.VALUE, s);
            }
            case CAP, LEN -> {
                OperandMode mode = OperandMode.INVALID;
                glassgo.compiler.constant.Value val = null;
                Type t = arrayPtrDeref(a0.type.underlying());
                if (a0.type instanceof TypeParam tp) {
                    t = null;
                    TypeSet ts = tp.iface().typeSet();
                    boolean all = ts.terms() != null && !ts.terms().isEmpty();
                    if (all) {
                        for (Term term : ts.terms()) {
                            Type tu = arrayPtrDeref(term.type().underlying());
                            boolean ok = tu instanceof Basic b && b.is(Basic.IS_STRING) && id == Builtin.Id.LEN
                                    || tu instanceof Array || tu instanceof Slice || tu instanceof Chan
                                    || tu instanceof Map && id == Builtin.Id.LEN;
                            all &= ok;
                        }
                    }
                    if (all) {
                        mode = OperandMode.VALUE;
                    }
                }
                switch (t) {
                    case Basic b when b.is(Basic.IS_STRING) && id == Builtin.Id.LEN -> {
                        if (a0.mode == OperandMode.CONSTANT) {
                            mode = OperandMode.CONSTANT;
                            val = Constant.makeInt64(Constant.stringLen(a0.val));
                        } else {
                            mode = OperandMode.VALUE;
                        }
                    }
                    case Array a -> {
                        mode = OperandMode.VALUE;
                        if (!hasCallOrRecv(call.args.get(0))) {
                            mode = OperandMode.CONSTANT;
                            val = a.len() >= 0 ? Constant.makeInt64(a.len()) : Constant.makeUnknown();
                        }
                    }
                    case Slice s -> mode = OperandMode.VALUE;
                    case Chan c -> mode = OperandMode.VALUE;
                    case Map m when id == Builtin.Id.LEN -> mode = OperandMode.VALUE;
                    case null, default -> { }
                }
                if (mode == OperandMode.INVALID) {
                    if (a0.type.underlying() != Universe.INVALID) {
                        errorf(a0, "invalid argument: %s for %s", operandString(a0), name);
                    }
                    return false;
                }
                x.mode = mode;
                x.type = Universe.INT;
                x.val = val;
            }
            case CLOSE -> {
                Type core = a0.type instanceof TypeParam ? sameUnder(a0.type, Chan.class) : Predicates.coreType(a0.type);
                if (!(core instanceof Chan c)) {
                    errorf(a0, "invalid operation: cannot close non-channel %s", operandString(a0));
                    return false;
                }
                if (c.dir() == Chan.Dir.RECV_ONLY) {
                    errorf(a0, "invalid operation: cannot close receive-only channel %s", operandString(a0));
                    return false;
                }
                x.set(OperandMode.NOVALUE, Universe.INVALID);
            }
            case COMPLEX -> {
                Operand y = args.get(1);
                Operand xx = a0;
                boolean bothUntypedOrTyped = true;
                if (Predicates.isUntyped(xx.type) && Predicates.isTyped(y.type)) {
                    convertUntyped(xx, y.type);
                } else if (Predicates.isUntyped(y.type) && Predicates.isTyped(xx.type)) {
                    convertUntyped(y, xx.type);
                } else if (Predicates.isUntyped(xx.type) && Predicates.isUntyped(y.type)) {
                    // both untyped: convert to untyped float if possible
                    if (xx.mode == OperandMode.CONSTANT && y.mode == OperandMode.CONSTANT) {
                        toFloatKind(xx);
                        toFloatKind(y);
                    } else {
                        convertUntyped(xx, Universe.FLOAT64);
                        convertUntyped(y, Universe.FLOAT64);
                    }
                }
                if (xx.invalid() || y.invalid() || !bothUntypedOrTyped) {
                    return false;
                }
                if (!Predicates.identical(xx.type, y.type)) {
                    errorf(xx, "invalid operation: %s (mismatched types %s and %s)", ExprString.of(call), str(xx.type), str(y.type));
                    return false;
                }
                Type res;
                Type u = xx.type.underlying();
                if (u instanceof Basic b) {
                    res = switch (b.kind()) {
                        case FLOAT32 -> Universe.COMPLEX64;
                        case FLOAT64 -> Universe.COMPLEX128;
                        case UNTYPED_FLOAT, UNTYPED_INT, UNTYPED_RUNE -> Universe.UNTYPED_COMPLEX;
                        default -> null;
                    };
                } else {
                    res = null;
                }
                if (res == null) {
                    errorf(xx, "invalid argument: arguments have type %s, expected floating-point", str(xx.type));
                    return false;
                }
                if (xx.mode == OperandMode.CONSTANT && y.mode == OperandMode.CONSTANT) {
                    x.setConst(res, Constant.binaryOp(Constant.toFloat(xx.val), Token.ADD,
                            Constant.makeImag(Constant.toFloat(y.val))));
                } else {
                    x.set(OperandMode.VALUE, res);
                }
                if (Predicates.isTyped(res) && x.mode == OperandMode.CONSTANT) {
                    // keep
                }
            }
            case COPY -> {
                Operand y = args.get(1);
                Type dst = Predicates.coreType(a0.type);
                Type src = Predicates.coreString(y.type);
                if (src instanceof Basic b && b.is(Basic.IS_STRING)) {
                    src = new Slice(Universe.BYTE);
                }
                if (!(dst instanceof Slice ds) || !(src instanceof Slice ss)) {
                    errorf(a0, "invalid argument: copy expects slice arguments; found %s and %s", operandString(a0), operandString(y));
                    return false;
                }
                if (!Predicates.identical(ds.elem(), ss.elem())) {
                    errorf(a0, "invalid argument: arguments to copy %s and %s have different element types %s and %s",
                            operandString(a0), operandString(y), str(ds.elem()), str(ss.elem()));
                    return false;
                }
                x.set(OperandMode.VALUE, Universe.INT);
            }
            case DELETE -> {
                Type core = a0.type instanceof TypeParam ? sameUnder(a0.type, Map.class) : Predicates.coreType(a0.type);
                if (!(core instanceof Map m)) {
                    errorf(a0, "invalid argument: %s is not a map", operandString(a0));
                    return false;
                }
                Operand k = args.get(1);
                assignment(k, m.key(), "argument to delete");
                if (k.invalid()) {
                    return false;
                }
                x.set(OperandMode.NOVALUE, Universe.INVALID);
            }
            case IMAG, REAL -> {
                if (a0.mode == OperandMode.CONSTANT && Predicates.isUntyped(a0.type)) {
                    toComplexKind(a0);
                } else if (Predicates.isUntyped(a0.type)) {
                    convertUntyped(a0, Universe.COMPLEX128);
                    if (a0.invalid()) {
                        return false;
                    }
                }
                Type u = a0.type.underlying();
                Type res = null;
                if (u instanceof Basic b) {
                    res = switch (b.kind()) {
                        case COMPLEX64 -> Universe.FLOAT32;
                        case COMPLEX128 -> Universe.FLOAT64;
                        case UNTYPED_COMPLEX -> Universe.UNTYPED_FLOAT;
                        default -> null;
                    };
                }
                if (res == null) {
                    errorf(a0, "invalid argument: argument has type %s, expected complex type", str(a0.type));
                    return false;
                }
                if (a0.mode == OperandMode.CONSTANT) {
                    x.setConst(res, id == Builtin.Id.REAL ? Constant.real(a0.val) : Constant.imag(a0.val));
                } else {
                    x.set(OperandMode.VALUE, res);
                }
            }
            case MAKE -> {
                Expr arg0 = call.args.get(0);
                Type t = typExpr(arg0);
                if (t == Universe.INVALID) {
                    return false;
                }
                int min2;
                Type core = Predicates.coreType(t);
                switch (core) {
                    case Slice s -> min2 = 2;
                    case Map m -> min2 = 1;
                    case Chan c -> min2 = 1;
                    case null -> {
                        errorf(arg0.pos(), "invalid argument: cannot make %s: no core type", ExprString.of(arg0));
                        return false;
                    }
                    default -> {
                        errorf(arg0.pos(), "invalid argument: cannot make %s; type must be slice, map, or channel", ExprString.of(arg0));
                        return false;
                    }
                }
                if (nargs < min2 || min2 + 1 < nargs) {
                    errorf(call.lparen, "invalid operation: %s expects %d or %d arguments; found %d", ExprString.of(call), min2, min2 + 1, nargs);
                    return false;
                }
                long[] sizes = new long[2];
                int ns = 0;
                boolean valid = true;
                for (int i = 1; i < nargs; i++) {
                    Operand s = new Operand();
                    expr(s, call.args.get(i));
                    if (s.invalid()) {
                        valid = false;
                        continue;
                    }
                    if (!isValidIndex(s, "index", false)) {
                        valid = false;
                        continue;
                    }
                    if (s.mode == OperandMode.CONSTANT && s.val.kind() != Kind.UNKNOWN) {
                        sizes[ns++] = Constant.int64Val(Constant.toInt(s.val)).value();
                    }
                }
                if (valid && ns == 2 && sizes[0] > sizes[1]) {
                    error(call.args.get(1).pos(), "invalid argument: length and capacity swapped");
                }
                x.set(OperandMode.VALUE, t);
            }
            case NEW -> {
                Type t = typExpr(call.args.get(0));
                if (t == Universe.INVALID) {
                    return false;
                }
                x.set(OperandMode.VALUE, new Pointer(t));
            }
            case PANIC -> {
                assignment(a0, Universe.ANY_TYPE, "argument to panic");
                if (a0.invalid()) {
                    return false;
                }
                x.set(OperandMode.NOVALUE, Universe.INVALID);
            }
            case PRINT, PRINTLN -> {
                for (Operand a : args) {
                    assignment(a, null, "argument to built-in " + name);
                    if (a.invalid()) {
                        return false;
                    }
                }
                x.set(OperandMode.NOVALUE, Universe.INVALID);
            }
            case RECOVER -> x.set(OperandMode.VALUE, Universe.ANY_TYPE);
            case ADD -> {
                assignment(a0, Universe.UNSAFE_POINTER, "argument to unsafe.Add");
                if (a0.invalid()) {
                    return false;
                }
                Operand y = args.get(1);
                if (!isValidIndex(y, "length", true)) {
                    return false;
                }
                x.set(OperandMode.VALUE, Universe.UNSAFE_POINTER);
            }
            case ALIGNOF, SIZEOF -> {
                assignment(a0, null, "argument to unsafe." + name);
                if (a0.invalid()) {
                    return false;
                }
                if (hasVarSize(a0.type)) {
                    x.set(OperandMode.VALUE, Universe.UINTPTR);
                    return true;
                }
                long v = id == Builtin.Id.SIZEOF ? Sizes.sizeof(a0.type) : Sizes.alignof(a0.type);
                x.setConst(Universe.UINTPTR, Constant.makeInt64(v));
            }
            case OFFSETOF -> {
                Expr arg0 = unparen(call.args.get(0));
                if (!(arg0 instanceof SelectorExpr sel)) {
                    errorf(arg0.pos(), "invalid argument: %s is not a selector expression", ExprString.of(arg0));
                    use(arg0);
                    return false;
                }
                Operand base = new Operand();
                expr(base, sel.x);
                if (base.invalid()) {
                    return false;
                }
                if (base.type.underlying() instanceof Pointer bp && bp.elem().underlying() instanceof Struct) {
                    base.type = bp.elem(); // types2 derefStructPtr
                }
                Lookup.Result r = Lookup.lookupFieldOrMethod(base.type, false, pkg, sel.sel.name);
                if (r.obj() == null) {
                    errorf(sel.sel.pos(), "invalid argument: %s has no single field %s", str(base.type), sel.sel.name);
                    return false;
                }
                if (!(r.obj() instanceof Var)) {
                    errorf(arg0.pos(), "invalid argument: %s is a method value", ExprString.of(arg0));
                    return false;
                }
                if (r.indirect()) {
                    Type bt = base.type instanceof Pointer bp ? bp.elem() : base.type;
                    errorf(sel.sel.pos(), "invalid argument: field %s is embedded via a pointer in %s", sel.sel.name, str(bt));
                    return false;
                }
                recordUse(sel.sel, r.obj());
                long off = 0;
                Type t = base.type;
                for (int idx : r.index()) {
                    Struct s = (Struct) t.underlying();
                    off += Sizes.offsetsof(s.fields())[idx];
                    t = s.field(idx).type();
                }
                x.setConst(Universe.UINTPTR, Constant.makeInt64(off));
            }
            case SLICE -> {
                if (!(a0.type.underlying() instanceof Pointer p)) {
                    errorf(a0, "invalid argument: %s is not a pointer", operandString(a0));
                    return false;
                }
                Operand y = args.get(1);
                if (!isValidIndex(y, "length", false)) {
                    return false;
                }
                x.set(OperandMode.VALUE, new Slice(p.elem()));
            }
        }
        return true;
    }

    /**
     * For close and delete on a type parameter (types2 underIs): every type in its set must be of
     * kind k; a channel with the most restrictive direction, or a map with the common key type, stands
     * for them all. Null when the set does not qualify.
     */
    private static Type sameUnder(Type t, Class<? extends Type> k) {
        TypeSet ts = ((TypeParam) t).iface().typeSet();
        if (ts.terms() == null || ts.terms().isEmpty()) {
            return null;
        }
        Type rep = null;
        for (Term term : ts.terms()) {
            Type u = term.type().underlying();
            if (!k.isInstance(u)) {
                return null;
            }
            if (u instanceof Chan c && c.dir() == Chan.Dir.RECV_ONLY) {
                return c;
            }
            if (rep instanceof Map m1 && u instanceof Map m2 && !Predicates.identical(m1.key(), m2.key())) {
                return null;
            }
            if (rep == null || u instanceof Chan c && c.dir() != Chan.Dir.SEND_RECV) {
                rep = u;
            }
        }
        return rep;
    }

    private void toFloatKind(Operand o) {
        if (o.val.kind() == Kind.INT || o.val.kind() == Kind.FLOAT) {
            o.val = Constant.toFloat(o.val);
            o.type = Universe.UNTYPED_FLOAT;
        }
    }

    private void toComplexKind(Operand o) {
        if (o.val.kind().isNumeric()) {
            o.val = Constant.toComplex(o.val);
            o.type = Universe.UNTYPED_COMPLEX;
        }
    }

    /** Whether a type's size depends on a type parameter (then unsafe.Sizeof is not constant). */
    private static boolean hasVarSize(Type t) {
        return switch (t) {
            case TypeParam tp -> true;
            case Named n -> !n.typeArgs().isEmpty() && hasVarSize(n.underlying()) || hasVarSize(n.underlying() instanceof Named ? Universe.INVALID : n.underlying());
            case Array a -> hasVarSize(a.elem());
            case Struct s -> s.fields().stream().anyMatch(f -> hasVarSize(f.type()));
            default -> false;
        };
    }

    private static Type arrayPtrDeref(Type t) {
        if (t instanceof Pointer p && p.elem().underlying() instanceof Array a) {
            return a;
        }
        return t;
    }

    /** Whether e contains a function call or channel receive that is not a constant conversion. */
    boolean hasCallOrRecv(Expr e) {
        boolean[] found = new boolean[1];
        new Object() {
            void walk(Expr x) {
                if (x == null || found[0]) {
                    return;
                }
                switch (x) {
                    case CallExpr c -> {
                        Info.TypeAndValue o = info.types.get(c);
                        if (o == null || o.mode() != OperandMode.CONSTANT) {
                            Info.TypeAndValue f = info.types.get(c.fun);
                            if (f == null || f.mode() != OperandMode.TYPEXPR) {
                                found[0] = true;
                                return;
                            }
                        }
                        c.args.forEach(this::walk);
                    }
                    case UnaryExpr u -> {
                        if (u.op == Token.ARROW) {
                            found[0] = true;
                            return;
                        }
                        walk(u.x);
                    }
                    case ParenExpr p -> walk(p.x);
                    case SelectorExpr s -> walk(s.x);
                    case IndexExpr i -> {
                        walk(i.x);
                        walk(i.index);
                    }
                    case StarExpr s -> walk(s.x);
                    case BinaryExpr b -> {
                        walk(b.x);
                        walk(b.y);
                    }
                    case SliceExpr s -> {
                        walk(s.x);
                        walk(s.low);
                        walk(s.high);
                        walk(s.max);
                    }
                    case TypeAssertExpr t -> walk(t.x);
                    case CompositeLit cl -> cl.elts.forEach(this::walk);
                    case KeyValueExpr kv -> {
                        walk(kv.key);
                        walk(kv.value);
                    }
                    default -> { }
                }
            }
        }.walk(e);
        return found[0];
    }

    static String builtinName(Builtin.Id id) {
        return switch (id) {
            case ADD -> "Add";
            case ALIGNOF -> "Alignof";
            case OFFSETOF -> "Offsetof";
            case SIZEOF -> "Sizeof";
            case SLICE -> "Slice";
            default -> id.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** {minimum argument count, 1 if variadic}. */
    static int[] builtinArity(Builtin.Id id) {
        return switch (id) {
            case APPEND -> new int[] {1, 1};
            case CAP, LEN, CLOSE, IMAG, REAL, NEW, PANIC, ALIGNOF, OFFSETOF, SIZEOF -> new int[] {1, 0};
            case COMPLEX, COPY, DELETE, ADD, SLICE -> new int[] {2, 0};
            case MAKE -> new int[] {1, 1};
            case PRINT, PRINTLN -> new int[] {0, 1};
            case RECOVER -> new int[] {0, 0};
        };
    }
}
