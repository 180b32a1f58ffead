package glassgo.compiler.types;

import glassgo.compiler.ast.*;
import glassgo.compiler.constant.Constant;
import glassgo.compiler.constant.Kind;
import glassgo.compiler.syntax.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Identifiers and type expressions (go/types {@code typexpr.go}): resolving a name to its object,
 * and turning {@code []T}, {@code map[K]V}, {@code struct{...}}, {@code func(...)},
 * {@code interface{...}} and generic instantiations into {@link Type}s.
 */
abstract class TypeExprs extends CheckerBase {
    TypeExprs(glassgo.compiler.syntax.FileSet fset, Package pkg, Importer importer) {
        super(fset, pkg, importer);
    }

    abstract void objDecl(Obj obj);

    abstract void expr(Operand x, Expr e);

    abstract void exprOrType(Operand x, Expr e, boolean allowGeneric);

    abstract Type instantiateType(Expr e, Type gtyp, List<Expr> args);

    /** Whether embedding t in an interface being declared closes a cycle (reported then). */
    abstract boolean embedsItself(Type t);

    /** How many package-level declarations are in progress. */
    abstract int declDepth();

    /** Declarations in progress below this depth were entered through a method signature. */
    int indirectionMark;

    /** Delayed actions run after the current declaration (go/types {@code check.later}). */
    final List<Runnable> later = new ArrayList<>();

    /** Resolves identifier e (go/types {@code check.ident}). */
    void ident(Operand x, Ident e, boolean wantType) {
        x.setInvalid();
        x.expr = e;
        if (e.name.equals("_")) {
            error(e.pos(), wantType ? "cannot use _ as value or type" : "cannot use _ as value");
            return;
        }
        Obj obj = scope.lookupParent(e.name);
        if (obj == null) {
            errorf(e.pos(), "undefined: %s", e.name);
            return;
        }
        recordUse(e, obj);
        // Package-level objects (and methods) are checked on first use.
        if (obj.pkg() == pkg && obj.parent() == pkg.scope()) {
            objDecl(obj);
            if (decl != null) {
                decl.deps.add(obj);
            }
        }
        Type typ = obj.type();
        switch (obj) {
            case PkgName pn -> {
                errorf(e.pos(), "use of package %s not in selector", pn.name());
                return;
            }
            case Const c -> {
                if (c == Universe.IOTA) {
                    if (iota == null) {
                        error(e.pos(), "cannot use iota outside constant declaration");
                        return;
                    }
                    x.setConst(Universe.UNTYPED_INT, iota);
                    return;
                }
                if (typ == null || typ == Universe.INVALID) {
                    return;
                }
                x.setConst(typ, c.val() == null ? Constant.makeUnknown() : c.val());
            }
            case TypeName tn -> {
                x.mode = OperandMode.TYPEXPR;
                x.type = typ == null ? Universe.INVALID : typ;
                return;
            }
            case Var v -> {
                if (v.pkg() == pkg) {
                    v.used = true;
                }
                if (typ == null || typ == Universe.INVALID) {
                    return;
                }
                x.mode = OperandMode.VARIABLE;
                x.type = typ;
            }
            case Func f -> {
                if (typ == null) {
                    return;
                }
                x.mode = OperandMode.VALUE;
                x.type = typ;
            }
            case Builtin b -> {
                x.mode = OperandMode.BUILTIN;
                x.builtin = b.id();
                x.type = Universe.INVALID;
            }
            case Nil n -> {
                x.mode = OperandMode.VALUE;
                x.type = Universe.UNTYPED_NIL;
            }
            case Label l -> { }
        }
    }

    /** Evaluates a type expression (go/types {@code typExpr}); reports non-types. */
    Type typExpr(Expr e) {
        return typInternal(e, null, false);
    }

    Type genericType(Expr e) {
        return typInternal(e, null, true);
    }

    /** def, when non-null, is the Named being declared by a type declaration. */
    Type definedType(Expr e, Named def) {
        return typInternal(e, def, false);
    }

    private Type typInternal(Expr e0, Named def, boolean allowGeneric) {
        Type t = typInternal2(e0, def, allowGeneric);
        Operand rec = new Operand();
        rec.expr = e0;
        rec.mode = OperandMode.TYPEXPR;
        rec.type = t;
        record(rec);
        return t;
    }

    private Type typInternal2(Expr e0, Named def, boolean allowGeneric) {
        switch (e0) {
            case BadExpr b -> {
                return Universe.INVALID;
            }
            case Ident id -> {
                Operand x = new Operand();
                ident(x, id, true);
                return typeOf(x, e0, allowGeneric);
            }
            case SelectorExpr sel -> {
                Operand x = new Operand();
                exprOrType(x, sel, true);
                return typeOf(x, e0, allowGeneric);
            }
            case IndexExpr ix -> {
                return instantiateType(e0, genericType(ix.x), List.of(ix.index));
            }
            case IndexListExpr ix -> {
                return instantiateType(e0, genericType(ix.x), ix.indices);
            }
            case ParenExpr p -> {
                return definedType(p.x, def);
            }
            case ArrayType at -> {
                if (at.len == null) {
                    return new Slice(typExpr(at.elt));
                }
                if (at.len instanceof Ellipsis) {
                    error(at.len.pos(), "invalid use of [...] array (outside a composite literal)");
                    typExpr(at.elt);
                    return Universe.INVALID;
                }
                long n = arrayLength(at.len);
                Type elem = typExpr(at.elt);
                return n < 0 ? Universe.INVALID : new Array(n, elem);
            }
            case Ellipsis el -> {
                error(el.pos(), "invalid use of '...'");
                return Universe.INVALID;
            }
            case StructType st -> {
                return structType(st);
            }
            case StarExpr s -> {
                return new Pointer(typExpr(s.x));
            }
            case FuncType ft -> {
                Scope saved = scope;
                scope = new Scope(scope, ft.pos(), ft.end(), "function type", true);
                try {
                    return funcType(null, null, ft);
                } finally {
                    scope = saved;
                }
            }
            case InterfaceType it -> {
                return interfaceType(it, def);
            }
            case MapType mt -> {
                Type k = typExpr(mt.key);
                Type v = typExpr(mt.value);
                later.add(() -> {
                    if (k instanceof TypeParam) {
                        if (!Predicates.comparable(k)) {
                            errorf(mt.key.pos(), "invalid map key type %s (missing comparable constraint)", str(k));
                        }
                        return;
                    }
                    if (k != Universe.INVALID && !Predicates.comparable(k)) {
                        errorf(mt.key.pos(), "invalid map key type %s", str(k));
                    }
                });
                return new Map(k, v);
            }
            case ChanType ct -> {
                Chan.Dir d = switch (ct.dir) {
                    case SEND -> Chan.Dir.SEND_ONLY;
                    case RECV -> Chan.Dir.RECV_ONLY;
                    case BOTH -> Chan.Dir.SEND_RECV;
                };
                return new Chan(d, typExpr(ct.value));
            }
            default -> {
                Operand x = new Operand();
                expr(x, e0);
                if (!x.invalid()) {
                    errorf(x, "%s is not a type", ExprString.of(e0));
                }
                return Universe.INVALID;
            }
        }
    }

    private Type typeOf(Operand x, Expr e, boolean allowGeneric) {
        switch (x.mode) {
            case INVALID -> {
                return Universe.INVALID;
            }
            case TYPEXPR -> {
                if (!allowGeneric && x.type instanceof Named n && Predicates.isGeneric(n)) {
                    errorf(e.pos(), "cannot use generic type %s without instantiation", str(n));
                    return Universe.INVALID;
                }
                return x.type;
            }
            case NOVALUE -> {
                errorf(e.pos(), "%s used as type", operandString(x));
                return Universe.INVALID;
            }
            default -> {
                errorf(e.pos(), "%s is not a type", operandString(x));
                return Universe.INVALID;
            }
        }
    }

    /** go/types {@code arrayLength}: the constant length, or -1 after reporting an error. */
    long arrayLength(Expr e) {
        if (e instanceof Ident id) {
            Obj o = scope.lookupParent(id.name);
            if (o == null) {
                errorf(id.pos(), "undefined array length %s or missing type constraint", id.name);
                return -1;
            }
            if (!(o instanceof Const)) {
                errorf(id.pos(), "invalid array length %s", id.name);
                return -1;
            }
        }
        Operand x = new Operand();
        expr(x, e);
        if (x.invalid()) {
            return -1;
        }
        if (x.mode != OperandMode.CONSTANT) {
            errorf(x, "array length %s must be constant", operandString(x));
            return -1;
        }
        if ((Predicates.isUntyped(x.type) || Predicates.isInteger(x.type)) && x.val.kind().isNumeric()) {
            var v = Constant.toInt(x.val);
            if (v.kind() == Kind.INT && Representable.fitsInt(Constant.intVal(v), Universe.INT)) {
                var n = Constant.int64Val(v);
                if (n.exact() && n.value() >= 0) {
                    return n.value();
                }
                errorf(x, "invalid array length %s", operandString(x));
                return -1;
            }
        }
        errorf(x, "array length %s must be integer", operandString(x));
        return -1;
    }

    Struct structType(StructType st) {
        List<Var> fields = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        java.util.Map<String, Var> seen = new java.util.HashMap<>();
        if (st.fields != null) {
            for (Field f : st.fields.list) {
                Type t = typExpr(f.type);
                String tag = f.tag == null ? "" : tagValue(f.tag);
                if (!f.names.isEmpty()) {
                    for (Ident n : f.names) {
                        Var v = Var.field(n.pos(), pkg, n.name, t, false);
                        addField(fields, tags, seen, v, tag, n);
                    }
                } else {
                    Ident name = embeddedName(f.type);
                    if (name == null) {
                        errorf(f.type.pos(), "invalid embedded field type %s", ExprString.of(f.type));
                        continue;
                    }
                    Var v = Var.field(name.pos(), pkg, name.name, t, true);
                    addField(fields, tags, seen, v, tag, name);
                    Expr fte = f.type;
                    later.add(() -> checkEmbedded(fte, t));
                }
            }
        }
        return new Struct(fields, tags);
    }

    private void checkEmbedded(Expr e, Type t) {
        if (t == Universe.INVALID) {
            return;
        }
        Type base = t instanceof Pointer p ? p.elem() : t;
        Type u = base.underlying();
        if (base instanceof TypeParam) {
            errorf(e.pos(), "embedded field type cannot be a (pointer to a) type parameter");
            return;
        }
        if (u instanceof Basic b && b.kind() == Basic.Kind.UNSAFE_POINTER) {
            errorf(e.pos(), "embedded field type cannot be unsafe.Pointer");
        } else if (u instanceof Pointer) {
            errorf(e.pos(), "embedded field type cannot be a pointer");
        } else if (t instanceof Pointer && u instanceof Interface) {
            errorf(e.pos(), "embedded field type cannot be a pointer to an interface");
        }
    }

    private void addField(List<Var> fields, List<String> tags, java.util.Map<String, Var> seen, Var v, String tag, Ident id) {
        recordDef(id, v);
        if (!v.name().equals("_")) {
            Var alt = seen.putIfAbsent(v.name(), v);
            if (alt != null) {
                errorf(id.pos(), "%s redeclared\n\t%s: other declaration of %s", v.name(), fset.position(alt.pos()), v.name());
                return;
            }
        }
        fields.add(v);
        tags.add(tag);
    }

    private static String tagValue(BasicLit lit) {
        var v = Constant.makeFromLiteral(lit.value, Token.STRING);
        return v.kind() == Kind.STRING ? Constant.stringVal(v) : "";
    }

    /** The name an embedded field takes from its type: T, *T, pkg.T, T[A]. */
    static Ident embeddedName(Expr e) {
        return switch (e) {
            case Ident id -> id;
            case StarExpr s -> s.x instanceof StarExpr ? null : embeddedName(s.x);
            case SelectorExpr sel -> sel.sel;
            case IndexExpr ix -> embeddedName(ix.x);
            case IndexListExpr ix -> embeddedName(ix.x);
            case ParenExpr p -> embeddedName(p.x);
            default -> null;
        };
    }

    /**
     * go/types {@code funcType}: the signature of a function type, declaring its type parameters,
     * receiver and parameters in the current scope, which the caller opened for the function.
     */
    Signature funcType(FieldList recvPar, FieldList typeParams, FuncType ft) {
        {
            List<Object[]> outerPending = new ArrayList<>(pendingParams);
            pendingParams.clear();
            List<TypeParam> tparams = typeParams == null ? List.of() : collectTypeParams(typeParams);
            Var recv = null;
            List<TypeParam> rtparams = List.of();
            if (recvPar != null && !recvPar.list.isEmpty()) {
                Field rf = recvPar.list.get(0);
                RecvInfo ri = recvType(rf.type);
                rtparams = ri.tparams;
                String rname = rf.names.isEmpty() ? "" : rf.names.get(0).name;
                recv = new Var(rf.names.isEmpty() ? rf.type.pos() : rf.names.get(0).pos(), pkg, rname, ri.type);
                recv.used = true; // receivers, like parameters, need not be used
                if (!rf.names.isEmpty()) {
                    pendingParams.add(new Object[] {rf.names.get(0), recv});
                }
                if (recvPar.list.size() > 1 || rf.names.size() > 1) {
                    error(recvPar.pos(), "method has multiple receivers");
                }
            }
            List<Var> params = new ArrayList<>();
            boolean variadic = collectParams(ft.params, params, true);
            List<Var> results = new ArrayList<>();
            collectParams(ft.results, results, false);
            // Parameters are in scope in the body only: a parameter named like a package does not
            // hide that package in the signature (go/types declares them at the signature's end).
            for (Object[] p : pendingParams) {
                declare(scope, (Ident) p[0], (Obj) p[1]);
            }
            pendingParams.clear();
            pendingParams.addAll(outerPending);
            Signature s = new Signature(recv, tparams, new Tuple(params), new Tuple(results), variadic);
            s.recvTypeParams = rtparams;
            return s;
        }
    }

    record RecvInfo(Type type, List<TypeParam> tparams) {}

    /** The receiver type of a method: T, *T, or T[P, Q] declaring the receiver's type parameters. */
    RecvInfo recvType(Expr e) {
        boolean ptr = false;
        Expr x = e;
        while (x instanceof ParenExpr p) {
            x = p.x;
        }
        if (x instanceof StarExpr s) {
            ptr = true;
            x = s.x;
            while (x instanceof ParenExpr p) {
                x = p.x;
            }
        }
        List<Expr> targs = null;
        if (x instanceof IndexExpr ix) {
            targs = List.of(ix.index);
            x = ix.x;
        } else if (x instanceof IndexListExpr il) {
            targs = il.indices;
            x = il.x;
        }
        if (targs == null) {
            Type t = typExpr(e);
            return new RecvInfo(t, List.of());
        }
        Type gt = genericType(x);
        if (!(gt instanceof Named gn) || gn.typeParams().isEmpty()) {
            if (gt != Universe.INVALID) {
                errorf(x.pos(), "%s is not a generic type", str(gt));
            }
            return new RecvInfo(Universe.INVALID, List.of());
        }
        List<TypeParam> tps = new ArrayList<>();
        List<Type> args = new ArrayList<>();
        for (int i = 0; i < targs.size(); i++) {
            Expr a = targs.get(i);
            String name = a instanceof Ident id ? id.name : "_";
            TypeName tn = new TypeName(a.pos(), pkg, name, null);
            TypeParam tp = new TypeParam(tn, null);
            tp.index = i;
            if (a instanceof Ident id) {
                declare(scope, id, tn);
            }
            tps.add(tp);
            args.add(tp);
        }
        if (tps.size() != gn.typeParams().size()) {
            errorf(e.pos(), "got %d type parameters, but receiver base type declares %d", tps.size(), gn.typeParams().size());
            return new RecvInfo(Universe.INVALID, tps);
        }
        // The receiver's type parameters take the bounds of the type's, renamed.
        java.util.Map<TypeParam, Type> m = Subst.map(gn.typeParams(), args);
        for (int i = 0; i < tps.size(); i++) {
            tps.get(i).bound = Subst.subst(gn.typeParams().get(i).bound, m);
        }
        Type inst = Subst.instantiate(gn, args);
        return new RecvInfo(ptr ? new Pointer(inst) : inst, tps);
    }

    /** Declares the type parameters of a generic function or type in the current scope. */
    List<TypeParam> collectTypeParams(FieldList list) {
        if (langMinor < 18) {
            errorf(list.list.isEmpty() ? list.pos() : list.list.get(0).pos(),
                    "type parameter requires go1.18 or later (-lang was set to go1.%d; check go.mod)", langMinor);
        }
        List<TypeParam> tps = new ArrayList<>();
        for (Field f : list.list) {
            for (Ident n : f.names) {
                TypeName tn = new TypeName(n.pos(), pkg, n.name, null);
                TypeParam tp = new TypeParam(tn, null);
                tp.index = tps.size();
                declare(scope, n, tn);
                tps.add(tp);
            }
        }
        int i = 0;
        for (Field f : list.list) {
            Type bound = boundType(f.type);
            for (Ident n : f.names) {
                tps.get(i++).bound = bound;
            }
        }
        return tps;
    }

    /** A constraint: an interface, or a bare type term list wrapped in an implicit interface. */
    Type boundType(Expr e) {
        boolean isTermList = e instanceof BinaryExpr b && b.op == Token.OR
                || e instanceof UnaryExpr u && u.op == Token.TILDE;
        if (isTermList) {
            Type u = unionOrTerm(e);
            Interface i = new Interface(List.of(), List.of(u));
            i.implicit = true;
            return i;
        }
        Type t = typExpr(e);
        if (t == Universe.INVALID) {
            return Interface.EMPTY;
        }
        if (!(t.underlying() instanceof Interface) || t instanceof TypeParam) {
            if (t instanceof TypeParam) {
                errorf(e.pos(), "cannot use a type parameter as constraint");
                return Interface.EMPTY;
            }
            Interface i = new Interface(List.of(), List.of(t));
            i.implicit = true;
            return i;
        }
        return t;
    }

    /** Parses the terms of {@code A | ~B | C} into a Union (a single plain term stays a type). */
    Type unionOrTerm(Expr e) {
        List<Term> terms = new ArrayList<>();
        collectTerms(e, terms);
        if (terms.size() == 1 && !terms.get(0).tilde()) {
            return terms.get(0).type();
        }
        return new Union(terms);
    }

    private void collectTerms(Expr e, List<Term> out) {
        if (e instanceof BinaryExpr b && b.op == Token.OR) {
            collectTerms(b.x, out);
            collectTerms(b.y, out);
            return;
        }
        boolean tilde = false;
        Expr te = e;
        if (e instanceof UnaryExpr u && u.op == Token.TILDE) {
            tilde = true;
            te = u.x;
        }
        Type t = typExpr(te);
        if (t == Universe.INVALID) {
            return;
        }
        if (tilde && !Predicates.identical(t, t.underlying()) && !(t instanceof TypeParam)) {
            errorf(e.pos(), "invalid use of ~ (underlying type of %s is %s)", str(t), str(t.underlying()));
            return;
        }
        out.add(new Term(tilde, t));
    }

    /** Collects parameters; returns whether the last one is variadic. */
    private final List<Object[]> pendingParams = new ArrayList<>();

    private boolean collectParams(FieldList list, List<Var> out, boolean variadicOk) {
        if (list == null) {
            return false;
        }
        boolean variadic = false;
        for (int fi = 0; fi < list.list.size(); fi++) {
            Field f = list.list.get(fi);
            Expr ftype = f.type;
            boolean isVar = false;
            if (ftype instanceof Ellipsis el) {
                ftype = el.elt;
                if (variadicOk && fi == list.list.size() - 1 && f.names.size() <= 1) {
                    isVar = true;
                } else {
                    error(el.pos(), "can only use ... with final parameter in list");
                }
            }
            Type t = typExpr(ftype);
            if (isVar) {
                t = new Slice(t);
                variadic = true;
            }
            if (f.names.isEmpty()) {
                out.add(new Var(ftype.pos(), pkg, "", t));
            } else {
                for (Ident n : f.names) {
                    Var v = new Var(n.pos(), pkg, n.name, t);
                    v.used = true; // parameters are never "declared but not used"
                    pendingParams.add(new Object[] {n, v});
                    out.add(v);
                }
            }
        }
        return variadic;
    }

    Interface interfaceType(InterfaceType it, Named def) {
        List<Func> methods = new ArrayList<>();
        List<Type> embeddeds = new ArrayList<>();
        Interface iface = new Interface(methods, embeddeds);
        if (it.methods == null) {
            return iface;
        }
        for (Field f : it.methods.list) {
            if (f.names.isEmpty()) {
                Type t = f.type instanceof BinaryExpr || f.type instanceof UnaryExpr u && u.op == Token.TILDE
                        ? unionOrTerm(f.type) : typExpr(f.type);
                if (t != Universe.INVALID && !embedsItself(t)) {
                    iface.embeddeds.add(t);
                }
                continue;
            }
            Ident name = f.names.get(0);
            if (!(f.type instanceof FuncType ft)) {
                continue;
            }
            Scope saved = scope;
            int savedMark = indirectionMark;
            indirectionMark = declDepth();
            scope = new Scope(scope, ft.pos(), ft.end(), "method", true);
            Signature sig;
            try {
                sig = funcType(null, null, ft);
            } finally {
                scope = saved;
                indirectionMark = savedMark;
            }
            Type recvT = def != null ? def : iface;
            sig.recv = new Var(name.pos(), pkg, "", recvT);
            Func m = new Func(name.pos(), pkg, name.name, sig);
            recordDef(name, m);
            if (name.name.equals("_")) {
                error(name.pos(), "methods must have a unique non-blank name");
                continue;
            }
            boolean dup = false;
            for (Func o : iface.methods) {
                if (o.name().equals(m.name())) {
                    errorf(name.pos(), "duplicate method %s", m.name());
                    dup = true;
                }
            }
            if (!dup) {
                iface.methods.add(m);
            }
        }
        return iface;
    }
}
