package glassgo.compiler.types;

import glassgo.compiler.ast.*;
import glassgo.compiler.constant.Constant;
import glassgo.compiler.constant.Kind;
import glassgo.compiler.syntax.FileSet;
import glassgo.compiler.syntax.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The type checker for one package (go/types {@code Checker}). Checking goes in the steps of
 * go/types' {@code checkFiles}:
 * <ol>
 *   <li>collect objects: every package-level name, imports into file scopes, methods by receiver
 *       base type ({@code resolver.go});</li>
 *   <li>package objects: check each declaration on demand, so a use before the declaration works
 *       and cycles are found by colouring objects grey while in progress ({@code decl.go});</li>
 *   <li>delayed checks (map keys, embedded fields, instantiations), then function bodies;</li>
 *   <li>initialization order: report initialization cycles among package-level variables
 *       ({@code initorder.go});</li>
 *   <li>unused imports.</li>
 * </ol>
 * Errors are collected, not thrown; the caller prints them sorted by position as gc does.
 */
public final class Checker extends Stmts {
    private final List<File> files;
    private final LinkedHashMap<Obj, DeclInfo> objMap = new LinkedHashMap<>();
    /** Methods by receiver base type name, in source order. */
    private final HashMap<String, List<Func>> methodsByBase = new HashMap<>();
    private final List<Runnable> bodies = new ArrayList<>();
    private final List<PkgName> pkgNames = new ArrayList<>();
    private final List<Obj> objPath = new ArrayList<>();
    private final List<Scope> fileScopes = new ArrayList<>();
    /** Dot-imported objects by the file scope they were imported into, for "imported and not used". */
    private final java.util.IdentityHashMap<PkgName, Boolean> dotImportUsed = new java.util.IdentityHashMap<>();

    public Checker(FileSet fset, Package pkg, List<File> files, Importer importer) {
        super(fset, pkg, importer);
        this.files = files;
    }

    public void setLangMinor(int minor) {
        this.langMinor = minor;
    }

    /**
     * Skip function bodies (go/types {@code Config.IgnoreFuncBodies}): enough to check a package's
     * declarations for its importers, several times faster; unused imports are then not reported.
     */
    public void setIgnoreFuncBodies(boolean ignore) {
        this.ignoreFuncBodies = ignore;
    }

    private boolean ignoreFuncBodies;

    public List<TypeError> errors() {
        return errors;
    }

    public Package pkg() {
        return pkg;
    }

    /** What checking recorded: types, objects, instances; complete after {@link #checkFiles()}. */
    public Info info() {
        return info;
    }

    /** Runs all steps and returns the errors sorted by position (soft ones too). */
    public List<TypeError> checkFiles() {
        collectObjects();
        packageObjects();
        runLater();
        while (!bodies.isEmpty()) {
            List<Runnable> bs = new ArrayList<>(bodies);
            bodies.clear();
            for (Runnable r : bs) {
                r.run();
                runLater();
            }
        }
        if (!ignoreFuncBodies) {
            initOrder();
            unusedImports();
        }
        pkg.markComplete();
        List<TypeError> out = new ArrayList<>(errors);
        out.sort(Comparator.comparingInt(TypeError::pos));
        return out;
    }

    private void runLater() {
        while (!later.isEmpty()) {
            List<Runnable> l = new ArrayList<>(later);
            later.clear();
            for (Runnable r : l) {
                r.run();
            }
        }
    }

    // ---- step 1: collect objects

    private void collectObjects() {
        for (File f : files) {
            String name = f.name.name;
            if (name.equals("_")) {
                error(f.name.pos(), "invalid package name _");
            }
            if (pkg.name() == null || pkg.name().isEmpty()) {
                pkg.setName(name);
            } else if (!pkg.name().equals(name)) {
                errorf(f.name.pos(), "package %s; expected %s", name, pkg.name());
                continue;
            }
            Scope fileScope = new Scope(pkg.scope(), f.pos(), f.end(), "file", false);
            fileScopes.add(fileScope);
            for (Decl d : f.decls) {
                switch (d) {
                    case GenDecl g -> genDecl(g, fileScope);
                    case FuncDecl fd -> funcDeclObj(fd, fileScope);
                    default -> { }
                }
            }
        }
        // Names declared in a file scope (imports) must not clash with package-level names.
        for (Scope fs : fileScopes) {
            for (Obj o : fs.objects()) {
                Obj alt = pkg.scope().lookup(o.name());
                if (alt == null) {
                    continue;
                }
                if (o instanceof PkgName pn) {
                    errorf(alt.pos(), "%s already declared through import of %s", alt.name(), pn.imported());
                } else if (o.pkg() != pkg && o.pkg() != null) {
                    errorf(alt.pos(), "%s already declared through dot-import of package %s (%s)", alt.name(),
                            o.pkg().name(), TypeString.quote(o.pkg().path()));
                }
            }
        }
    }

    private void genDecl(GenDecl g, Scope fileScope) {
        switch (g.tok) {
            case IMPORT -> {
                for (Spec s : g.specs) {
                    importSpec((ImportSpec) s, fileScope);
                }
            }
            case CONST -> {
                ValueSpec last = null;
                for (int iota = 0; iota < g.specs.size(); iota++) {
                    ValueSpec vs = (ValueSpec) g.specs.get(iota);
                    if (vs.type != null || !vs.values.isEmpty()) {
                        last = vs;
                    }
                    ValueSpec src = last == null ? vs : last;
                    for (int i = 0; i < vs.names.size(); i++) {
                        Ident n = vs.names.get(i);
                        Const c = new Const(n.pos(), pkg, n.name, null, null);
                        DeclInfo d = new DeclInfo(fileScope);
                        d.vtype = src.type;
                        d.init = i < src.values.size() ? src.values.get(i) : null;
                        d.iota = iota;
                        d.spec = vs;
                        d.inherited = src != vs;
                        declarePkgObj(n, c, d);
                    }
                    arityCheck(vs, src, true);
                }
            }
            case VAR -> {
                for (Spec s : g.specs) {
                    ValueSpec vs = (ValueSpec) s;
                    List<Var> lhs = new ArrayList<>();
                    DeclInfo shared = null;
                    if (vs.values.size() == 1 && vs.names.size() > 1) {
                        shared = new DeclInfo(fileScope);
                        shared.vtype = vs.type;
                        shared.init = vs.values.get(0);
                        shared.lhs = lhs;
                    }
                    for (int i = 0; i < vs.names.size(); i++) {
                        Ident n = vs.names.get(i);
                        Var v = new Var(n.pos(), pkg, n.name, null);
                        v.used = true;
                        lhs.add(v);
                        DeclInfo d = shared;
                        if (d == null) {
                            d = new DeclInfo(fileScope);
                            d.vtype = vs.type;
                            d.init = i < vs.values.size() ? vs.values.get(i) : null;
                        }
                        declarePkgObj(n, v, d);
                    }
                    arityCheck(vs, vs, false);
                }
            }
            case TYPE -> {
                for (Spec s : g.specs) {
                    TypeSpec ts = (TypeSpec) s;
                    TypeName tn = new TypeName(ts.name.pos(), pkg, ts.name.name, null);
                    DeclInfo d = new DeclInfo(fileScope);
                    d.tdecl = ts;
                    declarePkgObj(ts.name, tn, d);
                }
            }
            default -> { }
        }
    }

    /** Reports missing or extra init values of a spec (go/types {@code arityMatch}). */
    private void arityCheck(ValueSpec s, ValueSpec init, boolean isConst) {
        int l = s.names.size();
        int r = init.values.size();
        if (isConst && init == s && r == 0 && s.type == null) {
            if (init == s) {
                error(s.names.get(0).pos(), "missing init expr for const declaration");
            }
            return;
        }
        if (l < r) {
            if (!isConst && r == 1) {
                return;
            }
            errorf(init.values.get(l).pos(), "extra init expr");
        } else if (l > r && (isConst || r != 1)) {
            if (r == 0 && !isConst) {
                return;
            }
            if (isConst && init != s) {
                errorf(s.names.get(r).pos(), "missing init expr for const declaration");
            } else {
                errorf(s.names.get(r).pos(), isConst ? "missing init expr for const declaration" : "assignment mismatch: %d variables but %d values", l, r);
            }
        }
    }

    private void declarePkgObj(Ident n, Obj o, DeclInfo d) {
        if (n.name.equals("init")) {
            errorf(n.pos(), "cannot declare init - must be func");
            return;
        }
        if (n.name.equals("main") && pkg.name().equals("main")) {
            errorf(n.pos(), "cannot declare main - must be func");
            return;
        }
        declare(pkg.scope(), n, o);
        objMap.put(o, d);
        o.order = objMap.size();
    }

    private void importSpec(ImportSpec s, Scope fileScope) {
        var pv = Constant.makeFromLiteral(s.path.value, Token.STRING);
        String path = pv.kind() == Kind.STRING ? Constant.stringVal(pv) : "";
        if (path.isEmpty()) {
            errorf(s.path.pos(), "invalid import path: %s", s.path.value);
            return;
        }
        Package imp;
        if (path.equals("C")) {
            // cgo, as go/types' FakeImportC: a fake package, so every C.name is accepted with an
            // invalid type that silences the errors that would follow from it.
            imp = new Package("C", "C");
            imp.fake = true;
        } else {
            imp = path.equals("unsafe") ? Universe.UNSAFE : importer.importPackage(path);
        }
        if (imp == null) {
            errorf(s.path.pos(), "could not import %s (package not found or has errors)", path);
            imp = new Package(path, lastElem(path));
            imp.fake = true;
        }
        if (!pkg.imports().contains(imp)) {
            pkg.imports().add(imp);
        }
        String name = s.name != null ? s.name.name : imp.name();
        if (name.equals("init")) {
            error(s.pos(), "cannot import package as init - init must be a func");
            return;
        }
        if (name.equals("_")) {
            return;
        }
        PkgName pn = new PkgName(s.pos(), pkg, name, imp);
        // cgo uses the preamble even where Go code names nothing from C (go/types: fake imports are used).
        pn.used = path.equals("C");
        if (s.name != null) {
            recordDef(s.name, pn);
        }
        if (name.equals(".")) {
            for (Obj o : imp.scope().objects()) {
                if (o.exported()) {
                    Obj alt = fileScope.insert(new DotImport(o, pn).obj);
                    if (alt != null) {
                        errorf(s.pos(), "%s redeclared in this block", o.name());
                    }
                }
            }
            dotImports.put(pn, imp);
            dotImportUsed.put(pn, false);
            pkgNames.add(pn);
            return;
        }
        pkgNames.add(pn);
        declare(fileScope, null, pn);
    }

    /** Dot-imported objects are the imported package's own objects; their file tells use. */
    private record DotImport(Obj obj, PkgName via) {}

    private final java.util.IdentityHashMap<PkgName, Package> dotImports = new java.util.IdentityHashMap<>();

    private static String lastElem(String path) {
        int i = path.lastIndexOf('/');
        return i >= 0 ? path.substring(i + 1) : path;
    }

    private void funcDeclObj(FuncDecl fd, Scope fileScope) {
        String name = fd.name.name;
        Func f = new Func(fd.name.pos(), pkg, name, null);
        DeclInfo d = new DeclInfo(fileScope);
        d.fdecl = fd;
        if (fd.recv == null) {
            if (name.equals("init") || name.equals("main") && pkg.name().equals("main")) {
                if (fd.type.typeParams != null) {
                    errorf(fd.name.pos(), "func %s must have no type parameters", name);
                }
                if (!fd.type.params.list.isEmpty() || fd.type.results != null && !fd.type.results.list.isEmpty()) {
                    errorf(fd.name.pos(), "func %s must have no arguments and no return values", name);
                }
            }
            if (name.equals("init")) {
                if (fd.body == null) {
                    errorf(fd.name.pos(), "missing function body");
                }
                recordDef(fd.name, f);
                objMap.put(f, d);
                f.order = objMap.size();
                f.parent = pkg.scope(); // found by nobody: init cannot be referred to
                return;
            }
            if (name.equals("_")) {
                recordDef(fd.name, f);
                objMap.put(f, d);
                f.parent = pkg.scope();
                return;
            }
            declare(pkg.scope(), fd.name, f);
            objMap.put(f, d);
            f.order = objMap.size();
            return;
        }
        recordDef(fd.name, f);
        Ident base = recvBaseName(fd.recv);
        f.hasPtrRecvHint = !fd.recv.list.isEmpty() && unparen(fd.recv.list.get(0).type) instanceof StarExpr;
        if (base != null && !name.equals("_")) {
            methodsByBase.computeIfAbsent(base.name, k -> new ArrayList<>()).add(f);
        }
        objMap.put(f, d);
        f.order = objMap.size();
    }

    private static Ident recvBaseName(FieldList recv) {
        if (recv.list.isEmpty()) {
            return null;
        }
        Expr t = recv.list.get(0).type;
        t = unparen(t);
        if (t instanceof StarExpr s) {
            t = unparen(s.x);
        }
        if (t instanceof IndexExpr ix) {
            t = ix.x;
        } else if (t instanceof IndexListExpr il) {
            t = il.x;
        }
        return t instanceof Ident id ? id : null;
    }

    // ---- step 2: package objects

    private void packageObjects() {
        // Type declarations first, as go/types does, so that methods are attached before use.
        List<Obj> objs = new ArrayList<>(objMap.keySet());
        for (Obj o : objs) {
            if (o instanceof TypeName) {
                objDecl(o);
            }
        }
        typeChainCycles(objs);
        for (Obj o : objs) {
            if (!(o instanceof TypeName)) {
                objDecl(o);
            }
        }
    }

    /** Reports defined types whose underlying type is a loop of defined types (type A B; type B A). */
    private void typeChainCycles(List<Obj> objs) {
        java.util.Set<Named> reported = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Obj o : objs) {
            if (o instanceof TypeName tn && tn.type() instanceof Named n && n.rawUnderlying() instanceof Named && !reported.contains(n)) {
                if (n.chainLoops()) {
                    List<Obj> cyc = new ArrayList<>();
                    Type t = n;
                    while (t instanceof Named m && reported.add(m)) {
                        cyc.add(m.obj());
                        t = m.rawUnderlying();
                    }
                    cycleError(cyc);
                    for (Obj c : cyc) {
                        ((Named) c.type()).setUnderlying(Universe.INVALID);
                    }
                } else if (n.resolveChain() == null) {
                    n.setUnderlying(Universe.INVALID);
                }
            }
        }
    }

    @Override
    void objDecl(Obj obj) {
        if (obj.color == Obj.Color.BLACK) {
            return;
        }
        DeclInfo d = objMap.get(obj);
        if (d == null) {
            return; // not a package-level object of this package
        }
        if (obj.color == Obj.Color.GREY) {
            cycle(obj);
            return;
        }
        if (obj instanceof Var && obj.type != null) {
            // typed by the multi-valued initialization of a sibling
            obj.color = Obj.Color.BLACK;
            return;
        }
        obj.color = Obj.Color.GREY;
        objPath.add(obj);
        Scope savedScope = scope;
        glassgo.compiler.constant.Value savedIota = iota;
        Signature savedSig = sig;
        DeclInfo savedDecl = decl;
        scope = d.fileScope;
        iota = null;
        sig = null;
        decl = d;
        try {
            switch (obj) {
                case Const c -> {
                    int savedErrPos = errPos;
                    errPos = d.inherited ? c.pos() : 0;
                    try {
                        constDecl(c, d.vtype, d.init, d.iota);
                    } finally {
                        errPos = savedErrPos;
                    }
                }
                case Var v -> varDecl(v, d.lhs, d.vtype, d.init);
                case TypeName tn -> typeDecl(tn, d.tdecl);
                case Func f -> funcDecl(f, d);
                default -> { }
            }
        } finally {
            scope = savedScope;
            iota = savedIota;
            sig = savedSig;
            decl = savedDecl;
            objPath.remove(objPath.size() - 1);
            obj.color = Obj.Color.BLACK;
        }
    }

    /** A grey object was reached again: a cycle, valid only through a type definition or a function. */
    private void cycle(Obj obj) {
        if (obj instanceof Func) {
            return; // a function referring to itself has its (placeholder) type: not a declaration cycle
        }
        int start = objPath.indexOf(obj);
        if (start < 0) {
            return;
        }
        List<Obj> cyc = objPath.subList(start, objPath.size());
        int nval = 0;
        int ndef = 0;
        for (Obj o : cyc) {
            switch (o) {
                case Const c -> nval++;
                case Var v -> nval++;
                case TypeName tn -> {
                    if (!tn.isAlias()) {
                        ndef++;
                    }
                }
                default -> { }
            }
        }
        if (nval == cyc.size()) {
            // Cycles among variables only are initialization cycles, reported by initOrder;
            // the variable's type is still unknown here.
            if (obj.type == null) {
                if (obj instanceof Const) {
                    cycleError(cyc);
                }
                obj.type = Universe.INVALID;
            }
            return;
        }
        if (nval == 0 && ndef > 0) {
            return; // a recursive type through a definition is fine
        }
        if (obj.type == null || obj instanceof Const || obj instanceof Var || obj instanceof TypeName tn && tn.isAlias()) {
            cycleError(cyc);
            if (obj.type == null) {
                obj.type = Universe.INVALID;
            }
        }
    }

    private void cycleError(List<Obj> cyc) {
        int first = 0;
        for (int i = 1; i < cyc.size(); i++) {
            if (cyc.get(i).pos() < cyc.get(first).pos()) {
                first = i;
            }
        }
        Obj o = cyc.get(first);
        StringBuilder sb = new StringBuilder();
        sb.append(o instanceof TypeName ? "invalid recursive type " : "initialization cycle or invalid recursive declaration of ");
        sb.setLength(0);
        if (o instanceof TypeName) {
            sb.append("invalid recursive type ").append(o.name());
        } else if (o instanceof Const || o instanceof Var) {
            sb.append("initialization loop for ").append(o.name());
        } else {
            sb.append("illegal cycle in declaration of ").append(o.name());
        }
        int i = first;
        for (int k = 0; k < cyc.size(); k++) {
            Obj c = cyc.get(i);
            sb.append("\n\t").append(fset.position(c.pos())).append(": ").append(c.name()).append(" refers to");
            i = (i + 1) % cyc.size();
        }
        sb.append("\n\t").append(fset.position(o.pos())).append(": ").append(o.name());
        error(o.pos(), sb.toString());
    }

    private void constDecl(Const c, Expr typ, Expr init, int iotaVal) {
        iota = Constant.makeInt64(iotaVal);
        if (typ != null) {
            Type t = typExpr(typ);
            if (!Predicates.isConstType(t)) {
                if (t.underlying() != Universe.INVALID) {
                    errorf(typ.pos(), "invalid constant type %s", str(t));
                }
                c.type = Universe.INVALID;
                return;
            }
            c.type = t;
        }
        Operand x = new Operand();
        if (init != null) {
            expr(x, init);
        }
        initConst(c, x);
    }

    private void initConst(Const c, Operand x) {
        if (x.invalid() || x.type == Universe.INVALID || c.type == Universe.INVALID) {
            if (c.type == null) {
                c.type = Universe.INVALID;
            }
            return;
        }
        if (x.mode != OperandMode.CONSTANT) {
            errorf(x, "%s is not constant", operandString(x));
            if (c.type == null) {
                c.type = Universe.INVALID;
            }
            return;
        }
        if (c.type == null) {
            c.type = x.type;
        }
        assignment(x, c.type, "constant declaration");
        if (x.invalid()) {
            return;
        }
        c.val = x.val;
    }

    private void varDecl(Var v, List<Var> lhs, Expr typ, Expr init) {
        if (typ != null) {
            v.type = typExpr(typ);
            if (v.type == Universe.INVALID) {
                v.used = true; // no follow-on "declared but not used" after a bad type
            }
        }
        if (init == null) {
            if (typ == null) {
                v.type = Universe.INVALID;
            }
            return;
        }
        if (lhs == null || lhs.size() == 1) {
            Operand x = new Operand();
            expr(x, init);
            initVar(v, x, "variable declaration");
            return;
        }
        if (typ != null) {
            for (Var l : lhs) {
                l.type = v.type;
            }
        }
        initVars(lhs, List.of(init), null);
        for (Var l : lhs) {
            if (l.type == null) {
                l.type = Universe.INVALID;
            }
        }
    }

    private void typeDecl(TypeName obj, TypeSpec ts) {
        if (ts.assign != 0) {
            obj.alias = true;
            if (ts.typeParams != null) {
                error(ts.typeParams.pos(), "generic type cannot be alias");
            }
            Type rhs = typExpr(ts.type);
            obj.type = rhs;
            return;
        }
        Named named = new Named(obj, null);
        obj.type = named;
        Scope saved = scope;
        if (ts.typeParams != null) {
            scope = new Scope(scope, ts.pos(), ts.end(), "type " + obj.name(), false);
            named.setTypeParams(collectTypeParams(ts.typeParams));
        }
        try {
            Type rhs = definedType(ts.type, named);
            Type u;
            if (rhs instanceof Named rn && rn.orig == null && (rn.rawUnderlying() == null || rn.resolveChain() == null)) {
                // The right-hand side is a type still being declared (type T2 T1 inside T1's
                // declaration): link to it and resolve lazily; a true cycle (type A B; type B A)
                // is found once all types are declared (typeChainCycles).
                if (rn == named) {
                    cycleError(List.of(obj));
                    u = Universe.INVALID;
                } else {
                    u = rn;
                }
            } else {
                u = rhs.underlying();
            }
            if (rhs instanceof TypeParam) {
                errorf(ts.type.pos(), "cannot use a type parameter as RHS in type declaration");
                u = Universe.INVALID;
            }
            named.setUnderlying(u);
        } finally {
            scope = saved;
        }
        validType(named, ts);
        List<Func> ms = methodsByBase.get(obj.name());
        if (ms != null) {
            for (Func m : ms) {
                if (named.underlying instanceof Struct s && Exprs.fieldIndex(s, m.name()) >= 0) {
                    errorf(m.pos(), "field and method with the same name %s\n\t%s: other declaration of %s", m.name(),
                            fset.position(((Struct) named.underlying).field(Exprs.fieldIndex(s, m.name())).pos()), m.name());
                    continue;
                }
                boolean dup = false;
                for (Func o : named.methods) {
                    if (o.name().equals(m.name())) {
                        errorf(m.pos(), "%s.%s redeclared in this block\n\t%s: other declaration of %s", obj.name(), m.name(),
                                fset.position(o.pos()), m.name());
                        dup = true;
                        break;
                    }
                }
                if (!dup) {
                    named.addMethod(m);
                }
                m.parent = null;
            }
            for (Func m : ms) {
                objDecl(m);
            }
        }
    }

    @Override
    int declDepth() {
        return objPath.size();
    }

    @Override
    boolean embedsItself(Type t) {
        if (t instanceof Named n && n.orig == null && n.rawUnderlying() == null) {
            int i = objPath.indexOf(n.obj());
            // Only a path of embeddings is a cycle; one through a method signature is fine.
            if (i >= 0 && i >= indirectionMark) {
                cycleError(new ArrayList<>(objPath.subList(i, objPath.size())));
                return true;
            }
        }
        return false;
    }

    /** Reports a defined type that contains itself by value (go/types {@code validType}). */
    private void validType(Named t, TypeSpec ts) {
        List<Named> path = new ArrayList<>();
        if (!valid(t, t, path, new java.util.IdentityHashMap<>())) {
            List<Obj> cyc = new ArrayList<>();
            for (Named n : path) {
                cyc.add(n.obj());
            }
            cycleError(cyc);
            t.setUnderlying(Universe.INVALID);
        }
    }

    private boolean valid(Type t, Named root, List<Named> path, java.util.IdentityHashMap<Type, Boolean> done) {
        switch (t) {
            case Array a -> {
                return valid(a.elem(), root, path, done);
            }
            case Struct s -> {
                for (Var f : s.fields()) {
                    if (!valid(f.type(), root, path, done)) {
                        return false;
                    }
                }
                return true;
            }
            case Named n -> {
                if (n.origin() == root && !path.isEmpty()) {
                    return false;
                }
                if (n == root && path.isEmpty()) {
                    path.add(n);
                    boolean ok = valid(n.rawUnderlying() == null ? Universe.INVALID : n.rawUnderlying(), root, path, done);
                    if (ok) {
                        path.remove(path.size() - 1);
                    }
                    return ok;
                }
                if (n.obj().pkg() != pkg || done.containsKey(n)) {
                    return true;
                }
                if (path.size() > 100) {
                    return true;
                }
                done.put(n, true);
                path.add(n);
                Type u = n.orig != null ? n.underlying() : n.rawUnderlying();
                boolean ok = u == null || valid(u, root, path, done);
                if (ok) {
                    path.remove(path.size() - 1);
                }
                return ok;
            }
            default -> {
                return true;
            }
        }
    }

    private void funcDecl(Func f, DeclInfo d) {
        FuncDecl fd = d.fdecl;
        Scope fscope = new Scope(d.fileScope, fd.pos(), fd.end(), "function " + f.name(), true);
        scope = fscope;
        // While its signature is checked, a function referring to itself sees a func() (as types2).
        f.type = new Signature(null, List.of(), Tuple.EMPTY, Tuple.EMPTY, false);
        Signature s = funcType(fd.recv, fd.type.typeParams, fd.type);
        f.type = s;
        if (fd.recv != null) {
            attachMethod(f, s, fd);
        }
        if (fd.body != null && !ignoreFuncBodies) {
            bodies.add(() -> {
                DeclInfo saved = decl;
                decl = d;
                funcBody(s, fd.body, fscope);
                decl = saved;
            });
        }
    }

    /** Checks a method's receiver and adds it to its base type when declared through an alias. */
    private void attachMethod(Func f, Signature s, FuncDecl fd) {
        if (s.recv() == null || f.name().equals("_")) {
            return; // blank methods are never looked up, so several may exist
        }
        Type rt = s.recv().type();
        if (rt == Universe.INVALID) {
            return;
        }
        Type base = rt instanceof Pointer p ? p.elem() : rt;
        if (base instanceof Basic) {
            errorf(fd.recv.list.get(0).type.pos(), "cannot define new methods on non-local type %s", str(base));
            return;
        }
        if (!(base instanceof Named n)) {
            if (base != Universe.INVALID) {
                errorf(fd.recv.list.get(0).type.pos(), "invalid receiver type %s", str(rt));
            }
            return;
        }
        Named origin = n.origin();
        if (origin.obj().pkg() != pkg) {
            errorf(fd.recv.list.get(0).type.pos(), "cannot define new methods on non-local type %s", str(base));
            return;
        }
        Type u = origin.underlying();
        if (u instanceof Pointer || u instanceof Interface) {
            errorf(fd.recv.list.get(0).type.pos(), "invalid receiver type %s (pointer or interface type)", str(rt));
            return;
        }
        if (!origin.methods.contains(f) && !methodsByBase.getOrDefault(origin.obj().name(), List.of()).contains(f)) {
            for (Func m : origin.methods) {
                if (m.name().equals(f.name())) {
                    errorf(f.pos(), "%s.%s redeclared in this block\n\t%s: other declaration of %s", origin.obj().name(), f.name(),
                            fset.position(m.pos()), f.name());
                    return;
                }
            }
            origin.addMethod(f);
        }
    }

    // ---- local declarations

    @Override
    void declStmt(GenDecl g) {
        switch (g.tok) {
            case CONST -> {
                ValueSpec last = null;
                for (int iotaVal = 0; iotaVal < g.specs.size(); iotaVal++) {
                    ValueSpec vs = (ValueSpec) g.specs.get(iotaVal);
                    if (vs.type != null || !vs.values.isEmpty()) {
                        last = vs;
                    }
                    ValueSpec src = last == null ? vs : last;
                    List<Const> consts = new ArrayList<>();
                    glassgo.compiler.constant.Value savedIota = iota;
                    for (int i = 0; i < vs.names.size(); i++) {
                        Ident n = vs.names.get(i);
                        Const c = new Const(n.pos(), pkg, n.name, null, null);
                        consts.add(c);
                        int savedErrPos = errPos;
                        errPos = src != vs ? c.pos() : 0;
                        constDecl(c, src.type, i < src.values.size() ? src.values.get(i) : null, iotaVal);
                        errPos = savedErrPos;
                    }
                    iota = savedIota;
                    arityCheck(vs, src, true);
                    for (int i = 0; i < consts.size(); i++) {
                        declare(scope, vs.names.get(i), consts.get(i));
                    }
                }
            }
            case VAR -> {
                for (Spec s : g.specs) {
                    ValueSpec vs = (ValueSpec) s;
                    List<Var> lhs = new ArrayList<>();
                    for (Ident n : vs.names) {
                        lhs.add(new Var(n.pos(), pkg, n.name, null));
                    }
                    if (vs.values.size() == 1 && lhs.size() > 1) {
                        varDecl(lhs.get(0), lhs, vs.type, vs.values.get(0));
                    } else if (vs.values.isEmpty() || vs.values.size() == lhs.size()) {
                        for (int i = 0; i < lhs.size(); i++) {
                            varDecl(lhs.get(i), null, vs.type, vs.values.isEmpty() ? null : vs.values.get(i));
                        }
                    } else {
                        Type t = vs.type == null ? null : typExpr(vs.type);
                        for (Var v : lhs) {
                            v.type = t == null ? Universe.INVALID : t;
                            v.used = true;
                        }
                        List<Operand> rhs = rhsList(vs.values, false, new boolean[1]);
                        if (rhs.stream().noneMatch(Operand::invalid)) {
                            assignError(vs.values, lhs.size(), rhs.size());
                        }
                    }
                    for (int i = 0; i < lhs.size(); i++) {
                        if (lhs.get(i).type == null) {
                            lhs.get(i).type = Universe.INVALID;
                        }
                        declare(scope, vs.names.get(i), lhs.get(i));
                    }
                }
            }
            case TYPE -> {
                for (Spec s : g.specs) {
                    TypeSpec ts = (TypeSpec) s;
                    TypeName tn = new TypeName(ts.name.pos(), pkg, ts.name.name, null);
                    declare(scope, ts.name, tn);
                    typeDecl(tn, ts);
                    typeChainCycles(List.of(tn));
                    runLater();
                }
            }
            default -> error(g.pos(), "invalid declaration in function body");
        }
    }

    // ---- step 4: initialization order

    /** Reports initialization cycles among package-level variables (go/types {@code initOrder}). */
    private void initOrder() {
        java.util.Map<Obj, Integer> state = new java.util.HashMap<>();
        for (var e : objMap.entrySet()) {
            if (e.getKey() instanceof Var v) {
                List<Obj> path = new ArrayList<>();
                if (findVarCycle(v, v, path, new java.util.HashSet<>()) && !state.containsKey(v)) {
                    // report each cycle once, at its first variable in source order
                    for (Obj o : path) {
                        state.put(o, 1);
                    }
                    state.put(v, 1);
                    reportInitCycle(v, path);
                }
            }
        }
    }

    private boolean findVarCycle(Obj from, Var target, List<Obj> path, java.util.Set<Obj> seen) {
        DeclInfo d = objMap.get(from);
        if (d == null) {
            return false;
        }
        for (Obj dep : d.deps) {
            if (dep == target) {
                return true;
            }
            if ((dep instanceof Var || dep instanceof Func) && seen.add(dep)) {
                path.add(dep);
                if (findVarCycle(dep, target, path, seen)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }

    private void reportInitCycle(Var v, List<Obj> path) {
        StringBuilder sb = new StringBuilder("initialization loop for ").append(v.name());
        sb.append("\n\t").append(fset.position(v.pos())).append(": ").append(v.name()).append(" refers to");
        for (Obj o : path) {
            sb.append("\n\t").append(fset.position(o.pos())).append(": ").append(o.name()).append(" refers to");
        }
        sb.append("\n\t").append(fset.position(v.pos())).append(": ").append(v.name());
        error(v.pos(), sb.toString());
    }

    // ---- step 5: unused imports

    private void unusedImports() {
        // A dot import counts as used when any of its objects was referred to.
        java.util.Set<Obj> usedObjs = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        usedObjs.addAll(info.uses.values());
        for (PkgName pn : pkgNames) {
            boolean used = pn.used;
            if (dotImports.containsKey(pn)) {
                for (Obj o : pn.imported().scope().objects()) {
                    if (usedObjs.contains(o)) {
                        used = true;
                        break;
                    }
                }
            }
            if (used) {
                continue;
            }
            String path = pn.imported().path();
            String elem = lastElem(path);
            if (pn.name().equals(".") || pn.name().equals(elem) || pn.name().equals(pn.imported().name()) && pn.name().equals(elem)) {
                softErrorf(pn.pos(), "imported and not used: %s", TypeString.quote(path));
            } else {
                softErrorf(pn.pos(), "imported and not used: %s as %s", TypeString.quote(path), pn.name());
            }
        }
    }

}
