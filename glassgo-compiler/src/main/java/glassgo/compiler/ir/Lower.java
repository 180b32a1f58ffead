// Lower: the checked AST of package main to glassgo's IR, one Ir.Func per Go function, with frame layouts,
// type descriptors and the read-only data block. Mirrors cmd/compile's walk + ssagen phases (order of
// evaluation, bounds and nil checks, runtime calls for what the machine cannot do inline).
package glassgo.compiler.ir;

import glassgo.compiler.ast.*;
import glassgo.compiler.constant.Constant;
import glassgo.compiler.constant.Value;
import glassgo.compiler.ir.Ir.*;
import glassgo.compiler.ir.Ir.Stmt;
import glassgo.compiler.syntax.FileSet;
import glassgo.compiler.syntax.Token;
import glassgo.compiler.types.Array;
import glassgo.compiler.types.Basic;
import glassgo.compiler.types.Builtin;
import glassgo.compiler.types.Func;
import glassgo.compiler.types.Lookup;
import glassgo.compiler.types.Obj;
import glassgo.compiler.types.Package;
import glassgo.compiler.types.Pointer;
import glassgo.compiler.types.Predicates;
import glassgo.compiler.types.Signature;
import glassgo.compiler.types.Slice;
import glassgo.compiler.types.Struct;
import glassgo.compiler.types.Type;
import glassgo.compiler.types.Var;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowering decisions (see {@link Ir} for the value model):
 * <ul>
 *   <li>A local of scalar non-pointer type is a JVM local. A pointer-shaped local, and every local wider
 *       than a word, lives in the frame, whose pointer words are in the layout's bitmap — so every pointer a
 *       function holds in a variable is visible to the collector at every safepoint. A variable whose
 *       address is taken lives on the heap (no escape analysis yet); the frame holds its address.</li>
 *   <li>Temporaries that hold pointers (call results, spilled bases) are frame slots too; a pointer is on
 *       the JVM operand stack only between its load and its use within one IR statement that has no
 *       safepoint in between, or as the argument of the call that immediately stores it.</li>
 *   <li>Calls: scalar parameters are JVM arguments (the callee stores pointer ones in its frame before its
 *       first safepoint); wider parameters are written into the callee's frame ({@link OutAddr}); a single
 *       scalar result is the JVM result, other results are read from the popped callee frame.</li>
 * </ul>
 */
public final class Lower {
    /** Result of lowering a program. */
    public record Program(List<Ir.Func> funcs, List<TypeDesc> types, byte[] data, TypeDesc globals, String entry,
                          List<Dispatch> dispatchers) {}

    /**
     * A call through a func value: {@code method(Stack, long funcval, params...)} loads the function id from
     * the funcval's first word and calls the matching target (Go: CALL through the closure's fn word).
     */
    public record Dispatch(String method, List<K> params, K ret, List<Target> targets) {
        /** Function id, JVM method, whether it takes the closure context (func literals) . */
        public record Target(int id, String method, boolean hasCtx) {}
    }

    /** The checker's Info, seen through the type arguments of the generic instance being lowered (if any). */
    TypeInfo info;
    private final TypeInfo baseInfo;
    private final FileSet fset;
    final Package pkg;

    private final List<TypeDesc> typeDescs = new ArrayList<>();
    private final Map<String, Integer> typeIndex = new HashMap<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final Map<String, Long> strings = new HashMap<>();
    private final Map<Var, Long> globals = new LinkedHashMap<>();
    private long globalsSize;
    private final List<Ir.Func> funcs = new ArrayList<>();
    /** Functions that may be called through func values: id -> (method, hasCtx, JVM signature key). */
    private final List<Dispatch.Target> fnTargets = new ArrayList<>();
    private final List<String> fnKeys = new ArrayList<>();
    private final Map<String, Integer> fnIds = new HashMap<>();
    private final Map<String, List<K>> keyParams = new HashMap<>();
    private final Map<String, K> keyRet = new HashMap<>();
    /** Function literals waiting to be lowered after the function that contains them. */
    private final java.util.ArrayDeque<PendingLit> pendingLits = new java.util.ArrayDeque<>();
    private int litCounter;
    /** In a func literal's body: the frame slot holding its closure context. */
    private long ctxSlot = -1;
    /** The frame slot heading this function's defer list (Go: the _defer records of the frame), or -1. */
    private long deferSlot = -1;

    record PendingLit(FuncLit lit, List<Var> captures, String method, String goName, TypeInfo info) {}
    /** Expressions already evaluated out of order (print's calls first): their stable value or location. */
    private final Map<glassgo.compiler.ast.Expr, Object> pre = new IdentityHashMap<>();

    // --- per-function state
    long frameSize;
    /** The current function's frame allocations, (offset, size) pairs: Ir.Func#areas. */
    List<Long> areas = new ArrayList<>();
    List<Integer> ptrOffs;
    List<Integer> zeroOffs;
    private int nextSlot;
    Map<Var, VarLoc> vars;
    private Set<Var> addrTaken;
    List<Stmt> out;
    private Signature sig;
    private CallAbi abi;
    private List<Var> resultVars;
    private int nextLabel;
    private final Map<String, int[]> labels = new HashMap<>();
    int breakTarget = -1;
    private int continueTarget = -1;
    private String pendingLabel;
    private int fallthroughSel = -1;
    private int fallthroughNext = -1;

    /** Maps, and channels/select/go, lowered by their own classes. */
    final LowerMaps maps = new LowerMaps(this);
    final LowerChans chans = new LowerChans(this);

    /** A function lowered outside lowerBody (go statement wrappers). */
    void addFunc(Ir.Func f) {
        funcs.add(f);
    }

    public Lower(TypeInfo info, FileSet fset, Package pkg) {
        this.info = info;
        this.baseInfo = info;
        this.fset = fset;
        this.pkg = pkg;
    }

    // =============================================================================== program

    public Program lower(List<File> files) {
        List<FuncDecl> decls = new ArrayList<>();
        List<ValueSpec> varSpecs = new ArrayList<>();
        for (File f : files) {
            for (Decl d : f.decls) {
                if (d instanceof FuncDecl fd) {
                    if (isGeneric(fd)) {
                        if (fd.body == null) {
                            throw new Unsupported("functions without a body", fd.pos());
                        }
                        genericDecls.put((Func) info.def(fd.name), fd);
                        continue;
                    }
                    decls.add(fd);
                } else if (d instanceof GenDecl gd && gd.tok == Token.VAR) {
                    for (Spec s : gd.specs) {
                        ValueSpec vs = (ValueSpec) s;
                        varSpecs.add(vs);
                        for (Ident id : vs.names) {
                            if (info.def(id) instanceof Var v && !id.name.equals("_")) {
                                long a = Math.max(8, Layouts.align(v.type()));
                                globalsSize = (globalsSize + a - 1) & -a;
                                globals.put(v, globalsSize);
                                globalsSize += Math.max(8, Layouts.size(v.type()));
                            }
                        }
                    }
                } else if (d instanceof GenDecl gd && gd.tok == Token.IMPORT && !gd.specs.isEmpty()) {
                    throw new Unsupported("imports", gd.pos());
                }
            }
        }
        globalsSize = Math.max(8, (globalsSize + 7) & -8);
        TypeDesc gdesc = new TypeDesc("main.globals", globalsSize, globalsPointerWords());
        for (FuncDecl fd : decls) {
            if (fd.body == null) {
                throw new Unsupported("functions without a body", fd.pos());
            }
            lowerFunc(fd);
            lowerPendingLits();
        }
        lowerEntry(varSpecs, decls);
        lowerPendingLits();
        lowerInstances();
        finishInterfaces();
        List<Dispatch> ds = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(keyParams.keySet())) {
            List<Dispatch.Target> ts = new ArrayList<>();
            for (int i = 0; i < fnTargets.size(); i++) {
                if (fnKeys.get(i).equals(key)) {
                    ts.add(fnTargets.get(i));
                }
            }
            ds.add(new Dispatch("call$" + key, keyParams.get(key), keyRet.get(key), ts));
        }
        byte[] block = tds == null ? data.toByteArray() : tds.apply(data.toByteArray());
        return new Program(funcs, typeDescs, block, gdesc, "go$entry", ds);
    }

    private static Type recvNamed(Type t) {
        return t instanceof Pointer p ? p.elem() : t;
    }

    private int[] globalsPointerWords() {
        List<Integer> w = new ArrayList<>();
        for (Map.Entry<Var, Long> e : globals.entrySet()) {
            for (int pw : Layouts.pointerWords(e.getKey().type())) {
                w.add((int) (e.getValue() / 8) + pw);
            }
        }
        return w.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The JVM method name of a Go function or method. */
    static String methodName(Func f) {
        Var recv = f.signature().recv();
        if (recv == null) {
            // several init (and _) functions may exist; each gets its own method
            return f.name().equals("init") || f.name().equals("_") ? f.name() + "$" + f.pos() : f.name();
        }
        Type t = recvNamed(recv.type());
        String tn = t instanceof glassgo.compiler.types.Named n ? n.obj().name() : t.toString();
        return tn + "$" + f.name();
    }

    /** go$entry: package variable initializers in dependency order, init functions, then main.main. */
    private void lowerEntry(List<ValueSpec> specs, List<FuncDecl> decls) {
        beginFunc(null, null);
        List<Stmt> body = out;
        for (ValueSpec vs : orderInits(specs)) {
            line(vs.pos());
            if (vs.values.isEmpty()) {
                continue;
            }
            if (vs.values.size() == 1 && vs.names.size() > 1) {
                assignMulti(vs.names.stream().map(i -> (glassgo.compiler.ast.Expr) i).toList(), vs.values.get(0), false);
            } else {
                List<glassgo.compiler.ast.Expr> lhs = new ArrayList<>(vs.names);
                assign(lhs, vs.values, false);
            }
        }
        boolean sawMain = false;
        for (FuncDecl fd : decls) {
            if (fd.recv == null && fd.name.name.equals("init")) {
                out.add(new Eval(new CallGo(methodName((Func) info.def(fd.name)), List.of(), K.V)));
            }
            if (fd.recv == null && fd.name.name.equals("main")) {
                sawMain = true;
            }
        }
        if (!sawMain) {
            throw new Unsupported("a program without func main", 0);
        }
        out.add(new Eval(new CallGo("main", List.of(), K.V)));
        out.add(new Return(null));
        finishFunc("go$entry", "main.init", List.of(), K.V, body);
    }

    /** Package variables in an order where each initializer runs after the variables it reads (go/types initorder, simplified: direct references and through called functions). */
    private List<ValueSpec> orderInits(List<ValueSpec> specs) {
        Map<Var, ValueSpec> specOf = new IdentityHashMap<>();
        for (ValueSpec vs : specs) {
            for (Ident id : vs.names) {
                if (info.def(id) instanceof Var v) {
                    specOf.put(v, vs);
                }
            }
        }
        Map<Func, FuncDecl> funcDecls = new IdentityHashMap<>();
        List<ValueSpec> order = new ArrayList<>();
        Set<ValueSpec> done = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (ValueSpec vs : specs) {
            visitInit(vs, specOf, done, order, new java.util.HashSet<>());
        }
        return order;
    }

    private void visitInit(ValueSpec vs, Map<Var, ValueSpec> specOf, Set<ValueSpec> done, List<ValueSpec> order, Set<Object> seen) {
        if (done.contains(vs) || !seen.add(vs)) {
            return;
        }
        for (glassgo.compiler.ast.Expr e : vs.values) {
            Inspector.inspect(e, n -> {
                if (n instanceof Ident id && info.obj(id) instanceof Var v && specOf.containsKey(v) && specOf.get(v) != vs) {
                    visitInit(specOf.get(v), specOf, done, order, seen);
                }
                return true;
            });
        }
        if (done.add(vs)) {
            order.add(vs);
        }
    }

    // =============================================================================== functions

    /** How a signature's parameters and results travel. */
    record CallAbi(List<Type> params, long[] paramOffs, List<Type> results, long[] resultOffs, boolean scalarResult,
                   List<K> jvmParams, K jvmRet, long areaEnd) {}

    static CallAbi abiOf(Signature s) {
        List<Type> params = new ArrayList<>();
        if (s.recv() != null) {
            params.add(s.recv().type());
        }
        for (Var v : s.params().vars()) {
            params.add(v.type());
        }
        List<Type> results = new ArrayList<>();
        for (Var v : s.results().vars()) {
            results.add(v.type());
        }
        long off = 8;
        long[] poffs = new long[params.size()];
        List<K> jvm = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Type t = params.get(i);
            if (Layouts.isScalar(t)) {
                poffs[i] = -1;
                jvm.add(Layouts.kind(t));
            } else {
                poffs[i] = off;
                off += (Layouts.size(t) + 7) & -8;
            }
        }
        boolean scalarResult = results.size() == 1 && Layouts.isScalar(results.get(0));
        long[] roffs = new long[results.size()];
        if (!scalarResult) {
            for (int i = 0; i < results.size(); i++) {
                roffs[i] = off;
                off += (Layouts.size(results.get(i)) + 7) & -8;
            }
        }
        K ret = scalarResult ? Layouts.kind(results.get(0)) : K.V;
        return new CallAbi(params, poffs, results, roffs, scalarResult, jvm, ret, off);
    }

    private void beginFunc(Signature s, FuncDecl fd) {
        beginFunc(s, fd == null ? null : fd.body, false);
    }

    private void beginFunc(Signature s, BlockStmt fbody, boolean hasCtx) {
        frameSize = 8;
        ptrOffs = new ArrayList<>();
        zeroOffs = new ArrayList<>();
        vars = new IdentityHashMap<>();
        pre.clear(); // keyed by syntax, which a generic body shares between its instances
        out = new ArrayList<>();
        labels.clear();
        breakTarget = -1;
        continueTarget = -1;
        sig = s;
        abi = s == null ? abiOf(new Signature(null, List.of(), glassgo.compiler.types.Tuple.EMPTY, glassgo.compiler.types.Tuple.EMPTY, false)) : abiOf(s);
        frameSize = abi.areaEnd;
        areas.clear();
        area(8, frameSize - 8); // the parameters and results, written by the caller and read by it
        nextSlot = 1 + 2 * (abi.jvmParams.size() + (hasCtx ? 1 : 0)) + 2;
        addrTaken = fbody == null ? Set.of() : addressTaken(fbody);
        ctxSlot = -1;
        deferSlot = fbody != null && hasDefer(fbody) ? frameWord(true) : -1;
        gotoTargets = gotoTargets(fbody);
        collectDeferSites(fbody);
        gotoLabels.clear();
        resultVars = new ArrayList<>();
    }

    private void lowerFunc(FuncDecl fd) {
        Func fn = (Func) info.def(fd.name);
        Signature s = fn.signature();
        lowerBody(s, fd.recv, fd.type, fd.body, methodName(fn), goFuncName(fn, false), null);
    }

    private void lowerPendingLits() {
        TypeInfo outer = info;
        while (!pendingLits.isEmpty()) {
            PendingLit pl = pendingLits.poll();
            info = pl.info();
            lowerBody((Signature) info.typeOf(pl.lit()), null, pl.lit().type, pl.lit().body, pl.method(), pl.goName(), pl.captures());
        }
        info = outer;
    }

    /** The variable of result i: the declared one when named (the body refers to it), else the signature's. */
    private Var resultVar(FuncType ftype, int i, Signature s) {
        if (ftype.results != null) {
            int k = 0;
            for (Field f : ftype.results.list) {
                for (Ident id : f.names) {
                    if (k++ == i && info.def(id) instanceof Var v) {
                        return v;
                    }
                }
            }
        }
        return s.results().at(i);
    }

    /** A variable's type in the function being lowered (a generic body's variables have type parameters in theirs). */
    private Type varType(Var v) {
        return info.subst(v.type());
    }

    // =============================================================================== generics

    /*
     * Generics by monomorphisation (cmd/compile stencils with dictionaries; glassgo keeps one full copy per
     * instance, which is what Go 1.18's first design did): a generic function or a method of a generic type
     * is not lowered where it is declared; each distinct (function, type arguments) a lowered body reaches
     * queues one instance, lowered afterwards with a TypeInfo that substitutes its type arguments, so
     * everything below sees only concrete types.
     */

    /** Generic functions and methods of generic types, by their declared Func. */
    private final Map<Func, FuncDecl> genericDecls = new IdentityHashMap<>();
    /** Per declared generic Func: Subst.instanceKey of the type arguments -> JVM method of that instance. */
    private final Map<Func, Map<String, String>> instanceMethods = new IdentityHashMap<>();
    private final java.util.ArrayDeque<Instance> instanceQueue = new java.util.ArrayDeque<>();

    record Instance(FuncDecl decl, TypeInfo info, Signature sig, String method, String goName) {}

    /** How a use of a function reaches it: the JVM method and the (instantiated) signature. */
    record Callee(String method, Signature sig) {}

    private boolean isGeneric(FuncDecl fd) {
        return info.def(fd.name) instanceof Func fn
                && (!fn.signature().typeParams().isEmpty() || !fn.signature().recvTypeParams().isEmpty());
    }

    /** The function f that identifier id denotes, instantiated (and queued for lowering) if it is generic. */
    private Callee callee(Func f, Ident id) {
        Func o = f.origin();
        FuncDecl d = genericDecls.get(o);
        if (d == null) {
            return new Callee(methodName(f), f.signature());
        }
        Signature os = o.signature();
        List<glassgo.compiler.types.TypeParam> tps;
        List<Type> targs;
        if (os.recv() != null) {
            tps = os.recvTypeParams();
            targs = recvNamed(info.subst(f.signature().recv().type())) instanceof glassgo.compiler.types.Named n
                    ? n.typeArgs() : List.of();
        } else {
            tps = os.typeParams();
            targs = info.instanceArgs(id);
        }
        if (targs == null || targs.size() != tps.size()) {
            throw new Unsupported("generic function " + o.name() + " used without instantiation", id.pos());
        }
        return instance(d, o, tps, targs);
    }

    private Callee instance(FuncDecl d, Func o, List<glassgo.compiler.types.TypeParam> tps, List<Type> targs) {
        Map<glassgo.compiler.types.TypeParam, Type> m = glassgo.compiler.types.Subst.map(tps, targs);
        Signature sig = glassgo.compiler.types.Subst.substSignature(o.signature(), m);
        Map<String, String> names = instanceMethods.computeIfAbsent(o, k -> new HashMap<>());
        String key = glassgo.compiler.types.Subst.instanceKey(targs);
        String method = names.get(key);
        if (method == null) {
            method = methodName(o) + "$" + (names.size() + 1);
            names.put(key, method);
            instanceQueue.add(new Instance(d, baseInfo.substituting(m), sig, method, goFuncName(o, true)));
        }
        return new Callee(method, sig);
    }

    private void lowerInstances() {
        while (!instanceQueue.isEmpty()) {
            Instance in = instanceQueue.poll();
            info = in.info();
            lowerBody(in.sig(), in.decl().recv, in.decl().type, in.decl().body, in.method(), in.goName(), null);
            lowerPendingLits();
        }
        info = baseInfo;
    }

    /**
     * A function's name in tracebacks as Go prints it: main.F, main.T.M, main.(*T).M; an instance of a generic
     * function or type shows its type arguments as [...] (main.F[...], main.(*List[...]).Push).
     */
    private static String goFuncName(Func f, boolean instance) {
        Var recv = f.signature().recv();
        String targs = instance ? "[...]" : "";
        if (recv == null) {
            return "main." + f.name() + targs;
        }
        Type t = recvNamed(recv.type());
        String tn = (t instanceof glassgo.compiler.types.Named n ? n.obj().name() : t.toString()) + targs;
        return recv.type() instanceof Pointer ? "main.(*" + tn + ")." + f.name() : "main." + tn + "." + f.name();
    }

    /** Lowers one function body; {@code captures} non-null for a func literal (its closure's variables). */
    private void lowerBody(Signature s, FieldList recv, FuncType ftype, BlockStmt fbody, String method, String goName,
                           List<Var> captures) {
        beginFunc(s, fbody, captures != null);
        curGoName = goName;
        List<Stmt> body = out;
        int jvmSlot = 1;
        if (captures != null) {
            ctxSlot = frameWord(true);
            out.add(new Store(Mem.I64, new FrameAddr(ctxSlot), new Local(1, K.I)));
            jvmSlot = 3;
            for (int k = 0; k < captures.size(); k++) {
                vars.put(captures.get(k), new VarLoc(VarLoc.CAPTURED, k, 0, varType(captures.get(k))));
            }
        }
        // parameters
        List<Var> pvars = new ArrayList<>();
        if (s.recv() != null) {
            pvars.add(paramVar(recv, 0, s.recv()));
        }
        int idx = 0;
        for (Field f : ftype.params.list) {
            if (f.names.isEmpty()) {
                pvars.add(s.params().at(idx++));
            } else {
                for (Ident id : f.names) {
                    pvars.add(info.def(id) instanceof Var v ? v : s.params().at(idx));
                    idx++;
                }
            }
        }
        for (int i = 0; i < pvars.size(); i++) {
            Var v = pvars.get(i);
            Type t = abi.params.get(i);
            if (abi.paramOffs[i] < 0) {
                Local arg = new Local(jvmSlot, Layouts.kind(t));
                jvmSlot += 2;
                if (addrTaken.contains(v)) {
                    VarLoc box = newBoxed(v);
                    storeTo(new Loc(loadBox(box), 0, true), t, arg);
                } else if (Layouts.isPointerShaped(t)) {
                    long off = frameWord(true);
                    out.add(new Store(Mem.I64, new FrameAddr(off), arg));
                    vars.put(v, new VarLoc(VarLoc.FRAME, off, 0, t));
                } else {
                    vars.put(v, new VarLoc(VarLoc.REG, 0, arg.slot(), t));
                }
            } else {
                long off = abi.paramOffs[i];
                for (int w : Layouts.pointerWords(t)) {
                    ptrOffs.add((int) off + w * 8);
                }
                if (addrTaken.contains(v)) {
                    VarLoc box = newBoxed(v);
                    copy(t, new Loc(new FrameAddr(off), 0, false), new Loc(loadBox(box), 0, true));
                } else {
                    vars.put(v, new VarLoc(VarLoc.FRAME, off, 0, t));
                }
            }
        }
        // results
        for (int i = 0; i < s.results().len(); i++) {
            Var rv = resultVar(ftype, i, s);
            resultVars.add(rv);
            Type t = varType(rv);
            if (!abi.scalarResult) {
                long off = abi.resultOffs[i];
                for (int w : Layouts.pointerWords(t)) {
                    ptrOffs.add((int) off + w * 8);
                    zeroOffs.add((int) off + w * 8);
                }
                for (long w = 0; w < (Layouts.size(t) + 7) / 8; w++) {
                    out.add(new Store(Mem.I64, new FrameAddr(off + w * 8), new IConst(0)));
                }
                if (addrTaken.contains(rv)) {
                    newBoxed(rv);
                } else {
                    vars.put(rv, new VarLoc(VarLoc.FRAME, off, 0, t));
                }
            } else if (addrTaken.contains(rv)) {
                newBoxed(rv);
            } else {
                declareLocal(rv);
            }
        }
        out.add(new Poll());
        if (deferSlot < 0) {
            lowerBlock(fbody.list);
            out.add(new Return(abi.scalarResult ? zeroOf(abi.jvmRet) : null));
        } else {
            // body under a panic handler: the deferred calls run on return and on panic (Go's deferreturn / gopanic)
            List<Stmt> tryBody = sub(() -> {
                lowerBlock(fbody.list);
                returnAfterDefers();
            });
            List<Stmt> handler = sub(() -> {
                runDefers(true);
                out.add(new If(new CallRt("Abi", "recovered", List.of(new StackRef()), K.I), finalReturn(), List.of()));
                out.add(new Eval(new CallRt("Abi", "repanic", List.of(new StackRef()), K.A)));
            });
            out.add(new Try(tryBody, handler));
            out.add(new Return(abi.scalarResult ? zeroOf(abi.jvmRet) : null));
        }
        List<K> jp = new ArrayList<>();
        if (captures != null) {
            jp.add(K.I);
        }
        jp.addAll(abi.jvmParams);
        finishFunc(method, goName, jp, abi.jvmRet, body);
    }

    String curGoName = "main";

    private static boolean hasDefer(BlockStmt body) {
        boolean[] found = {false};
        Inspector.inspect(body, n -> {
            if (n instanceof DeferStmt) {
                found[0] = true;
            }
            return !(n instanceof FuncLit) && !found[0];
        });
        return found[0];
    }

    /**
     * defer call: the function value, receiver and arguments are evaluated now (Go's order) into a heap record
     * {next, site, values...} pushed on the frame's defer list (Go: a _defer record with its closure). The call
     * itself is lowered where the deferred calls run ({@link #runDefers}), once per defer statement ("site"),
     * with each evaluated operand substituted by a load from the record.
     */
    private void deferStmt(DeferStmt d) {
        int site = -1;
        for (int k = 0; k < deferSites.size(); k++) {
            if (deferSites.get(k).stmt() == d) {
                site = k;
            }
        }
        DeferSite ds = deferSites.get(site);
        List<glassgo.compiler.ast.Expr> saved = ds.operands();
        Object[] vals = new Object[saved.size()];
        for (int i = 0; i < vals.length; i++) {
            glassgo.compiler.ast.Expr e = saved.get(i);
            vals[i] = Layouts.isScalar(info.typeOf(e)) ? spillScalarAlways(scalar(e), info.typeOf(e)) : aggr(e);
            if (vals[i] instanceof Loc l && l.heap()) {
                Loc tmp = frameTemp(info.typeOf(e));
                copy(info.typeOf(e), l, tmp);
                vals[i] = tmp;
            }
        }
        long[] offs = ds.offs();
        TypeRef rt = typeRefDesc("defer:" + curGoName + ":" + site, ds.record());
        Ir.Expr rec = spillPtr(new CallRt("Abi", "newobject", List.of(rt), K.I));
        out.add(new Store(Mem.I64, new Bin(Op.ADD, K.I, rec, new IConst(8)), new IConst(site)));
        for (int i = 0; i < offs.length; i++) {
            Type t = info.typeOf(saved.get(i));
            Loc dst = new Loc(rec, offs[i], true);
            if (vals[i] instanceof Loc l) {
                copy(t, l, dst);
            } else {
                storeTo(dst, t, (Ir.Expr) vals[i]);
            }
        }
        out.add(new StorePtr(rec, new Load(Mem.I64, new FrameAddr(deferSlot))));
        out.add(new Store(Mem.I64, new FrameAddr(deferSlot), rec));
    }

    /** One defer statement of the current function: the operands its record holds, at these offsets. */
    private record DeferSite(DeferStmt stmt, List<glassgo.compiler.ast.Expr> operands, long[] offs, TypeDesc record) {}
    private final List<DeferSite> deferSites = new ArrayList<>();

    /** Every defer statement of a body (not of its func literals), known before any return is lowered. */
    private void collectDeferSites(BlockStmt body) {
        deferSites.clear();
        if (body == null) {
            return;
        }
        List<DeferStmt> ds = new ArrayList<>();
        Inspector.inspect(body, n -> {
            if (n instanceof DeferStmt d) {
                ds.add(d);
            }
            return !(n instanceof FuncLit);
        });
        for (DeferStmt d : ds) {
            List<glassgo.compiler.ast.Expr> ops = deferOperands(d.call, d);
            long[] offs = new long[ops.size()];
            List<Integer> ptrs = new ArrayList<>(List.of(0));
            long size = 16;
            for (int i = 0; i < offs.length; i++) {
                Type t = info.typeOf(ops.get(i));
                long al = Math.max(8, Layouts.align(t));
                size = (size + al - 1) & -al;
                offs[i] = size;
                for (int w : Layouts.pointerWords(t)) {
                    ptrs.add((int) (size / 8) + w);
                }
                size += Math.max(8, (Layouts.size(t) + 7) & -8);
            }
            deferSites.add(new DeferSite(d, ops, offs,
                    new TypeDesc("runtime._defer", size, ptrs.stream().mapToInt(Integer::intValue).toArray())));
        }
    }

    /** The expressions of a deferred call that Go evaluates at the defer statement (constants need no saving). */
    private List<glassgo.compiler.ast.Expr> deferOperands(CallExpr c, DeferStmt d) {
        List<glassgo.compiler.ast.Expr> ops = new ArrayList<>();
        glassgo.compiler.ast.Expr fun = unparen(c.fun);
        if (info.isType(fun)) {
            throw new Unsupported("defer of a conversion", d.pos());
        }
        Builtin.Id b = info.builtin(fun);
        if (b == null) {
            if (fun instanceof SelectorExpr sel && info.obj(sel.sel) instanceof Func m && m.signature().recv() != null) {
                Type xt = info.typeOf(sel.x);
                boolean wantPtr = m.signature().recv().type() instanceof Pointer;
                boolean havePtr = xt.underlying() instanceof Pointer;
                Lookup.Result r = Lookup.lookupFieldOrMethod(xt, true, pkg, sel.sel.name);
                if (wantPtr && !havePtr || (r != null && r.index().length > 1 && !havePtr)) {
                    // &x of a variable: its heap box does not move, so taking the address when the call runs is the same
                    if (!(unparen(sel.x) instanceof Ident)) {
                        throw new Unsupported("defer of a method call on an addressable operand", d.pos());
                    }
                } else {
                    ops.add(sel.x);
                }
            } else if (!(fun instanceof Ident id && info.obj(id) instanceof Func)
                    && !(fun instanceof SelectorExpr s2 && info.obj(s2.sel) instanceof Func)) {
                ops.add(fun);
            }
        }
        if (c.args.size() == 1 && info.typeOf(c.args.get(0)) instanceof glassgo.compiler.types.Tuple) {
            throw new Unsupported("defer f(g()) with several results", d.pos());
        }
        for (glassgo.compiler.ast.Expr a : c.args) {
            if (info.constant(a) == null && !isNil(a) && !(b != null && info.isType(unparen(a)))) {
                ops.add(a);
            }
        }
        return ops;
    }

    /**
     * Pops and calls each deferred function, most recent first. {@code panicking}: in the panic handler, where
     * recover() works only in the deferred function itself (Go: recover's argp check), one call deeper.
     */
    private void runDefers(boolean panicking) {
        if (deferSites.isEmpty()) {
            return;
        }
        int id = nextLabel++;
        List<Stmt> saved = out;
        out = new ArrayList<>();
        Ir.Expr head = new Load(Mem.I64, new FrameAddr(deferSlot));
        out.add(new If(new Bin(Op.EQ, K.I, head, new IConst(0)), List.of(new Break(id)), List.of()));
        long recSlot = frameWord(true);
        out.add(new Store(Mem.I64, new FrameAddr(recSlot), head));
        out.add(new Store(Mem.I64, new FrameAddr(deferSlot), new Load(Mem.I64, head)));
        Ir.Expr rec = new Load(Mem.I64, new FrameAddr(recSlot));
        int siteLocal = newLocal();
        out.add(new SetLocal(siteLocal, new Load(Mem.I64, new Bin(Op.ADD, K.I, rec, new IConst(8)))));
        if (panicking) {
            out.add(new Eval(new CallRt("Abi", "deferCall", List.of(new StackRef()), K.V)));
        }
        for (int k = 0; k < deferSites.size(); k++) {
            DeferSite ds = deferSites.get(k);
            List<Stmt> call = sub(() -> {
                for (int i = 0; i < ds.operands().size(); i++) {
                    glassgo.compiler.ast.Expr e = unparen(ds.operands().get(i));
                    Type t = info.typeOf(e);
                    Loc l = new Loc(rec, ds.offs()[i], true);
                    pre.put(e, Layouts.isScalar(t) ? load(t, l) : l);
                }
                try {
                    CallExpr c = ds.stmt().call;
                    line(ds.stmt().pos());
                    // defer recover() runs at this frame's depth: it recovers only if this frame is itself the
                    // deferred function a panic called (recover.go test5 vs. the "should squelch" case)
                    exprStmt(c);
                } finally {
                    for (glassgo.compiler.ast.Expr e : ds.operands()) {
                        pre.remove(unparen(e));
                    }
                }
            });
            out.add(new If(new Bin(Op.EQ, K.I, new Local(siteLocal, K.I), new IConst(k)), call, List.of()));
        }
        List<Stmt> body = out;
        out = saved;
        out.add(new Loop(id, body, List.of()));
    }

    /** The return after the deferred calls ran: results re-read from their variables (defers may set them). */
    private List<Stmt> finalReturn() {
        return sub(() -> {
            if (abi.scalarResult) {
                out.add(new Return(readVar(resultVars.get(0), 0)));
            } else {
                copyBoxedResults();
                out.add(new Return(null));
            }
        });
    }

    private void returnAfterDefers() {
        runDefers(false);
        out.addAll(finalReturn());
    }

    /** The id by which a func value names {@code method}; registers it with the dispatcher for its JVM signature. */
    int fnId(String method, boolean hasCtx, Signature s) {
        Integer id = fnIds.get(method);
        if (id != null) {
            return id;
        }
        CallAbi a = abiOf(s);
        String key = dispatchKey(a);
        id = fnTargets.size();
        fnTargets.add(new Dispatch.Target(id, method, hasCtx));
        fnKeys.add(key);
        fnIds.put(method, id);
        return id;
    }

    String dispatchKey(CallAbi a) {
        StringBuilder k = new StringBuilder();
        for (K p : a.jvmParams) {
            k.append(p.name());
        }
        k.append('_').append(a.jvmRet.name());
        String key = k.toString();
        keyParams.putIfAbsent(key, a.jvmParams);
        keyRet.putIfAbsent(key, a.jvmRet);
        return key;
    }

    /** Variables a func literal uses that belong to an enclosing function, in order of first use. */
    private List<Var> freeVars(FuncLit fl) {
        java.util.LinkedHashSet<Var> out = new java.util.LinkedHashSet<>();
        Inspector.inspect(fl.body, n -> {
            if (n instanceof Ident id && info.obj(id) instanceof Var v && !v.isField() && !globals.containsKey(v)
                    && (v.pos() < fl.pos() || v.pos() >= fl.end())) {
                out.add(v);
            }
            return true;
        });
        return new ArrayList<>(out);
    }

    /** A func literal's value: a closure object {fn id, box pointers of the captured variables}. */
    private Ir.Expr closure(FuncLit fl) {
        List<Var> caps = freeVars(fl);
        String method = "func$" + (++litCounter);
        String goName = curGoName + ".func" + litCounter;
        int id = fnId(method, true, (Signature) info.typeOf(fl));
        pendingLits.add(new PendingLit(fl, caps, method, goName, info));
        int[] ptrs = new int[caps.size()];
        for (int k = 0; k < ptrs.length; k++) {
            ptrs[k] = k + 1;
        }
        TypeRef tr = typeRefDesc("closure" + caps.size(), new TypeDesc("funcval+" + caps.size(), 8L * (1 + caps.size()), ptrs));
        Ir.Expr obj = spillPtr(new CallRt("Abi", "newobject", List.of(tr), K.I));
        out.add(new Store(Mem.I64, obj, new IConst(id)));
        for (int k = 0; k < caps.size(); k++) {
            VarLoc vl = varLoc(caps.get(k), fl.pos());
            Ir.Expr box = switch (vl.kind) {
                case VarLoc.BOXED -> loadBox(vl);
                case VarLoc.CAPTURED -> locOf(vl).base();
                default -> throw new IllegalStateException("ir: captured variable " + caps.get(k).name() + " is not on the heap");
            };
            out.add(new StorePtr(new Bin(Op.ADD, K.I, obj, new IConst(8L * (k + 1))), box));
        }
        return obj;
    }

    /** A top-level function as a value: a funcval {id} in the data block (Go: a static closure). */
    private Ir.Expr funcValue(Callee f) {
        int id = fnId(f.method(), false, f.sig());
        byte[] w = new byte[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (byte) (id >>> (8 * i));
        }
        return new DataAddr(stringData(w));
    }

    private Var paramVar(FieldList recv, int i, Var fallback) {
        Field f = recv.list.get(0);
        if (!f.names.isEmpty() && info.def(f.names.get(0)) instanceof Var v) {
            return v;
        }
        return fallback;
    }

    private void finishFunc(String method, String goName, List<K> params, K ret, List<Stmt> body) {
        frameSize = (frameSize + 7) & -8;
        int[] p = ptrOffs.stream().mapToInt(Integer::intValue).toArray();
        int[] z = zeroOffs.stream().mapToInt(Integer::intValue).toArray();
        long[] a = areas.stream().mapToLong(Long::longValue).toArray();
        funcs.add(new Ir.Func(method, params, ret, new FrameLayout(goName, (int) frameSize, p, z), nextSlot, body, a));
    }

    static Ir.Expr zeroOf(K k) {
        return k == K.F ? new FConst(0) : new IConst(0);
    }

    /** Variables whose address is taken (&x, x.m() with a pointer receiver, x[:] of an array): they live on the heap. */
    private Set<Var> addressTaken(BlockStmt body) {
        Set<Var> s = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Inspector.inspect(body, n -> {
            if (n instanceof FuncLit fl) {
                s.addAll(freeVars(fl));  // shared with the closure: on the heap
            }
            if (n instanceof UnaryExpr u && u.op == Token.AND) {
                markRoot(u.x, s);
            } else if (n instanceof SliceExpr se && info.typeOf(se.x) != null && info.typeOf(se.x).underlying() instanceof Array) {
                markRoot(se.x, s);
            } else if (n instanceof SelectorExpr sel && info.obj(sel.sel) instanceof Func m && m.signature().recv() != null
                    && m.signature().recv().type() instanceof Pointer && info.typeOf(sel.x) != null
                    && !(info.typeOf(sel.x).underlying() instanceof Pointer)) {
                markRoot(sel.x, s);
            }
            return true;
        });
        return s;
    }

    private void markRoot(glassgo.compiler.ast.Expr e, Set<Var> s) {
        while (true) {
            if (e instanceof ParenExpr p) {
                e = p.x;
            } else if (e instanceof SelectorExpr sel && info.typeOf(sel.x) != null
                    && !(info.typeOf(sel.x).underlying() instanceof Pointer) && !(info.obj(sel.sel) instanceof Func)) {
                e = sel.x;
            } else if (e instanceof IndexExpr ix && info.typeOf(ix.x) != null && info.typeOf(ix.x).underlying() instanceof Array) {
                e = ix.x;
            } else {
                break;
            }
        }
        if (e instanceof Ident id && info.obj(id) instanceof Var v && !globals.containsKey(v)) {
            s.add(v);
        }
    }

    // =============================================================================== storage

    /** Where a variable lives. */
    record VarLoc(int kind, long off, int slot, Type type) {
        static final int REG = 0, FRAME = 1, BOXED = 2, GLOBAL = 3, CAPTURED = 4;
    }

    /** A memory location: base expression (re-evaluable) + offset; heap means stores of pointers need the barrier. */
    record Loc(Ir.Expr base, long off, boolean heap) {
        Ir.Expr addr() {
            if (base instanceof FrameAddr f) {
                return new FrameAddr(f.off() + off);
            }
            if (base instanceof GlobalsAddr g) {
                return new GlobalsAddr(g.off() + off);
            }
            if (base instanceof OutAddr o) {
                return new OutAddr(o.off() + off);
            }
            return off == 0 ? base : new Bin(Op.ADD, K.I, base, new IConst(off));
        }

        Loc at(long d) {
            return new Loc(base, off + d, heap);
        }
    }

    /** Records a frame allocation (see Ir.Func#areas). */
    void area(long off, long size) {
        if (size > 0) {
            areas.add(off);
            areas.add(size);
        }
    }

    private long frameWord(boolean ptr) {
        long off = frameSize;
        frameSize += 8;
        area(off, 8);
        if (ptr) {
            ptrOffs.add((int) off);
            zeroOffs.add((int) off);
        }
        return off;
    }

    /** A frame temporary for a value of {@code t}, pointer words registered and zeroed at entry. */
    Loc frameTemp(Type t) {
        long a = Math.max(8, Layouts.align(t));
        frameSize = (frameSize + a - 1) & -a;
        long off = frameSize;
        frameSize += Math.max(8, (Layouts.size(t) + 7) & -8);
        area(off, frameSize - off);
        for (int w : Layouts.pointerWords(t)) {
            ptrOffs.add((int) off + w * 8);
            zeroOffs.add((int) off + w * 8);
        }
        return new Loc(new FrameAddr(off), 0, false);
    }

    int newLocal() {
        int s = nextSlot;
        nextSlot += 2;
        return s;
    }

    private VarLoc newBoxed(Var v) {
        long slot = frameWord(true);
        out.add(new Store(Mem.I64, new FrameAddr(slot), newobject(varType(v))));
        VarLoc vl = new VarLoc(VarLoc.BOXED, slot, 0, varType(v));
        vars.put(v, vl);
        return vl;
    }

    private Ir.Expr loadBox(VarLoc vl) {
        return new Load(Mem.I64, new FrameAddr(vl.off));
    }

    /** Declares a local variable (zero-valued). */
    VarLoc declareLocal(Var v) {
        Type t = varType(v);
        if (addrTaken.contains(v)) {
            return newBoxed(v);
        }
        VarLoc vl;
        if (Layouts.isScalar(t) && !Layouts.isPointerShaped(t)) {
            vl = new VarLoc(VarLoc.REG, 0, newLocal(), t);
            out.add(new SetLocal(vl.slot, zeroOf(Layouts.kind(t))));
        } else {
            Loc l = frameTemp(t);
            vl = new VarLoc(VarLoc.FRAME, ((FrameAddr) l.base()).off(), 0, t);
            zero(t, l);
        }
        vars.put(v, vl);
        return vl;
    }

    private VarLoc varLoc(Var v, int pos) {
        VarLoc vl = vars.get(v);
        if (vl != null) {
            return vl;
        }
        Long g = globals.get(v);
        if (g != null) {
            return new VarLoc(VarLoc.GLOBAL, g, 0, varType(v));
        }
        throw new Unsupported("variable " + v.name() + " from an enclosing function", pos);
    }

    private Loc locOf(VarLoc vl) {
        return switch (vl.kind) {
            case VarLoc.FRAME -> new Loc(new FrameAddr(vl.off), 0, false);
            case VarLoc.BOXED -> new Loc(loadBox(vl), 0, true);
            case VarLoc.GLOBAL -> new Loc(new GlobalsAddr(vl.off), 0, true);
            case VarLoc.CAPTURED -> new Loc(new Load(Mem.I64, new Bin(Op.ADD, K.I, new Load(Mem.I64, new FrameAddr(ctxSlot)),
                    new IConst(8 * (vl.off + 1)))), 0, true);
            default -> throw new IllegalStateException("ir: a register variable has no memory location");
        };
    }

    // =============================================================================== memory helpers

    Ir.Expr load(Type t, Loc l) {
        return new Load(Layouts.mem(t), l.addr());
    }

    void storeTo(Loc l, Type t, Ir.Expr v) {
        if (Layouts.isPointerShaped(t) && l.heap()) {
            out.add(new StorePtr(l.addr(), v));
        } else {
            out.add(new Store(Layouts.mem(t), l.addr(), v));
        }
    }

    void zero(Type t, Loc l) {
        long size = Layouts.size(t);
        List<Layouts.Leaf> leaves = Layouts.leaves(t, 16);
        if (leaves != null && !l.heap()) {
            for (Layouts.Leaf lf : leaves) {
                out.add(new Store(lf.mem(), l.at(lf.off()).addr(), zeroOf(lf.mem().kind())));
            }
        } else if (size > 0) {
            // memory from newobject is already zero; a frame or reused location is cleared wholesale
            out.add(new Eval(new CallRt("Abi", "memclr", List.of(l.addr(), new IConst(size)), K.V)));
        }
    }

    /** Copies a value of {@code t} from {@code src} to {@code dst}. */
    void copy(Type t, Loc src, Loc dst) {
        List<Layouts.Leaf> leaves = Layouts.leaves(t, 16);
        if (leaves != null) {
            if (leaves.size() > 1) {
                // read all leaves first so that overlapping src/dst (a = a's own field) copy correctly
                List<Ir.Expr> vals = new ArrayList<>();
                for (Layouts.Leaf lf : leaves) {
                    if (lf.ptr() || leaves.size() > 4) {
                        Loc tmp = frameTemp(lf.ptr() ? unsafePtr() : basicFor(lf.mem()));
                        out.add(new Store(lf.mem(), tmp.addr(), new Load(lf.mem(), src.at(lf.off()).addr())));
                        vals.add(new Load(lf.mem(), tmp.addr()));
                    } else {
                        int slot = newLocal();
                        out.add(new SetLocal(slot, new Load(lf.mem(), src.at(lf.off()).addr())));
                        vals.add(new Local(slot, lf.mem().kind()));
                    }
                }
                for (int i = 0; i < leaves.size(); i++) {
                    Layouts.Leaf lf = leaves.get(i);
                    if (lf.ptr() && dst.heap()) {
                        out.add(new StorePtr(dst.at(lf.off()).addr(), vals.get(i)));
                    } else {
                        out.add(new Store(lf.mem(), dst.at(lf.off()).addr(), vals.get(i)));
                    }
                }
            } else if (leaves.size() == 1) {
                Layouts.Leaf lf = leaves.get(0);
                Ir.Expr v = new Load(lf.mem(), src.at(lf.off()).addr());
                if (lf.ptr() && dst.heap()) {
                    out.add(new StorePtr(dst.at(lf.off()).addr(), v));
                } else {
                    out.add(new Store(lf.mem(), dst.at(lf.off()).addr(), v));
                }
            }
            return;
        }
        out.add(new Eval(new CallRt("Abi", "typedmemmove", List.of(typeRef(t), dst.addr(), src.addr(), new IConst(1),
                new IConst(dst.heap() ? 1 : 0)), K.V)));
    }

    private static Type unsafePtr() {
        return glassgo.compiler.types.Universe.UNSAFE_POINTER;
    }

    private static Type basicFor(Mem m) {
        return switch (m) {
            case F32 -> glassgo.compiler.types.Universe.FLOAT32;
            case F64 -> glassgo.compiler.types.Universe.FLOAT64;
            default -> glassgo.compiler.types.Universe.INT64;
        };
    }

    private Ir.Expr newobject(Type t) {
        return new CallRt("Abi", "newobject", List.of(typeRef(t)), K.I);
    }

    /** The index of t's descriptor in the program's type table. */
    TypeRef typeRef(Type t) {
        String key = t.toString() + "#" + Layouts.size(t);
        Integer i = typeIndex.get(key);
        if (i == null) {
            i = typeDescs.size();
            typeDescs.add(new TypeDesc(t.toString(), Layouts.size(t), Layouts.pointerWords(t)));
            typeIndex.put(key, i);
        }
        return new TypeRef(i);
    }

    TypeRef typeRefDesc(String key, TypeDesc d) {
        Integer i = typeIndex.get("#" + key);
        if (i == null) {
            i = typeDescs.size();
            typeDescs.add(d);
            typeIndex.put("#" + key, i);
        }
        return new TypeRef(i);
    }

    private long stringData(byte[] b) {
        String key = new String(b, StandardCharsets.ISO_8859_1);
        Long off = strings.get(key);
        if (off == null) {
            off = (long) data.size();
            data.writeBytes(b);
            while (data.size() % 8 != 0) {
                data.write(0);
            }
            strings.put(key, off);
        }
        return off;
    }

    /** Spills a pointer value into a fresh frame slot and returns an expression that re-reads it. */
    Ir.Expr spillPtr(Ir.Expr v) {
        if (v instanceof Load ld && ld.addr() instanceof FrameAddr) {
            return v;
        }
        if (v instanceof CallRt c && c.name().equals("nilcheck") && c.args().get(0) instanceof Load ld && ld.addr() instanceof FrameAddr) {
            return v; // a nil-checked frame slot: re-reading (and re-checking) it is as stable as the slot
        }
        if (v instanceof IConst) {
            return v;
        }
        long off = frameWord(true);
        out.add(new Store(Mem.I64, new FrameAddr(off), v));
        return new Load(Mem.I64, new FrameAddr(off));
    }

    private Ir.Expr spillScalar(Ir.Expr v, Type t) {
        if (Layouts.isPointerShaped(t)) {
            return spillPtr(v);
        }
        if (v instanceof IConst || v instanceof FConst || v instanceof Local) {
            return v;
        }
        int slot = newLocal();
        out.add(new SetLocal(slot, v));
        return new Local(slot, v.kind());
    }

    Ir.Expr nilcheck(Ir.Expr p) {
        return new CallRt("Abi", "nilcheck", List.of(p), K.I);
    }

    // =============================================================================== statements

    private void line(int pos) {
        if (pos > 0) {
            out.add(new Line(fset.position(pos).line()));
        }
    }

    void lowerBlock(List<glassgo.compiler.ast.Stmt> list) {
        if (list.stream().anyMatch(st -> st instanceof LabeledStmt ls && gotoTargets.contains(ls.label.name))) {
            gotoBlock(list);
            return;
        }
        for (glassgo.compiler.ast.Stmt s : list) {
            lowerStmt(s);
        }
    }

    // =============================================================================== goto

    /** Labels some goto of the current function names (Go: a goto's target is in the same or an enclosing block). */
    private Set<String> gotoTargets = Set.of();
    /** A goto target's dispatch: the loop to continue, the JVM local holding the segment number, the segment. */
    private record GotoLabel(int loop, int pcSlot, int segment) {}
    private final Map<String, GotoLabel> gotoLabels = new HashMap<>();

    private static Set<String> gotoTargets(BlockStmt body) {
        Set<String> s = new java.util.HashSet<>();
        if (body != null) {
            Inspector.inspect(body, n -> {
                if (n instanceof BranchStmt bs && bs.tok == Token.GOTO && bs.label != null) {
                    s.add(bs.label.name);
                }
                return !(n instanceof FuncLit);
            });
        }
        return s;
    }

    /**
     * A statement list with goto targets, as a dispatch loop over its segments (the statements before the
     * first target label, then each label's statements up to the next one). Any goto, forward or backward,
     * from any depth inside the list, sets the segment number and continues the loop; nested blocks skip the
     * segments before it:
     * <pre>
     * pc = 0
     * loop D { block C_n { ... block C_1 { if pc == 1 break C_1; ... if pc == n break C_n; seg_0 } seg_1 ... } seg_n; break D }
     * </pre>
     * The JVM verifier accepts it (it is structured), and irreducible control flow needs nothing more.
     */
    private void gotoBlock(List<glassgo.compiler.ast.Stmt> list) {
        List<List<glassgo.compiler.ast.Stmt>> segs = new ArrayList<>();
        segs.add(new ArrayList<>());
        int loop = nextLabel++;
        int pc = newLocal();
        for (glassgo.compiler.ast.Stmt st : list) {
            if (st instanceof LabeledStmt ls && gotoTargets.contains(ls.label.name)) {
                gotoLabels.put(ls.label.name, new GotoLabel(loop, pc, segs.size()));
                segs.add(new ArrayList<>());
            }
            segs.get(segs.size() - 1).add(st);
        }
        int n = segs.size() - 1;
        int[] blocks = new int[n + 1];
        for (int k = 1; k <= n; k++) {
            blocks[k] = nextLabel++;
        }
        out.add(new SetLocal(pc, new IConst(0)));
        List<Stmt> body = sub(() -> {
            // innermost: the dispatch, then segment 0
            List<Stmt> inner = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                inner.add(new If(new Bin(Op.EQ, K.I, new Local(pc, K.I), new IConst(k)), List.of(new Break(blocks[k])), List.of()));
            }
            inner.addAll(sub(() -> segs.get(0).forEach(this::lowerStmt)));
            for (int k = 1; k <= n; k++) {
                List<Stmt> wrapped = new ArrayList<>();
                wrapped.add(new Block(blocks[k], inner));
                int kk = k;
                wrapped.addAll(sub(() -> segs.get(kk).forEach(this::lowerStmt)));
                inner = wrapped;
            }
            out.addAll(inner);
            out.add(new Break(loop));
        });
        out.add(new Loop(loop, body, List.of()));
    }

    private void gotoStmt(BranchStmt bs) {
        GotoLabel gl = gotoLabels.get(bs.label.name);
        if (gl == null) {
            throw new Unsupported("goto into a block not yet lowered", bs.pos());
        }
        out.add(new SetLocal(gl.pcSlot(), new IConst(gl.segment())));
        out.add(new Poll());   // a backward goto is a loop: preemptible like a back-edge
        out.add(new Continue(gl.loop()));
    }

    List<Stmt> sub(Runnable r) {
        List<Stmt> saved = out;
        out = new ArrayList<>();
        try {
            r.run();
            return out;
        } finally {
            out = saved;
        }
    }

    private void lowerStmt(glassgo.compiler.ast.Stmt s) {
        try {
            line(s.pos());
            lowerStmt0(s);
        } catch (Unsupported u) {
            if (u.pos < 0) {
                u.pos = s.pos();
            }
            throw u;
        }
    }

    private void lowerStmt0(glassgo.compiler.ast.Stmt s) {
        switch (s) {
            case BlockStmt b -> lowerBlock(b.list);
            case EmptyStmt e -> { }
            case ExprStmt es -> exprStmt(es.x);
            case DeclStmt ds -> declStmt(ds.decl);
            case AssignStmt as -> assignStmt(as);
            case IncDecStmt ids -> {
                Type t = info.typeOf(ids.x);
                Target tg = target(ids.x);
                Ir.Expr one = Layouts.kind(t) == K.F ? new FConst(1) : new IConst(1);
                Ir.Expr v = arith(ids.tok == Token.INC ? Token.ADD : Token.SUB, t, readTarget(tg), one, ids.x);
                writeTarget(tg, v);
            }
            case IfStmt is -> ifStmt(is);
            case ForStmt fs -> forStmt(fs);
            case RangeStmt rs -> rangeStmt(rs);
            case SwitchStmt ss -> switchStmt(ss);
            case ReturnStmt rs -> returnStmt(rs);
            case LabeledStmt ls -> {
                String name = ls.label.name;
                if (ls.stmt instanceof ForStmt || ls.stmt instanceof RangeStmt || ls.stmt instanceof SwitchStmt) {
                    pendingLabel = name;
                    lowerStmt(ls.stmt);
                } else {
                    int id = nextLabel++;
                    labels.put(name, new int[] {id, -1});
                    List<Stmt> body = sub(() -> lowerStmt(ls.stmt));
                    out.add(new Block(id, body));
                }
            }
            case BranchStmt bs -> branch(bs);
            case GoStmt g -> chans.goStmt(g);
            case DeferStmt d -> deferStmt(d);
            case SelectStmt sel -> chans.select(sel, nextLabel++);
            case SendStmt send -> chans.send(send);
            case TypeSwitchStmt ts -> typeSwitchStmt(ts);
            default -> throw new Unsupported("statement " + s.getClass().getSimpleName(), s.pos());
        }
    }

    private void branch(BranchStmt bs) {
        switch (bs.tok) {
            case BREAK -> {
                int id = bs.label == null ? breakTarget : labels.get(bs.label.name)[0];
                out.add(new Break(id));
            }
            case CONTINUE -> {
                int id = bs.label == null ? continueTarget : labels.get(bs.label.name)[1];
                out.add(new Continue(id));
            }
            case FALLTHROUGH -> {
                if (fallthroughSel < 0) {
                    throw new Unsupported("fallthrough here", bs.pos());
                }
                out.add(new SetLocal(fallthroughSel, new IConst(fallthroughNext)));
            }
            case GOTO -> gotoStmt(bs);
            default -> throw new Unsupported("branch " + bs.tok, bs.pos());
        }
    }

    private void exprStmt(glassgo.compiler.ast.Expr x) {
        glassgo.compiler.ast.Expr e = unparen(x);
        if (e instanceof CallExpr c) {
            Builtin.Id b = info.builtin(unparen(c.fun));
            if (b != null) {
                builtinStmt(b, c);
                return;
            }
            Ir.Expr r = call(c, null);
            if (r != null) {
                out.add(new Eval(r));
            }
            return;
        }
        if (e instanceof UnaryExpr u && u.op == Token.ARROW) {
            chans.recvStmt(u);
            return;
        }
        throw new Unsupported("expression statement", x.pos());
    }

    private void declStmt(GenDecl gd) {
        if (gd.tok != Token.VAR) {
            return; // const and type declarations need no code
        }
        for (Spec sp : gd.specs) {
            ValueSpec vs = (ValueSpec) sp;
            List<glassgo.compiler.ast.Expr> lhs = new ArrayList<>(vs.names);
            if (vs.values.isEmpty()) {
                for (Ident id : vs.names) {
                    if (info.def(id) instanceof Var v) {
                        declareLocal(v);
                    }
                }
            } else if (vs.values.size() == 1 && vs.names.size() > 1) {
                assignMulti(lhs, vs.values.get(0), true);
            } else {
                assign(lhs, vs.values, true);
            }
        }
    }

    private void assignStmt(AssignStmt as) {
        boolean define = as.tok == Token.DEFINE;
        if (as.tok == Token.ASSIGN || define) {
            if (as.rhs.size() == 1 && as.lhs.size() > 1) {
                assignMulti(as.lhs, as.rhs.get(0), define);
            } else {
                assign(as.lhs, as.rhs, define);
            }
            return;
        }
        // op=
        Token op = switch (as.tok) {
            case ADD_ASSIGN -> Token.ADD;
            case SUB_ASSIGN -> Token.SUB;
            case MUL_ASSIGN -> Token.MUL;
            case QUO_ASSIGN -> Token.QUO;
            case REM_ASSIGN -> Token.REM;
            case AND_ASSIGN -> Token.AND;
            case OR_ASSIGN -> Token.OR;
            case XOR_ASSIGN -> Token.XOR;
            case SHL_ASSIGN -> Token.SHL;
            case SHR_ASSIGN -> Token.SHR;
            case AND_NOT_ASSIGN -> Token.AND_NOT;
            default -> throw new Unsupported("assignment " + as.tok, as.pos());
        };
        glassgo.compiler.ast.Expr lhs = as.lhs.get(0);
        Type t = info.typeOf(lhs);
        if (!Layouts.isScalar(t)) {
            if (op == Token.ADD && Predicates.isString(t)) {
                Loc res = frameTemp(t);
                Target tg = target(lhs);
                Loc cur = frameTemp(t);
                copy(t, tg.loc, cur);
                Loc r = aggr(as.rhs.get(0));
                concat(res, cur, r);
                Target tg2 = target(lhs);
                copy(t, res, tg2.loc);
                return;
            }
            throw new Unsupported("op= on " + t, as.pos());
        }
        Ir.Expr rhs = hasSafepoint(as.rhs.get(0)) ? spillScalar(scalar(as.rhs.get(0)), info.typeOf(as.rhs.get(0))) : null;
        Target tg = target(lhs);
        if (rhs == null) {
            rhs = scalar(as.rhs.get(0));
        }
        Ir.Expr v = binaryOp(op, t, info.typeOf(as.rhs.get(0)), readTarget(tg), rhs, as);
        writeTarget(tg, v);
    }

    /** Where an assignment stores: a JVM local or memory. */
    record Target(int slot, Loc loc, Type type, boolean blank) {}

    Target target(glassgo.compiler.ast.Expr e) {
        e = unparen(e);
        Type t = info.typeOf(e);
        if (e instanceof Ident id) {
            if (id.name.equals("_")) {
                return new Target(-1, null, t, true);
            }
            Var v = (Var) info.obj(id);
            VarLoc vl = varLoc(v, id.pos());
            if (vl.kind == VarLoc.REG) {
                return new Target(vl.slot, null, varType(v), false);
            }
            return new Target(-1, locOf(vl), varType(v), false);
        }
        if (e instanceof IndexExpr ix && info.typeOf(ix.x).underlying() instanceof glassgo.compiler.types.Map) {
            return new Target(-1, maps.target(ix), t, false);
        }
        return new Target(-1, addressOf(e), t, false);
    }

    private Ir.Expr readTarget(Target tg) {
        if (tg.loc == null) {
            return new Local(tg.slot, Layouts.kind(tg.type));
        }
        return load(tg.type, tg.loc);
    }

    void writeTarget(Target tg, Ir.Expr v) {
        if (tg.blank) {
            out.add(new Eval(v));
        } else if (tg.loc == null) {
            out.add(new SetLocal(tg.slot, v));
        } else {
            storeTo(tg.loc, tg.type, v);
        }
    }

    /** x1, x2 = e1, e2 (also :=, var x = e): values first, then the stores, as Go's two phases. */
    private void assign(List<glassgo.compiler.ast.Expr> lhs, List<glassgo.compiler.ast.Expr> rhs, boolean define) {
        if (lhs.size() == 1) {
            assignOne(lhs.get(0), rhs.get(0), define);
            return;
        }
        List<Object> vals = new ArrayList<>();
        for (int ri = 0; ri < rhs.size(); ri++) {
            glassgo.compiler.ast.Expr r = rhs.get(ri);
            Type t = info.typeOf(r);
            Type lt0 = info.typeOf(lhs.get(ri));
            if (lhs.get(ri) instanceof Ident lid && info.obj(lid) instanceof Var lv) {
                lt0 = varType(lv);
            }
            if (lt0 != null && isIface(lt0) && !isIface(t)) {
                Loc tmp = frameTemp(lt0);
                intoAs(r, tmp, lt0);
                vals.add(tmp);
            } else if (Layouts.isScalar(t) || isNil(r)) {
                Type lt = t;
                vals.add(spillScalarAlways(scalar(r), lt));
            } else {
                Loc tmp = frameTemp(t);
                into(r, tmp);
                vals.add(tmp);
            }
        }
        for (int i = 0; i < lhs.size(); i++) {
            glassgo.compiler.ast.Expr l = lhs.get(i);
            Target tg = defineOrTarget(l, define);
            if (tg.blank) {
                continue;
            }
            Object v = vals.get(i);
            if (v instanceof Loc src) {
                copy(tg.type, src, tg.loc);
            } else {
                writeTarget(tg, convertScalar((Ir.Expr) v, info.typeOf(rhs.get(i)), tg.type));
            }
        }
    }

    Ir.Expr spillScalarAlways(Ir.Expr v, Type t) {
        if (Layouts.isPointerShaped(t) || v.kind() == K.I && isPtrExpr(v)) {
            long off = frameWord(true);
            out.add(new Store(Mem.I64, new FrameAddr(off), v));
            return new Load(Mem.I64, new FrameAddr(off));
        }
        int slot = newLocal();
        out.add(new SetLocal(slot, v));
        return new Local(slot, v.kind());
    }

    private static boolean isPtrExpr(Ir.Expr v) {
        return false;
    }

    Target defineOrTarget(glassgo.compiler.ast.Expr l, boolean define) {
        if (define && l instanceof Ident id && !id.name.equals("_") && info.def(id) instanceof Var v && !vars.containsKey(v)
                && !globals.containsKey(v)) {
            declareLocal(v);
        }
        return target(l);
    }

    private void assignOne(glassgo.compiler.ast.Expr l, glassgo.compiler.ast.Expr r, boolean define) {
        if (LowerMaps.isMapIndex(info, l)) {
            maps.assignStmt((IndexExpr) unparen(l), r);
            return;
        }
        Type rt = info.typeOf(r);
        if (l instanceof Ident id && id.name.equals("_")) {
            if (Layouts.isScalar(rt) || isNil(r)) {
                out.add(new Eval(scalar(r)));
            } else {
                into(r, frameTemp(rt));
            }
            return;
        }
        boolean fresh = define && l instanceof Ident id && info.def(id) instanceof Var v && !vars.containsKey(v)
                && !globals.containsKey(v);
        Type lt = info.typeOf(l) != null ? info.typeOf(l) : rt;
        if (l instanceof Ident lid && info.obj(lid) instanceof Var lv) {
            lt = varType(lv);
        }
        if (Layouts.isScalar(lt)) {
            Ir.Expr v = null;
            if (hasSafepoint(r) && !fresh) {
                v = spillScalar(scalar(r), lt);
            }
            Target tg = defineOrTarget(l, define);
            if (v == null) {
                v = scalar(r);
            }
            writeTarget(tg, convertScalar(v, rt, tg.type));
            return;
        }
        if (fresh || !hasSafepoint(r)) {
            Target tg = defineOrTarget(l, define);
            if (tg.loc.heap() || mayAlias(r)) {
                Loc tmp = frameTemp(lt);
                intoAs(r, tmp, lt);
                copy(lt, tmp, tg.loc);
            } else {
                intoAs(r, tg.loc, lt);
            }
        } else {
            Loc tmp = frameTemp(lt);
            intoAs(r, tmp, lt);
            Target tg = defineOrTarget(l, define);
            copy(lt, tmp, tg.loc);
        }
    }

    /** Whether writing {@code r} piecewise into its destination could read what it already overwrote. */
    private boolean mayAlias(glassgo.compiler.ast.Expr r) {
        r = unparen(r);
        return !(r instanceof CallExpr c && info.builtin(unparen(c.fun)) == null && !info.isType(unparen(c.fun)))
                && !(r instanceof BasicLit);
    }

    /**
     * Calls {@code c} (whose ABI is {@code cabi}) and copies each result out of the popped callee frame into a
     * temporary of this frame before anything else runs: f()'s results as several values.
     */
    private List<Loc> callToTemps(CallExpr c, CallAbi cabi) {
        call(c, null);
        List<Loc> tmps = new ArrayList<>();
        for (int i = 0; i < cabi.results.size(); i++) {
            Type t = cabi.results.get(i);
            Loc tmp = frameTemp(t);
            copy(t, new Loc(new OutAddr(cabi.resultOffs[i]), 0, false), tmp);
            tmps.add(tmp);
        }
        return tmps;
    }

    /** a, b = f() */
    private void assignMulti(List<glassgo.compiler.ast.Expr> lhs, glassgo.compiler.ast.Expr r, boolean define) {
        r = unparen(r);
        if (r instanceof TypeAssertExpr ta) {
            commaOkAssert(lhs, ta, define);
            return;
        }
        if (LowerMaps.isMapIndex(info, r)) {
            maps.commaOk(lhs, (IndexExpr) r, define);
            return;
        }
        if (r instanceof UnaryExpr u && u.op == Token.ARROW) {
            chans.commaOk(lhs, u, define);
            return;
        }
        if (!(r instanceof CallExpr c) || info.builtin(unparen(c.fun)) != null) {
            throw new Unsupported("comma-ok forms (maps, type assertions, channel receives)", r.pos());
        }
        CallAbi cabi = callAbi(c);
        List<Loc> tmps = callToTemps(c, cabi);
        for (int i = 0; i < lhs.size(); i++) {
            Target tg = defineOrTarget(lhs.get(i), define);
            if (tg.blank) {
                continue;
            }
            storeResult(tg, cabi.results.get(i), tmps.get(i));
        }
    }

    private void ifStmt(IfStmt is) {
        if (is.init != null) {
            lowerStmt(is.init);
        }
        Ir.Expr c = scalar(is.cond);
        List<Stmt> then = sub(() -> lowerBlock(is.body.list));
        List<Stmt> els = is.elseStmt == null ? List.of() : sub(() -> lowerStmt(is.elseStmt));
        out.add(new If(c, then, els));
    }

    private int[] loopLabels() {
        int id = nextLabel++;
        int[] ids = {id, id};
        if (pendingLabel != null) {
            labels.put(pendingLabel, ids);
            pendingLabel = null;
        }
        return ids;
    }

    private void forStmt(ForStmt fs) {
        int[] ids = loopLabels();
        if (fs.init != null) {
            lowerStmt(fs.init);
        }
        int savedB = breakTarget, savedC = continueTarget;
        breakTarget = ids[0];
        continueTarget = ids[0];
        try {
            List<Stmt> body = sub(() -> {
                if (fs.cond != null) {
                    Ir.Expr c = scalar(fs.cond);
                    out.add(new If(c, List.of(), List.of(new Break(ids[0]))));
                }
                lowerBlock(fs.body.list);
            });
            List<Stmt> post = sub(() -> {
                if (fs.post != null) {
                    lowerStmt(fs.post);
                }
                out.add(new Poll());
            });
            out.add(new Loop(ids[0], body, post));
        } finally {
            breakTarget = savedB;
            continueTarget = savedC;
        }
    }

    private void rangeStmt(RangeStmt rs) {
        int[] ids = loopLabels();
        Type xt = info.typeOf(rs.x);
        Type u = xt.underlying();
        boolean define = rs.tok == Token.DEFINE;
        int savedB = breakTarget, savedC = continueTarget;
        breakTarget = ids[0];
        continueTarget = ids[0];
        try {
            if (u instanceof Basic b && b.is(Basic.IS_STRING)) {
                Loc s = frameTemp(xt);
                into(rs.x, s);
                int i = newLocal();
                int next = newLocal();
                int len = newLocal();
                out.add(new SetLocal(next, new IConst(0)));
                out.add(new SetLocal(len, new Load(Mem.I64, s.at(8).addr())));
                List<Stmt> body = sub(() -> {
                    out.add(new If(new Bin(Op.GE, K.I, new Local(next, K.I), new Local(len, K.I)), List.of(new Break(ids[0])), List.of()));
                    out.add(new SetLocal(i, new Local(next, K.I)));
                    int packed = newLocal();
                    out.add(new SetLocal(packed, new CallRt("Abi", "decoderune",
                            List.of(new Load(Mem.I64, s.addr()), new Local(len, K.I), new Local(i, K.I)), K.I)));
                    out.add(new SetLocal(next, new Bin(Op.AND, K.I, new Local(packed, K.I), new IConst(0xffffffffL))));
                    if (rs.key != null) {
                        assignScalarTo(rs.key, define, new Local(i, K.I));
                    }
                    if (rs.value != null) {
                        assignScalarTo(rs.value, define, new Bin(Op.SHR, K.I, new Local(packed, K.I), new IConst(32)));
                    }
                    lowerBlock(rs.body.list);
                });
                out.add(new Loop(ids[0], body, List.of(new Poll())));
                return;
            }
            if (u instanceof glassgo.compiler.types.Map) {
                maps.range(rs, ids[0], define);
                return;
            }
            if (u instanceof glassgo.compiler.types.Chan) {
                chans.range(rs, ids[0], define);
                return;
            }
            Type elem;
            Loc base;       // where the elements are: a stable location (frame temp or array location)
            Ir.Expr lenE;
            boolean sliceLike;
            if (u instanceof Slice sl) {
                elem = sl.elem();
                Loc s = frameTemp(xt);
                into(rs.x, s);
                base = s;
                lenE = new Load(Mem.I64, s.at(8).addr());
                sliceLike = true;
            } else if (u instanceof Array a) {
                elem = a.elem();
                lenE = new IConst(a.len());
                if (rs.value == null) {
                    base = null;
                } else {
                    Loc tmp = frameTemp(xt);   // Go ranges over a copy of an array
                    into(rs.x, tmp);
                    base = tmp;
                }
                sliceLike = false;
            } else if (u instanceof Pointer p && p.elem().underlying() instanceof Array a) {
                elem = a.elem();
                lenE = new IConst(a.len());
                Ir.Expr ptr = spillPtr(scalar(rs.x));
                base = rs.value == null ? null : new Loc(ptr, 0, true);
                sliceLike = false;
            } else {
                throw new Unsupported("range over " + xt, rs.x.pos());
            }
            int i = newLocal();
            int len = newLocal();
            out.add(new SetLocal(i, new IConst(0)));
            out.add(new SetLocal(len, lenE));
            long es = Layouts.size(elem);
            List<Stmt> body = sub(() -> {
                out.add(new If(new Bin(Op.GE, K.I, new Local(i, K.I), new Local(len, K.I)), List.of(new Break(ids[0])), List.of()));
                if (rs.key != null) {
                    assignScalarTo(rs.key, define, new Local(i, K.I));
                }
                if (rs.value != null) {
                    Ir.Expr ptr = sliceLike ? new Load(Mem.I64, base.addr()) : base.addr();
                    Loc el = new Loc(new Bin(Op.ADD, K.I, ptr, new Bin(Op.MUL, K.I, new Local(i, K.I), new IConst(es))), 0, true);
                    if (!(rs.value instanceof Ident id && id.name.equals("_"))) {
                        if (define && info.def((Ident) rs.value) instanceof Var v && !vars.containsKey(v)) {
                            declareLocal(v);
                        }
                        Target tg = target(rs.value);
                        if (Layouts.isScalar(elem)) {
                            writeTarget(tg, load(elem, el));
                        } else {
                            copy(elem, el, tg.loc);
                        }
                    }
                }
                lowerBlock(rs.body.list);
            });
            out.add(new Loop(ids[0], body, List.of(new SetLocal(i, new Bin(Op.ADD, K.I, new Local(i, K.I), new IConst(1))), new Poll())));
        } finally {
            breakTarget = savedB;
            continueTarget = savedC;
        }
    }

    private void assignScalarTo(glassgo.compiler.ast.Expr l, boolean define, Ir.Expr v) {
        if (l instanceof Ident id && id.name.equals("_")) {
            return;
        }
        if (define && l instanceof Ident id && info.def(id) instanceof Var var && !vars.containsKey(var)) {
            declareLocal(var);
        }
        Target tg = target(l);
        writeTarget(tg, v);
    }

    /**
     * switch: the clause is chosen first (sel = index of the matching clause), then the bodies run in order
     * guarded by sel, so fallthrough is "sel = next".
     */
    private void switchStmt(SwitchStmt ss) {
        int id = nextLabel++;
        if (pendingLabel != null) {
            labels.put(pendingLabel, new int[] {id, continueTarget});
            pendingLabel = null;
        }
        if (ss.init != null) {
            lowerStmt(ss.init);
        }
        Type tagT = ss.tag == null ? null : info.typeOf(ss.tag);
        Object tag = null;
        if (ss.tag != null) {
            if (Layouts.isScalar(tagT)) {
                tag = spillScalarAlways(scalar(ss.tag), tagT);
            } else {
                Loc l = frameTemp(tagT);
                into(ss.tag, l);
                tag = l;
            }
        }
        int sel = newLocal();
        out.add(new SetLocal(sel, new IConst(-1)));
        List<CaseClause> clauses = ss.body.list.stream().map(c -> (CaseClause) c).toList();
        int dflt = -1;
        List<Stmt> chain = new ArrayList<>();
        List<Stmt> cur = chain;
        for (int k = 0; k < clauses.size(); k++) {
            CaseClause cc = clauses.get(k);
            if (cc.list == null || cc.list.isEmpty()) {
                dflt = k;
                continue;
            }
            for (glassgo.compiler.ast.Expr e : cc.list) {
                final Object tagv = tag;
                List<Stmt> condStmts = new ArrayList<>();
                List<Stmt> saved = out;
                out = condStmts;
                Ir.Expr c;
                if (tagv == null) {
                    c = scalar(e);
                } else if (tagv instanceof Loc tl) {
                    Loc el;
                    if (isIface(tagT) && !isIface(info.typeOf(e))) {
                        el = frameTemp(tagT);
                        intoAs(e, el, tagT);
                    } else {
                        el = aggr(e);
                    }
                    c = compareAggr(Token.EQL, tagT, tl, el, e);
                } else {
                    c = compare(Token.EQL, tagT, (Ir.Expr) tagv, convertScalar(scalar(e), info.typeOf(e), tagT), e);
                }
                out = saved;
                List<Stmt> els = new ArrayList<>();
                cur.addAll(condStmts);
                cur.add(new If(c, List.of(new SetLocal(sel, new IConst(k))), els));
                cur = els;
            }
        }
        if (dflt >= 0) {
            cur.add(new SetLocal(sel, new IConst(dflt)));
        }
        List<Stmt> blockBody = new ArrayList<>(chain);
        int savedB = breakTarget, savedSel = fallthroughSel, savedNext = fallthroughNext;
        breakTarget = id;
        try {
            for (int k = 0; k < clauses.size(); k++) {
                CaseClause cc = clauses.get(k);
                fallthroughSel = k + 1 < clauses.size() ? sel : -1;
                fallthroughNext = k + 1;
                boolean falls = !cc.body.isEmpty() && cc.body.get(cc.body.size() - 1) instanceof BranchStmt b
                        && b.tok == Token.FALLTHROUGH;
                List<Stmt> body = sub(() -> lowerBlock(cc.body));
                if (!falls) {
                    body.add(new Break(id));
                }
                blockBody.add(new If(new Bin(Op.EQ, K.I, new Local(sel, K.I), new IConst(k)), body, List.of()));
            }
        } finally {
            breakTarget = savedB;
            fallthroughSel = savedSel;
            fallthroughNext = savedNext;
        }
        out.add(new Block(id, blockBody));
    }

    private void returnStmt(ReturnStmt rs) {
        if (deferSlot >= 0) {
            returnWithDefers(rs);
            return;
        }
        if (rs.results.isEmpty()) {
            if (abi.scalarResult) {
                out.add(new Return(readVar(resultVars.get(0), rs.pos())));
            } else {
                copyBoxedResults();
                out.add(new Return(null));
            }
            return;
        }
        List<glassgo.compiler.ast.Expr> vals = rs.results;
        if (vals.size() == 1 && abi.results.size() > 1) {
            CallExpr c = (CallExpr) unparen(vals.get(0));
            List<Loc> tmps = callToTemps(c, callAbi(c));
            for (int i = 0; i < tmps.size(); i++) {
                copy(abi.results.get(i), tmps.get(i), new Loc(new FrameAddr(abi.resultOffs[i]), 0, false));
            }
            out.add(new Return(null));
            return;
        }
        if (abi.scalarResult) {
            Type t = abi.results.get(0);
            out.add(new Return(convertScalar(scalar(vals.get(0)), info.typeOf(vals.get(0)), t)));
            return;
        }
        // evaluate every result first (they may read named results), then store them
        List<Object> tmp = new ArrayList<>();
        for (int i = 0; i < vals.size(); i++) {
            Type t = abi.results.get(i);
            if (Layouts.isScalar(t)) {
                tmp.add(spillScalarAlways(convertScalar(scalar(vals.get(i)), info.typeOf(vals.get(i)), t), t));
            } else {
                Loc l = frameTemp(t);
                intoAs(vals.get(i), l, t);
                tmp.add(l);
            }
        }
        for (int i = 0; i < vals.size(); i++) {
            Type t = abi.results.get(i);
            Loc dst = new Loc(new FrameAddr(abi.resultOffs[i]), 0, false);
            if (tmp.get(i) instanceof Loc l) {
                copy(t, l, dst);
            } else {
                storeTo(dst, t, (Ir.Expr) tmp.get(i));
            }
        }
        out.add(new Return(null));
    }

    /** return in a function with deferred calls: set the result variables, run the defers, return them. */
    private void returnWithDefers(ReturnStmt rs) {
        List<glassgo.compiler.ast.Expr> vals = rs.results;
        List<Object> tmp = new ArrayList<>();
        if (vals.size() == 1 && resultVars.size() > 1) {
            // return f(): f's results, copied out of its frame, become the result variables
            CallExpr c = (CallExpr) unparen(vals.get(0));
            CallAbi cabi = callAbi(c);
            List<Loc> tmps = callToTemps(c, cabi);
            for (int i = 0; i < tmps.size(); i++) {
                Type t = varType(resultVars.get(i));
                if (!Predicates.identical(t, cabi.results.get(i))) {
                    throw new Unsupported("return f() converting its results in a function with defer", rs.pos());
                }
                tmp.add(Layouts.isScalar(t) ? spillScalarAlways(load(t, tmps.get(i)), t) : tmps.get(i));
            }
            vals = List.of();
        }
        for (int i = 0; i < vals.size(); i++) {
            Type t = varType(resultVars.get(i));
            if (Layouts.isScalar(t)) {
                tmp.add(spillScalarAlways(convertScalar(scalar(vals.get(i)), info.typeOf(vals.get(i)), t), t));
            } else {
                Loc l = frameTemp(t);
                intoAs(vals.get(i), l, t);
                tmp.add(l);
            }
        }
        for (int i = 0; i < tmp.size(); i++) {
            Var rv = resultVars.get(i);
            VarLoc vl = varLoc(rv, rs.pos());
            if (tmp.get(i) instanceof Loc l) {
                copy(varType(rv), l, locOf(vl));
            } else if (vl.kind == VarLoc.REG) {
                out.add(new SetLocal(vl.slot, (Ir.Expr) tmp.get(i)));
            } else {
                storeTo(locOf(vl), varType(rv), (Ir.Expr) tmp.get(i));
            }
        }
        returnAfterDefers();
    }

    /** Named results that live on the heap are copied to the result area at return. */
    private void copyBoxedResults() {
        for (int i = 0; i < resultVars.size(); i++) {
            VarLoc vl = vars.get(resultVars.get(i));
            if (vl != null && vl.kind == VarLoc.BOXED) {
                copy(vl.type, locOf(vl), new Loc(new FrameAddr(abi.resultOffs[i]), 0, false));
            }
        }
    }

    private Ir.Expr readVar(Var v, int pos) {
        VarLoc vl = varLoc(v, pos);
        if (vl.kind == VarLoc.REG) {
            return new Local(vl.slot, Layouts.kind(varType(v)));
        }
        return load(varType(v), locOf(vl));
    }

    // =============================================================================== expressions

    static glassgo.compiler.ast.Expr unparen(glassgo.compiler.ast.Expr e) {
        while (e instanceof ParenExpr p) {
            e = p.x;
        }
        return e;
    }

    private boolean isNil(glassgo.compiler.ast.Expr e) {
        Type t = info.typeOf(e);
        return t instanceof Basic b && b.kind() == Basic.Kind.UNTYPED_NIL;
    }

    /** Whether evaluating e may reach a safepoint (a call, an allocation). */
    private boolean hasSafepoint(glassgo.compiler.ast.Expr e) {
        boolean[] found = {false};
        Inspector.inspect(e, n -> {
            if (n instanceof CallExpr c) {
                if (!info.isType(unparen(c.fun))) {
                    Builtin.Id b = info.builtin(unparen(c.fun));
                    if (b == null || b == Builtin.Id.APPEND || b == Builtin.Id.MAKE || b == Builtin.Id.NEW) {
                        found[0] = true;
                    }
                } else if (!Layouts.isScalar(info.typeOf(c))) {
                    found[0] = true;
                }
            } else if (n instanceof UnaryExpr u && u.op == Token.ARROW) {
                found[0] = true;   // a receive may park: a safepoint
            } else if (n instanceof CompositeLit || (n instanceof BinaryExpr be && be.op == Token.ADD
                    && info.typeOf(be) != null && Predicates.isString(info.typeOf(be)) && info.constant(be) == null)) {
                found[0] = true;
            }
            return !found[0];
        });
        return found[0];
    }

    /** A scalar-typed expression's value. */
    Ir.Expr scalar(glassgo.compiler.ast.Expr e) {
        try {
            return scalar0(e);
        } catch (Unsupported u) {
            if (u.pos < 0) {
                u.pos = e.pos();
            }
            throw u;
        }
    }

    private Ir.Expr scalar0(glassgo.compiler.ast.Expr e) {
        e = unparen(e);
        if (pre.get(e) instanceof Ir.Expr done) {
            return done;
        }
        Type t = info.typeOf(e);
        Value cv = info.constant(e);
        if (cv != null) {
            return constScalar(cv, t);
        }
        if (isNil(e)) {
            return new IConst(0);
        }
        if (t != null && !Layouts.isScalar(t)) {
            throw new Unsupported(featureOf(e, t), e.pos());
        }
        switch (e) {
            case Ident id -> {
                Obj o = info.obj(id);
                if (o instanceof Var v) {
                    return readVar(v, id.pos());
                }
                if (o instanceof Func f) {
                    return funcValue(callee(f, id));
                }
                throw new Unsupported("identifier " + id.name, id.pos());
            }
            case BinaryExpr be -> {
                return binary(be);
            }
            case UnaryExpr ue -> {
                if (ue.op == Token.ARROW) {
                    return chans.recv(ue);
                }
                return unary(ue);
            }
            case StarExpr se -> {
                Ir.Expr p = nilcheck(scalar(se.x));
                return new Load(Layouts.mem(t), p);
            }
            case SelectorExpr sel -> {
                if (info.obj(sel.sel) instanceof Func m) {
                    return info.isType(sel.x) ? methodExpr(sel, m) : methodValue(sel, m);
                }
                return load(t, addressOf(sel));
            }
            case IndexExpr ix when unparen(ix.x) instanceof Ident fid && info.obj(fid) instanceof Func f -> {
                return funcValue(callee(f, fid));
            }
            case IndexListExpr il when unparen(il.x) instanceof Ident fid && info.obj(fid) instanceof Func f -> {
                return funcValue(callee(f, fid));
            }
            case IndexExpr ix -> {
                Type xt = info.typeOf(ix.x).underlying();
                if (xt instanceof glassgo.compiler.types.Map) {
                    return load(t, maps.access(ix));
                }
                if (xt instanceof Basic) {
                    return stringIndex(ix);
                }
                return load(t, addressOf(ix));
            }
            case CallExpr c -> {
                return callScalar(c);
            }
            case TypeAssertExpr ta -> {
                Loc tmp = frameTemp(t);
                assertInto(ta, tmp, -1);
                return load(t, tmp);
            }
            case FuncLit fl -> {
                return closure(fl);
            }
            case CompositeLit cl -> {
                if (t.underlying() instanceof glassgo.compiler.types.Map) {
                    return maps.literal(cl);
                }
                if (t.underlying() instanceof Pointer) {
                    Loc tmp = frameTemp(t);   // an elided &T{...} in []*T{{...}}
                    compositeLit(cl, tmp);
                    return load(t, tmp);
                }
                throw new Unsupported("composite literal of scalar type", cl.pos());
            }
            default -> throw new Unsupported("expression " + e.getClass().getSimpleName(), e.pos());
        }
    }

    private Ir.Expr constScalar(Value cv, Type t) {
        Type u = t.underlying();
        if (u instanceof Basic b) {
            if (b.is(Basic.IS_BOOLEAN)) {
                return new IConst(Constant.boolVal(cv) ? 1 : 0);
            }
            if (b.is(Basic.IS_FLOAT) || (b.kind() == Basic.Kind.UNTYPED_FLOAT)) {
                if (b.kind() == Basic.Kind.FLOAT32) {
                    return new FConst(Constant.float32Val(cv).value());
                }
                return new FConst(Constant.float64Val(cv).value());
            }
            if (b.is(Basic.IS_INTEGER)) {
                Value iv = Constant.toInt(cv);
                if (b.is(Basic.IS_UNSIGNED)) {
                    return new IConst(Constant.uint64Val(iv).value());
                }
                return new IConst(Constant.int64Val(iv).value());
            }
            if (b.is(Basic.IS_COMPLEX)) {
                throw new Unsupported("complex numbers");
            }
        }
        throw new Unsupported("constant of type " + t);
    }

    private Ir.Expr stringIndex(IndexExpr ix) {
        Loc s = aggr(ix.x);
        Ir.Expr i = index(ix.index, new Load(Mem.I64, s.at(8).addr()));
        return new Load(Mem.U8, new Bin(Op.ADD, K.I, new Load(Mem.I64, s.addr()), i));
    }

    /** An index checked against len: Go's panicIndex when out of range. */
    private Ir.Expr index(glassgo.compiler.ast.Expr idx, Ir.Expr len) {
        Ir.Expr i = scalar(idx);
        Type it = info.typeOf(idx);
        if (Predicates.isUnsigned(it) || info.constant(idx) != null) {
            i = convertScalar(i, it, glassgo.compiler.types.Universe.INT);
        }
        String m = Predicates.isUnsigned(it) ? "checkIndexU" : "checkIndex";
        return new CallRt("Abi", m, List.of(i, len), K.I);
    }

    private Ir.Expr binary(BinaryExpr be) {
        Type xt = info.typeOf(be.x);
        Type t = info.typeOf(be);
        switch (be.op) {
            case LAND -> {
                return new Cond(scalar(be.x), scalar(be.y), new IConst(0));
            }
            case LOR -> {
                return new Cond(scalar(be.x), new IConst(1), scalar(be.y));
            }
            case EQL, NEQ, LSS, LEQ, GTR, GEQ -> {
                if (isIface(xt) || isIface(info.typeOf(be.y))) {
                    return compareIface(be);
                }
                Type ct = isNil(be.x) ? info.typeOf(be.y) : xt;
                if (!Layouts.isScalar(ct) && !isNil(be.x) && !isNil(be.y)) {
                    Loc a = aggrStable(be.x, be.y);
                    Loc b = aggr(be.y);
                    return compareAggr(be.op, ct, a, b, be);
                }
                if (!Layouts.isScalar(ct)) {
                    // slice == nil
                    Loc a = isNil(be.x) ? aggr(be.y) : aggr(be.x);
                    Ir.Expr p = new Load(Mem.I64, a.addr());
                    return new Bin(be.op == Token.EQL ? Op.EQ : Op.NE, K.I, p, new IConst(0));
                }
                Ir.Expr a = scalar(be.x);
                if (hasSafepoint(be.y)) {
                    a = spillScalar(a, ct);
                }
                Ir.Expr b = scalar(be.y);
                if (Layouts.isScalar(xt)) {
                    a = convertScalar(a, xt, ct);
                }
                b = convertScalar(b, info.typeOf(be.y), ct);
                return compare(be.op, ct, a, b, be);
            }
            default -> { }
        }
        if (!Layouts.isScalar(t)) {
            throw new IllegalStateException("ir: binary " + be.op + " on " + t + " used as a scalar");
        }
        Ir.Expr a = scalar(be.x);
        if (hasSafepoint(be.y)) {
            a = spillScalar(a, t);
        }
        Ir.Expr b = scalar(be.y);
        return binaryOp(be.op, t, info.typeOf(be.y), convertScalar(a, xt, t), b, be);
    }

    /** x op y for scalars of type t (y of type yt: differs for shifts). */
    private Ir.Expr binaryOp(Token op, Type t, Type yt, Ir.Expr a, Ir.Expr b, Node at) {
        if (op == Token.SHL || op == Token.SHR) {
            boolean signedCount = !Predicates.isUnsigned(yt);
            String m = op == Token.SHL ? "shl" : Predicates.isUnsigned(t) ? "ushr" : "shr";
            return normalize(new CallRt("Abi", m, List.of(a, b, new IConst(signedCount ? 1 : 0)), K.I), t);
        }
        b = convertScalar(b, yt, t);
        return arith(op, t, a, b, at);
    }

    private Ir.Expr arith(Token op, Type t, Ir.Expr a, Ir.Expr b, Node at) {
        K k = Layouts.kind(t);
        boolean unsigned = Predicates.isUnsigned(t);
        if (k == K.F) {
            Op o = switch (op) {
                case ADD -> Op.ADD;
                case SUB -> Op.SUB;
                case MUL -> Op.MUL;
                case QUO -> Op.DIV;
                default -> throw new Unsupported("float operator " + op, at.pos());
            };
            return normalize(new Bin(o, K.F, a, b), t);
        }
        if (Predicates.isComplex(t)) {
            throw new Unsupported("complex numbers", at.pos());
        }
        Ir.Expr r = switch (op) {
            case ADD -> new Bin(Op.ADD, K.I, a, b);
            case SUB -> new Bin(Op.SUB, K.I, a, b);
            case MUL -> new Bin(Op.MUL, K.I, a, b);
            case QUO -> new CallRt("Abi", unsigned && Layouts.mem(t) == Mem.I64 ? "udiv" : "div", List.of(a, b), K.I);
            case REM -> new CallRt("Abi", unsigned && Layouts.mem(t) == Mem.I64 ? "urem" : "rem", List.of(a, b), K.I);
            case AND -> new Bin(Op.AND, K.I, a, b);
            case OR -> new Bin(Op.OR, K.I, a, b);
            case XOR -> new Bin(Op.XOR, K.I, a, b);
            case AND_NOT -> new Bin(Op.AND, K.I, a, new Un(Conv.COM, K.I, b));
            default -> throw new Unsupported("operator " + op, at.pos());
        };
        return normalize(r, t);
    }

    /** Re-normalizes a word to t's width (Go's wrap-around). */
    private Ir.Expr normalize(Ir.Expr v, Type t) {
        return switch (Layouts.mem(t)) {
            case I8 -> new Un(Conv.SEXT8, K.I, v);
            case U8 -> Predicates.isBoolean(t) ? v : new Un(Conv.ZEXT8, K.I, v);
            case I16 -> new Un(Conv.SEXT16, K.I, v);
            case U16 -> new Un(Conv.ZEXT16, K.I, v);
            case I32 -> new Un(Conv.SEXT32, K.I, v);
            case U32 -> new Un(Conv.ZEXT32, K.I, v);
            case F32 -> new Un(Conv.ROUND32, K.F, v);
            default -> v;
        };
    }

    private Ir.Expr compare(Token op, Type t, Ir.Expr a, Ir.Expr b, Node at) {
        boolean u64 = Predicates.isUnsigned(t) && Layouts.mem(t) == Mem.I64;
        Op o = switch (op) {
            case EQL -> Op.EQ;
            case NEQ -> Op.NE;
            case LSS -> u64 ? Op.ULT : Op.LT;
            case LEQ -> u64 ? Op.ULE : Op.LE;
            case GTR -> u64 ? Op.UGT : Op.GT;
            case GEQ -> u64 ? Op.UGE : Op.GE;
            default -> throw new Unsupported("comparison " + op, at.pos());
        };
        Ir.Expr cmp = new Bin(o, Layouts.kind(t), a, b);
        // a Bin's kind is its operands': a float comparison used as a value (return a == b) must be an int truth
        return Layouts.kind(t) == K.F ? new Cond(cmp, new IConst(1), new IConst(0)) : cmp;
    }

    private Ir.Expr compareAggr(Token op, Type t, Loc a, Loc b, Node at) {
        if (Predicates.isString(t)) {
            Ir.Expr pa = new Load(Mem.I64, a.addr()), la = new Load(Mem.I64, a.at(8).addr());
            Ir.Expr pb = new Load(Mem.I64, b.addr()), lb = new Load(Mem.I64, b.at(8).addr());
            if (op == Token.EQL || op == Token.NEQ) {
                Ir.Expr eq = new CallRt("Abi", "eqstring", List.of(pa, la, pb, lb), K.I);
                return op == Token.EQL ? eq : new Bin(Op.EQ, K.I, eq, new IConst(0));
            }
            Ir.Expr c = new CallRt("Abi", "cmpstring", List.of(pa, la, pb, lb), K.I);
            return compare(op, glassgo.compiler.types.Universe.INT, c, new IConst(0), at);
        }
        if (isIface(t)) {
            Ir.Expr eq = ifaceEq(t, a, b);
            return op == Token.EQL ? eq : new Bin(Op.EQ, K.I, eq, new IConst(0));
        }
        if (t.underlying() instanceof Struct || t.underlying() instanceof Array) {
            List<Layouts.Leaf> leaves = Layouts.leaves(t, 64);
            if (leaves == null) {
                throw new Unsupported("comparison of large arrays", at.pos());
            }
            // field by field; strings inside structs compare by content
            Ir.Expr all = new IConst(1);
            all = structEq(t, a, b);
            return op == Token.EQL ? all : new Bin(Op.EQ, K.I, all, new IConst(0));
        }
        throw new Unsupported("comparison of " + t, at.pos());
    }

    private Ir.Expr structEq(Type t, Loc a, Loc b) {
        Type u = t.underlying();
        if (Layouts.isScalar(t)) {
            return compare(Token.EQL, t, load(t, a), load(t, b), null);
        }
        if (isIface(t)) {
            return ifaceEq(t, a, b);
        }
        if (Predicates.isString(t)) {
            return compareAggr(Token.EQL, t, a, b, null);
        }
        Ir.Expr acc = null;
        if (u instanceof Struct s) {
            long[] offs = Layouts.fieldOffsets(s);
            for (int i = 0; i < s.numFields(); i++) {
                if (s.field(i).name().equals("_")) {
                    continue;
                }
                Ir.Expr e = structEq(s.field(i).type(), a.at(offs[i]), b.at(offs[i]));
                acc = acc == null ? e : new Cond(acc, e, new IConst(0));
            }
        } else if (u instanceof Array arr) {
            long es = Layouts.size(arr.elem());
            for (long i = 0; i < arr.len(); i++) {
                Ir.Expr e = structEq(arr.elem(), a.at(i * es), b.at(i * es));
                acc = acc == null ? e : new Cond(acc, e, new IConst(0));
            }
        } else {
            throw new Unsupported("comparison of " + t);
        }
        return acc == null ? new IConst(1) : acc;
    }

    private Ir.Expr unary(UnaryExpr ue) {
        Type t = info.typeOf(ue);
        switch (ue.op) {
            case SUB -> {
                Ir.Expr x = scalar(ue.x);
                if (Layouts.kind(t) == K.F) {
                    return normalize(new Un(Conv.NEG, K.F, x), t);
                }
                return normalize(new Un(Conv.NEG, K.I, x), t);
            }
            case ADD -> {
                return scalar(ue.x);
            }
            case NOT -> {
                return new Bin(Op.EQ, K.I, scalar(ue.x), new IConst(0));
            }
            case XOR -> {
                return normalize(new Un(Conv.COM, K.I, scalar(ue.x)), t);
            }
            case AND -> {
                glassgo.compiler.ast.Expr x = unparen(ue.x);
                if (x instanceof CompositeLit cl) {
                    Type et = info.typeOf(cl);
                    Ir.Expr p = spillPtr(newobject(et));
                    freshDst = true;    // mallocgc returned zeroed memory: no need to clear it again
                    into(cl, new Loc(p, 0, true));
                    return p;
                }
                return addressOf(x).addr();
            }
            case ARROW -> throw new Unsupported("channel receive", ue.pos());
            default -> throw new Unsupported("unary " + ue.op, ue.pos());
        }
    }

    /** The location of an addressable expression (variable, field, element, *p). */
    Loc addressOf(glassgo.compiler.ast.Expr e) {
        e = unparen(e);
        switch (e) {
            case Ident id -> {
                if (!(info.obj(id) instanceof Var v)) {
                    throw new Unsupported("address of " + id.name, id.pos());
                }
                VarLoc vl = varLoc(v, id.pos());
                if (vl.kind == VarLoc.REG) {
                    throw new IllegalStateException("ir: address of register variable " + v.name());
                }
                return locOf(vl);
            }
            case StarExpr se -> {
                Ir.Expr p = spillPtr(nilcheck(scalar(se.x)));
                return new Loc(p, 0, true);
            }
            case SelectorExpr sel -> {
                return fieldLoc(sel);
            }
            case IndexExpr ix -> {
                Type xt = info.typeOf(ix.x).underlying();
                if (xt instanceof Slice sl) {
                    Loc s = aggrStable(ix.x, ix.index);
                    Ir.Expr i = index(ix.index, new Load(Mem.I64, s.at(8).addr()));
                    long es = Layouts.size(sl.elem());
                    // not spilled: every user either uses it at once or evaluated its safepoints first
                    // (assignments evaluate a calling right-hand side before the target's address)
                    if (!(i instanceof Local) && !(i instanceof IConst)) {
                        int slot = newLocal();
                        out.add(new SetLocal(slot, i));
                        i = new Local(slot, K.I);
                    }
                    return new Loc(new Bin(Op.ADD, K.I, new Load(Mem.I64, s.addr()), scaled(i, es)), 0, true);
                }
                if (xt instanceof Array a) {
                    Loc base = addressOfOrTemp(ix.x);
                    Ir.Expr i = index(ix.index, new IConst(a.len()));
                    long es = Layouts.size(a.elem());
                    if (i instanceof CallRt cr && cr.args().get(0) instanceof IConst ic) {
                        return base.at(ic.v() * es);
                    }
                    if (!base.heap()) {
                        int slot = newLocal();
                        out.add(new SetLocal(slot, scaled(i, es)));
                        return new Loc(new Bin(Op.ADD, K.I, base.addr(), new Local(slot, K.I)), 0, false);
                    }
                    return new Loc(spillPtr(new Bin(Op.ADD, K.I, base.addr(), scaled(i, es))), 0, true);
                }
                if (xt instanceof Pointer p && p.elem().underlying() instanceof Array a) {
                    Ir.Expr ptr = spillPtr(nilcheck(scalar(ix.x)));
                    Ir.Expr i = index(ix.index, new IConst(a.len()));
                    long es = Layouts.size(a.elem());
                    return new Loc(spillPtr(new Bin(Op.ADD, K.I, ptr, scaled(i, es))), 0, true);
                }
                if (xt instanceof glassgo.compiler.types.Map) {
                    return maps.accessStable(ix);   // m[k][i], m[k].f: read through the elem's address
                }
                throw new Unsupported("indexing " + xt, ix.pos());
            }
            case CompositeLit cl -> {
                Loc tmp = frameTemp(info.typeOf(cl));
                into(cl, tmp);
                return tmp;
            }
            default -> throw new Unsupported("address of " + e.getClass().getSimpleName(), e.pos());
        }
    }

    private static Ir.Expr scaled(Ir.Expr i, long es) {
        return es == 1 ? i : new Bin(Op.MUL, K.I, i, new IConst(es));
    }

    /** An addressable location if e is addressable, else e's value in a temporary. */
    private Loc addressOfOrTemp(glassgo.compiler.ast.Expr e) {
        e = unparen(e);
        if (e instanceof Ident || e instanceof StarExpr || e instanceof SelectorExpr || e instanceof IndexExpr) {
            return addressOf(e);
        }
        return aggr(e);
    }

    /** x.f: walks the selection path (embedded fields, implicit dereferences). */
    private Loc fieldLoc(SelectorExpr sel) {
        Type xt = info.typeOf(sel.x);
        Lookup.Result r = Lookup.lookupFieldOrMethod(xt, true, pkg, sel.sel.name);
        if (r == null || !(r.obj() instanceof Var)) {
            throw new Unsupported("selector " + sel.sel.name, sel.pos());
        }
        Loc cur;
        Type ct = xt;
        if (xt.underlying() instanceof Pointer p) {
            cur = new Loc(spillPtr(nilcheck(scalar(sel.x))), 0, true);
            ct = p.elem();
        } else {
            cur = addressOfOrTemp(sel.x);
        }
        int[] path = r.index();
        for (int k = 0; k < path.length; k++) {
            Struct st = (Struct) ct.underlying();
            long off = Layouts.fieldOffsets(st)[path[k]];
            cur = cur.at(off);
            ct = st.field(path[k]).type();
            if (k + 1 < path.length && ct.underlying() instanceof Pointer p) {
                cur = new Loc(spillPtr(nilcheck(load(ct, cur))), 0, true);
                ct = p.elem();
            }
        }
        return cur;
    }

    /** An aggregate value's location (a variable's own location when possible, else a temporary). */
    private Loc aggr(glassgo.compiler.ast.Expr e) {
        glassgo.compiler.ast.Expr u = unparen(e);
        if (pre.get(u) instanceof Loc done) {
            return done;
        }
        if (info.constant(u) == null && (u instanceof Ident || u instanceof StarExpr
                || (u instanceof SelectorExpr s && !(info.obj(s.sel) instanceof Func))
                || (u instanceof IndexExpr ix && !(info.typeOf(ix.x).underlying() instanceof glassgo.compiler.types.Map)))) {
            return addressOf(u);
        }
        Loc tmp = frameTemp(info.typeOf(e));
        into(e, tmp);
        return tmp;
    }

    /** Like aggr, but copied to a temporary if {@code later} may run code that changes it. */
    private Loc aggrStable(glassgo.compiler.ast.Expr e, glassgo.compiler.ast.Expr later) {
        Loc l = aggr(e);
        if (later != null && hasSafepoint(later) && l.heap()) {
            Loc tmp = frameTemp(info.typeOf(e));
            copy(info.typeOf(e), l, tmp);
            return tmp;
        }
        return l;
    }

    /** Evaluates an aggregate-typed expression into dst. */
    void into(glassgo.compiler.ast.Expr e0, Loc dst) {
        glassgo.compiler.ast.Expr e = unparen(e0);
        Type t = info.typeOf(e);
        if (pre.get(e) instanceof Loc done) {
            copy(t, done, dst);
            return;
        }
        if (Layouts.isScalar(t)) {
            storeTo(dst, t, scalar(e));
            return;
        }
        Value cv = info.constant(e);
        if (cv != null) {
            if (Predicates.isString(t)) {
                byte[] b = Constant.stringBytes(cv);
                Ir.Expr p = b.length == 0 ? new IConst(0) : new DataAddr(stringData(b));
                out.add(new Store(Mem.I64, dst.addr(), p));
                out.add(new Store(Mem.I64, dst.at(8).addr(), new IConst(b.length)));
                return;
            }
            throw new Unsupported("constant of type " + t, e.pos());
        }
        if (isNil(e)) {
            zero(t, dst);
            return;
        }
        switch (e) {
            case CompositeLit cl -> compositeLit(cl, dst);
            case BinaryExpr be when be.op == Token.ADD -> {
                Loc a = aggrStable(be.x, be.y);
                if (hasSafepoint(be.y)) {
                    Loc tmp = frameTemp(t);
                    copy(t, a, tmp);
                    a = tmp;
                }
                Loc b = aggr(be.y);
                if (dst.heap()) {
                    Loc tmp = frameTemp(t);
                    concat(tmp, a, b);
                    copy(t, tmp, dst);
                } else {
                    concat(dst, a, b);
                }
            }
            case CallExpr c -> {
                Builtin.Id b = info.builtin(unparen(c.fun));
                if (b != null) {
                    builtinInto(b, c, dst);
                } else if (info.isType(unparen(c.fun))) {
                    conversionInto(c, dst);
                } else {
                    CallAbi cabi = callAbi(c);
                    call(c, null);
                    copy(t, new Loc(new OutAddr(cabi.resultOffs[0]), 0, false), dst);
                }
            }
            case SliceExpr se -> sliceExpr(se, dst);
            case Ident id -> copy(t, addressOf(e), dst);
            case StarExpr st -> copy(t, addressOf(e), dst);
            case SelectorExpr sel when !(info.obj(sel.sel) instanceof Func) -> copy(t, addressOf(e), dst);
            case IndexExpr ix when !(info.typeOf(ix.x).underlying() instanceof glassgo.compiler.types.Map) -> copy(t, addressOf(e), dst);
            case IndexExpr ix -> copy(t, maps.access(ix), dst);
            case UnaryExpr ue when ue.op == Token.ARROW -> copy(t, chans.recvTemp(ue), dst);
            case TypeAssertExpr ta -> assertInto(ta, dst, -1);
            default -> throw new Unsupported(featureOf(e, t), e.pos());
        }
    }

    /** What to call an expression of type t the lowering cannot handle. */
    private String featureOf(glassgo.compiler.ast.Expr e, Type t) {
        Type u = t.underlying();
        if (u instanceof glassgo.compiler.types.Interface) {
            return "interface values";
        }
        if (e instanceof IndexExpr) {
            return "maps";
        }
        if (e instanceof UnaryExpr ue && ue.op == Token.ARROW) {
            return "channel receive";
        }
        if (Predicates.isComplex(t)) {
            return "complex numbers";
        }
        return "expression " + e.getClass().getSimpleName() + " of type " + t;
    }

    private void concat(Loc dst, Loc a, Loc b) {
        if (dst.heap()) {
            throw new IllegalStateException("ir: concat into the heap");
        }
        out.add(new Eval(new CallRt("Abi", "concatstrings", List.of(dst.addr(), new Load(Mem.I64, a.addr()),
                new Load(Mem.I64, a.at(8).addr()), new Load(Mem.I64, b.addr()), new Load(Mem.I64, b.at(8).addr())), K.V)));
    }

    private void compositeLit(CompositeLit cl, Loc dst) {
        Type t = info.typeOf(cl);
        Type u = t.underlying();
        if (u instanceof Pointer p) {
            // an elided &T in [] *T{{...}}
            Ir.Expr obj = spillPtr(newobject(p.elem()));
            freshDst = true;
            compositeLit0(cl, p.elem(), new Loc(obj, 0, true));
            storeTo(dst, t, obj);
            return;
        }
        compositeLit0(cl, t, dst);
    }

    /** Set just before lowering a composite literal into memory fresh from mallocgc (already zero). */
    private boolean freshDst;

    private void compositeLit0(CompositeLit cl, Type t, Loc dst) {
        boolean fresh = freshDst;
        freshDst = false;
        Type u = t.underlying();
        if (u instanceof Struct st) {
            if (!fresh) {
                zero(t, dst);
            }
            long[] offs = Layouts.fieldOffsets(st);
            for (int i = 0; i < cl.elts.size(); i++) {
                glassgo.compiler.ast.Expr el = cl.elts.get(i);
                int fi = i;
                if (el instanceof KeyValueExpr kv) {
                    String name = ((Ident) kv.key).name;
                    for (int k = 0; k < st.numFields(); k++) {
                        if (st.field(k).name().equals(name)) {
                            fi = k;
                        }
                    }
                    el = kv.value;
                }
                storeElem(el, st.field(fi).type(), dst.at(offs[fi]));
            }
            return;
        }
        if (u instanceof Array a) {
            if (!fresh) {
                zero(t, dst);
            }
            long es = Layouts.size(a.elem());
            long idx = 0;
            for (glassgo.compiler.ast.Expr el : cl.elts) {
                if (el instanceof KeyValueExpr kv) {
                    idx = Constant.int64Val(Constant.toInt(info.constant(kv.key))).value();
                    el = kv.value;
                }
                storeElem(el, a.elem(), dst.at(idx * es));
                idx++;
            }
            return;
        }
        if (u instanceof Slice s) {
            long n = 0, idx = 0;
            for (glassgo.compiler.ast.Expr el : cl.elts) {
                if (el instanceof KeyValueExpr kv) {
                    idx = Constant.int64Val(Constant.toInt(info.constant(kv.key))).value();
                }
                idx++;
                n = Math.max(n, idx);
            }
            Ir.Expr arr = spillPtr(new CallRt("Abi", "makeslice", List.of(typeRef(s.elem()), new IConst(n), new IConst(n)), K.I));
            long es = Layouts.size(s.elem());
            idx = 0;
            for (glassgo.compiler.ast.Expr el : cl.elts) {
                if (el instanceof KeyValueExpr kv) {
                    idx = Constant.int64Val(Constant.toInt(info.constant(kv.key))).value();
                    el = kv.value;
                }
                storeElem(el, s.elem(), new Loc(arr, idx * es, true));
                idx++;
            }
            storeTo(dst, unsafePtr(), arr);
            out.add(new Store(Mem.I64, dst.at(8).addr(), new IConst(n)));
            out.add(new Store(Mem.I64, dst.at(16).addr(), new IConst(n)));
            return;
        }
        throw new Unsupported("composite literal of type " + t, cl.pos());
    }

    private void storeElem(glassgo.compiler.ast.Expr el, Type et, Loc dst) {
        if (el instanceof CompositeLit inner && info.typeOf(inner) == null) {
            throw new Unsupported("elided composite literal type", el.pos());
        }
        if (Layouts.isScalar(et)) {
            Ir.Expr v = convertScalar(scalar(el), info.typeOf(el), et);
            if (hasSafepoint(el) && dst.heap()) {
                v = spillScalar(v, et);
            }
            storeTo(dst, et, v);
        } else if (dst.heap() && (hasSafepoint(el) || isIface(et))) {
            Loc tmp = frameTemp(et);
            intoAs(el, tmp, et);
            copy(et, tmp, dst);
        } else {
            intoAs(el, dst, et);
        }
    }

    private void sliceExpr(SliceExpr se, Loc dst) {
        Type xt = info.typeOf(se.x);
        Type u = xt.underlying();
        Ir.Expr ptr, len, cap;
        long es;
        boolean isString = u instanceof Basic;
        if (u instanceof Slice sl) {
            Loc s = aggr(se.x);
            Loc tmp = frameTemp(xt);
            copy(xt, s, tmp);
            ptr = new Load(Mem.I64, tmp.addr());
            len = new Load(Mem.I64, tmp.at(8).addr());
            cap = new Load(Mem.I64, tmp.at(16).addr());
            es = Layouts.size(sl.elem());
        } else if (isString) {
            Loc s = aggr(se.x);
            Loc tmp = frameTemp(xt);
            copy(xt, s, tmp);
            ptr = new Load(Mem.I64, tmp.addr());
            len = new Load(Mem.I64, tmp.at(8).addr());
            cap = len;
            es = 1;
        } else if (u instanceof Array a) {
            ptr = spillPtr(addressOf(se.x).addr());
            len = new IConst(a.len());
            cap = len;
            es = Layouts.size(a.elem());
        } else if (u instanceof Pointer p && p.elem().underlying() instanceof Array a) {
            ptr = spillPtr(nilcheck(scalar(se.x)));
            len = new IConst(a.len());
            cap = len;
            es = Layouts.size(a.elem());
        } else {
            throw new Unsupported("slicing " + xt, se.pos());
        }
        Ir.Expr lo = se.low == null ? new IConst(0) : spillScalar(intOf(se.low), null0());
        Ir.Expr hi = se.high == null ? len : spillScalar(intOf(se.high), null0());
        Ir.Expr max = se.max == null ? cap : spillScalar(intOf(se.max), null0());
        int loS = newLocal(), hiS = newLocal(), maxS = newLocal();
        out.add(new SetLocal(loS, lo));
        out.add(new SetLocal(hiS, hi));
        out.add(new SetLocal(maxS, max));
        out.add(new Eval(new CallRt("Abi", "checkSlice", List.of(new Local(loS, K.I), new Local(hiS, K.I), new Local(maxS, K.I),
                cap, new IConst(se.max != null ? 1 : 0)), K.V)));
        Ir.Expr np = new Cond(new Bin(Op.EQ, K.I, new Bin(Op.SUB, K.I, new Local(maxS, K.I), new Local(loS, K.I)), new IConst(0)),
                ptr, new Bin(Op.ADD, K.I, ptr, scaled(new Local(loS, K.I), es)));
        if (isString) {
            np = new Bin(Op.ADD, K.I, ptr, new Local(loS, K.I));
        }
        Ir.Expr nlen = new Bin(Op.SUB, K.I, new Local(hiS, K.I), new Local(loS, K.I));
        Ir.Expr ncap = new Bin(Op.SUB, K.I, new Local(maxS, K.I), new Local(loS, K.I));
        Loc res = dst.heap() ? frameTemp(xt.underlying() instanceof Basic ? xt : sliceOf(xt)) : dst;
        out.add(new Store(Mem.I64, res.addr(), np));
        out.add(new Store(Mem.I64, res.at(8).addr(), nlen));
        if (!isString) {
            out.add(new Store(Mem.I64, res.at(16).addr(), ncap));
        }
        if (res != dst) {
            copy(info.typeOf(se), res, dst);
        }
    }

    private Type sliceOf(Type xt) {
        Type u = xt.underlying();
        if (u instanceof Slice) {
            return xt;
        }
        Array a = (Array) (u instanceof Pointer p ? p.elem().underlying() : u);
        return new Slice(a.elem());
    }

    private static Type null0() {
        return glassgo.compiler.types.Universe.INT;
    }

    Ir.Expr intOf(glassgo.compiler.ast.Expr e) {
        return convertScalar(scalar(e), info.typeOf(e), glassgo.compiler.types.Universe.INT);
    }

    // =============================================================================== conversions

    /** Converts a scalar of type from to type to (numeric conversions; identity for the rest). */
    Ir.Expr convertScalar(Ir.Expr v, Type from, Type to) {
        if (from == null || to == null || Predicates.identical(from, to)) {
            return v;
        }
        Type fu = from.underlying(), tu = to.underlying();
        if (!(fu instanceof Basic fb) || !(tu instanceof Basic tb)) {
            return v;
        }
        if (fb.kind() == Basic.Kind.UNTYPED_NIL) {
            return v;
        }
        boolean fromF = fb.is(Basic.IS_FLOAT) || fb.kind() == Basic.Kind.UNTYPED_FLOAT;
        boolean toF = tb.is(Basic.IS_FLOAT);
        if (v.kind() == K.F) {
            fromF = true;
        }
        if (fromF && toF) {
            return normalize(v, to);
        }
        if (fromF && tb.is(Basic.IS_INTEGER)) {
            if (tb.is(Basic.IS_UNSIGNED) && Layouts.mem(to) == Mem.I64) {
                return new CallRt("Abi", "f2u", List.of(v), K.I);
            }
            return normalize(new Un(Conv.F2I, K.I, v), to);
        }
        if (toF && v.kind() == K.I) {
            if (fb.is(Basic.IS_UNSIGNED) && Layouts.mem(from) == Mem.I64) {
                return normalize(new CallRt("Abi", "u2f", List.of(v), K.F), to);
            }
            return normalize(new Un(Conv.I2F, K.F, v), to);
        }
        if (tb.is(Basic.IS_INTEGER) && fb.is(Basic.IS_INTEGER)) {
            if (Layouts.mem(from) == Layouts.mem(to)) {
                return v;
            }
            return normalize(v, to);
        }
        return v;
    }

    private void conversionInto(CallExpr c, Loc dst) {
        Type to = info.typeOf(c);
        glassgo.compiler.ast.Expr arg = c.args.get(0);
        Type from = info.typeOf(arg);
        if (isIface(to)) {
            intoAs(arg, dst, to);
            return;
        }
        if (Predicates.isString(to)) {
            Type fu = from.underlying();
            Loc tmp = dst.heap() ? frameTemp(to) : dst;
            if (Predicates.isInteger(from)) {
                out.add(new Eval(new CallRt("Abi", "intstring", List.of(tmp.addr(), scalar(arg)), K.V)));
            } else if (fu instanceof Slice sl && Layouts.size(sl.elem()) == 1) {
                Loc s = aggr(arg);
                out.add(new Eval(new CallRt("Abi", "copybytes", List.of(tmp.addr(), new Load(Mem.I64, s.addr()),
                        new Load(Mem.I64, s.at(8).addr()), new IConst(0)), K.V)));
            } else if (Predicates.isString(from)) {
                copy(to, aggr(arg), tmp);
            } else if (fu instanceof Slice sl && Layouts.size(sl.elem()) == 4) {
                Loc s = aggr(arg);
                out.add(new Eval(new CallRt("Abi", "slicerunetostring", List.of(tmp.addr(), new Load(Mem.I64, s.addr()),
                        new Load(Mem.I64, s.at(8).addr())), K.V)));
            } else {
                throw new Unsupported("conversion from " + from + " to string", c.pos());
            }
            if (tmp != dst) {
                copy(to, tmp, dst);
            }
            return;
        }
        if (to.underlying() instanceof Slice sl && Predicates.isString(from)) {
            Loc tmp = dst.heap() ? frameTemp(to) : dst;
            Loc s = aggr(arg);
            String fn = Layouts.size(sl.elem()) == 1 ? "copybytes" : "stringtoslicerune";
            List<Ir.Expr> args = new ArrayList<>(List.of(tmp.addr(), new Load(Mem.I64, s.addr()), new Load(Mem.I64, s.at(8).addr())));
            if (fn.equals("copybytes")) {
                args.add(new IConst(1));
            }
            out.add(new Eval(new CallRt("Abi", fn, args, K.V)));
            if (tmp != dst) {
                copy(to, tmp, dst);
            }
            return;
        }
        // same memory representation (named struct <-> struct, []T <-> S)
        into(arg, dst);
    }

    // =============================================================================== interfaces

    /** Descriptors and itabs in the data block (created on first use). */
    private TypeDescriptors tds;
    /** Method entries that adapt an interface's data word to a method's receiver (Go's wrapper methods). */
    private final List<Wrapper> wrappers = new ArrayList<>();
    private final Map<String, Integer> wrapperIds = new HashMap<>();
    /** The runtime error type recover() returns for run-time panics (Go: runtime.errorString and kin). */
    private glassgo.compiler.types.Named rtError;

    /** {@code ctx}: a method value's function (the data word is the closure's second word). */
    record Wrapper(String method, String goName, Type t, Func m, int[] path, Signature sig, boolean ctx) {}

    /** The data offset of t's type descriptor (Go's _type), e.g. for hashing map keys that hold interfaces. */
    long typeDescriptorOffset(Type t) {
        return tds().type(t);
    }

    private TypeDescriptors tds() {
        if (tds == null) {
            tds = new TypeDescriptors(data, pkg);
        }
        return tds;
    }

    private static boolean isIface(Type t) {
        return t != null && t.underlying() instanceof glassgo.compiler.types.Interface;
    }

    private static boolean isEmptyIface(Type t) {
        return ((glassgo.compiler.types.Interface) t.underlying()).allMethods().isEmpty();
    }

    private DataAddr typeDesc(Type t) {
        return new DataAddr(tds().type(t));
    }

    private DataAddr itabOf(Type t, Type iface) {
        return new DataAddr(tds().itab(t, iface, this::methodEntry));
    }

    private static final String IFACE = "glassgo.runtime.iface.Iface";

    /** The signature an interface method is called with: the data word as a pointer receiver. */
    private Signature ifaceSig(Signature ms) {
        return new Signature(new Var(0, pkg, "", unsafePtr()), List.of(), ms.params(), ms.results(), ms.variadic());
    }

    /** The function id the itab of concrete type t lists for method m (found through r's path). */
    private long methodEntry(Type t, Func m, Lookup.Result r) {
        Signature ms = m.signature();
        if (r.index().length == 1 && Predicates.identical(ms.recv().type(), t) && Layouts.isPointerShaped(t)) {
            return fnId(callee(m, null).method(), false, ms);
        }
        String key = tds().type(t) + "." + m.name();
        Integer id = wrapperIds.get(key);
        if (id == null) {
            String method = "iw$" + (wrappers.size() + 1);
            String goName = TypeDescriptors.typeString(t).replace("*main.", "(*main.").replaceFirst("^\\(\\*(main\\.[^ ]*)$", "(*$1)")
                    + "." + m.name();
            Signature isig = ifaceSig(ms);
            id = fnId(method, false, isig);
            wrappers.add(new Wrapper(method, goName, t, m, r.index(), isig, false));
            wrapperIds.put(key, id);
        }
        return id;
    }

    /** The dynamic type word of the interface value at x (static type it): 0 for nil. */
    private Ir.Expr dynType(Type it, Loc x) {
        Ir.Expr w0 = new Load(Mem.I64, x.addr());
        if (isEmptyIface(it)) {
            return w0;
        }
        return new Cond(new Bin(Op.NE, K.I, w0, new IConst(0)), new Load(Mem.I64, new Bin(Op.ADD, K.I, w0, new IConst(8))), new IConst(0));
    }


    /** a == b for interface values of type t in memory: same type word, then the dynamic type's equality. */
    private Ir.Expr ifaceEq(Type t, Loc a, Loc b) {
        Ir.Expr w0a = new Load(Mem.I64, a.addr()), w0b = new Load(Mem.I64, b.addr());
        return new Cond(new Bin(Op.EQ, K.I, w0a, w0b), new CallRt(IFACE, isEmptyIface(t) ? "efaceeq" : "ifaceeq",
                List.of(w0a, new Load(Mem.I64, a.at(8).addr()), new Load(Mem.I64, b.at(8).addr())), K.I), new IConst(0));
    }

    /** T.M as a func value whose first parameter is the receiver (Go's method expression). */
    private Ir.Expr methodExpr(SelectorExpr sel, Func m) {
        Type xt = info.typeOf(sel.x);
        if (!isIface(xt) && Predicates.identical(m.signature().recv().type(), xt)) {
            return funcValue(callee(m, null));
        }
        if (isIface(xt)) {
            return ifaceMethodExpr(xt, m);
        }
        if (!Layouts.isPointerShaped(xt)) {
            throw new Unsupported("method expressions of promoted value methods", sel.pos());
        }
        // (*T).M: the func takes the pointer as an interface's data word would be: the itab entry does it
        long id = methodEntry(xt, m, Lookup.lookupFieldOrMethod(xt, false, m.pkg(), m.name()));
        byte[] w = new byte[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (byte) (id >>> (8 * i));
        }
        return new DataAddr(stringData(w));
    }

    /**
     * x.M as a func value: the receiver is evaluated (and copied, for a value receiver) now, into a closure
     * {id, data word} whose function is a wrapper like an itab's entry (Go's M-fm wrappers).
     */
    private Ir.Expr methodValue(SelectorExpr sel, Func m) {
        Type xt = info.typeOf(sel.x);
        Lookup.Result r = Lookup.lookupFieldOrMethod(xt, true, pkg, m.name());
        if (isIface(xt)) {
            return ifaceMethodValue(sel, m);
        }
        if (r == null || r.index() == null || r.index().length > 1) {
            throw new Unsupported("method values of promoted methods", sel.pos());
        }
        Type rt = m.signature().recv().type();
        boolean xPtr = xt.underlying() instanceof Pointer;
        Ir.Expr dw;
        if (rt instanceof Pointer) {
            dw = spillPtr(xPtr ? scalar(sel.x) : addressOf(sel.x).addr());
        } else {
            Loc src = xPtr ? new Loc(spillPtr(nilcheck(scalar(sel.x))), 0, true) : null;
            if (Layouts.isPointerShaped(rt)) {
                dw = spillPtr(src != null ? load(rt, src) : scalar(sel.x));
            } else {
                Loc tmp = frameTemp(rt);
                if (src != null) {
                    copy(rt, src, tmp);
                } else {
                    evalInto(sel.x, tmp, rt);
                }
                Ir.Expr box = spillPtr(newobject(rt));
                copy(rt, tmp, new Loc(box, 0, true));
                dw = box;
            }
        }
        String key = "mv:" + tds().type(rt) + "." + m.name();
        Integer id = wrapperIds.get(key);
        if (id == null) {
            String method = "mw$" + (wrappers.size() + 1);
            Signature fs = new Signature(null, List.of(), m.signature().params(), m.signature().results(), m.signature().variadic());
            id = fnId(method, true, fs);
            wrappers.add(new Wrapper(method, "main." + methodName(m).replace("$", ".") + "-fm", rt, m,
                    new int[] {r.index()[0]}, ifaceSig(m.signature()), true));
            wrapperIds.put(key, id);
        }
        TypeRef tr = typeRefDesc("closure1", new TypeDesc("funcval+1", 16, new int[] {1}));
        Ir.Expr obj = spillPtr(new CallRt("Abi", "newobject", List.of(tr), K.I));
        out.add(new Store(Mem.I64, obj, new IConst(id)));
        out.add(new StorePtr(new Bin(Op.ADD, K.I, obj, new IConst(8)), dw));
        return obj;
    }

    /** Evaluates e into dst, converting it to dt when dt is an interface type and e's type is not dt's. */
    void intoAs(glassgo.compiler.ast.Expr e, Loc dst, Type dt) {
        Type st = info.typeOf(e);
        if (dt != null && isIface(dt) && !isNil(e) && st != null && !(st instanceof glassgo.compiler.types.Tuple)
                && !Predicates.identical(st, dt)) {
            convertInto(e, dst, dt);
        } else {
            into(e, dst);
        }
    }

    /** e converted to interface type dt, stored in dst (Go's convT* / convI2I). */
    private void convertInto(glassgo.compiler.ast.Expr e, Loc dst, Type dt) {
        Type st = info.typeOf(e);
        if (st instanceof Basic b && b.kind() == Basic.Kind.UNTYPED_NIL) {
            zero(dt, dst);
            return;
        }
        if (isIface(st)) {
            Loc x = frameTemp(st);
            into(e, x);
            Ir.Expr w0;
            if (isEmptyIface(dt)) {
                w0 = dynType(st, x);
            } else {
                w0 = new CallRt(IFACE, "convI2I", List.of(typeDesc(dt), dynType(st, x)), K.I);
            }
            int slot = newLocal();
            out.add(new SetLocal(slot, w0));
            out.add(new Store(Mem.I64, dst.at(8).addr(), new Load(Mem.I64, x.at(8).addr())));
            storeWord(dst, new Local(slot, K.I), new Load(Mem.I64, x.at(8).addr()));
            return;
        }
        if (Predicates.isUntyped(st)) {
            st = Predicates.defaultType(st);
        }
        Ir.Expr w0 = isEmptyIface(dt) ? typeDesc(st) : itabOf(st, dt);
        Ir.Expr dataWord;
        if (Layouts.isPointerShaped(st)) {
            dataWord = spillPtr(convertScalar(scalar(e), info.typeOf(e), st));
        } else {
            Loc tmp = null;
            if (hasSafepoint(e)) {
                tmp = frameTemp(st);
                evalInto(e, tmp, st);
            }
            Ir.Expr box = spillPtr(newobject(st));
            Loc bl = new Loc(box, 0, true);
            if (tmp != null) {
                copy(st, tmp, bl);
            } else {
                evalInto(e, bl, st);
            }
            dataWord = box;
        }
        storeWord(dst, w0, dataWord);
    }

    private void evalInto(glassgo.compiler.ast.Expr e, Loc dst, Type st) {
        if (Layouts.isScalar(st)) {
            storeTo(dst, st, convertScalar(scalar(e), info.typeOf(e), st));
        } else {
            into(e, dst);
        }
    }

    /** Stores an interface value's two words (both may be pointers: barrier when dst is in the heap). */
    private void storeWord(Loc dst, Ir.Expr w0, Ir.Expr w1) {
        storeTo(dst, unsafePtr(), w0);
        storeTo(dst.at(8), unsafePtr(), w1);
    }

    /** x.(T) into dst; with okSlot >= 0 the comma-ok form (the JVM local gets ok, dst the zero value on failure). */
    private void assertInto(TypeAssertExpr ta, Loc dst, int okSlot) {
        Type it = info.typeOf(ta.x);
        Type t = info.typeOf(ta);
        Loc x = frameTemp(it);
        into(ta.x, x);
        int dyn = newLocal();
        out.add(new SetLocal(dyn, dynType(it, x)));
        Ir.Expr d = new Local(dyn, K.I);
        Ir.Expr data = new Load(Mem.I64, x.at(8).addr());
        if (!isIface(t)) {
            Ir.Expr ok = new Bin(Op.EQ, K.I, d, typeDesc(t));
            List<Stmt> val = sub(() -> {
                if (Layouts.isPointerShaped(t)) {
                    storeTo(dst, t, data);
                } else {
                    copy(t, new Loc(data, 0, true), dst);
                }
            });
            if (okSlot < 0) {
                out.add(new If(ok, List.of(), List.of(new Eval(new CallRt(IFACE, "panicdottype", List.of(d, typeDesc(t), typeDesc(it)), K.A)))));
                out.addAll(val);
            } else {
                out.add(new SetLocal(okSlot, ok));
                out.add(new If(new Local(okSlot, K.I), val, sub(() -> zero(t, dst))));
            }
            return;
        }
        Ir.Expr w0;
        if (isEmptyIface(t)) {
            if (okSlot < 0) {
                out.add(new If(new Bin(Op.EQ, K.I, d, new IConst(0)),
                        List.of(new Eval(new CallRt(IFACE, "panicdottype", List.of(d, typeDesc(t), typeDesc(it)), K.A))), List.of()));
            } else {
                out.add(new SetLocal(okSlot, new Bin(Op.NE, K.I, d, new IConst(0))));
            }
            w0 = d;
        } else {
            int tab = newLocal();
            out.add(new SetLocal(tab, new CallRt(IFACE, okSlot < 0 ? "assertE2I" : "assertE2I2", List.of(typeDesc(t), d), K.I)));
            if (okSlot >= 0) {
                out.add(new SetLocal(okSlot, new Bin(Op.NE, K.I, new Local(tab, K.I), new IConst(0))));
            }
            w0 = new Local(tab, K.I);
        }
        if (okSlot < 0) {
            storeWord(dst, w0, data);
        } else {
            Ir.Expr w0f = w0;
            out.add(new If(new Local(okSlot, K.I), sub(() -> storeWord(dst, w0f, data)), sub(() -> zero(t, dst))));
        }
    }

    /** v, ok := x.(T) */
    private void commaOkAssert(List<glassgo.compiler.ast.Expr> lhs, TypeAssertExpr ta, boolean define) {
        Type t = info.typeOf(ta);
        Loc tmp = frameTemp(t);
        int ok = newLocal();
        assertInto(ta, tmp, ok);
        Target tg = defineOrTarget(lhs.get(0), define);
        storeResult(tg, t, tmp);
        Target tk = defineOrTarget(lhs.get(1), define);
        if (!tk.blank) {
            Type bt = glassgo.compiler.types.Universe.typ("bool");
            Loc okTmp = frameTemp(bt);
            out.add(new Store(Mem.U8, okTmp.addr(), new Local(ok, K.I)));
            storeResult(tk, bt, okTmp);
        }
    }

    /** Stores the value of type vt at src into an assignment's target, converting it if the target is an interface. */
    private void storeResult(Target tg, Type vt, Loc src) {
        if (tg.blank) {
            return;
        }
        if (isIface(tg.type) && !isIface(vt)) {
            Loc tmp = frameTemp(tg.type);
            convertLoc(src, vt, tmp, tg.type);
            copy(tg.type, tmp, tg.loc);
        } else if (Layouts.isScalar(vt)) {
            writeTarget(tg, load(vt, src));
        } else {
            copy(vt, src, tg.loc);
        }
    }

    /** The concrete value of type st at src converted to interface type dt, into dst. */
    private void convertLoc(Loc src, Type st, Loc dst, Type dt) {
        Ir.Expr w0 = isEmptyIface(dt) ? typeDesc(st) : itabOf(st, dt);
        if (Layouts.isPointerShaped(st)) {
            storeWord(dst, w0, load(st, src));
        } else {
            Ir.Expr box = spillPtr(newobject(st));
            copy(st, src, new Loc(box, 0, true));
            storeWord(dst, w0, box);
        }
    }

    /** switch v := x.(type) { case T1, T2: ... } */
    private void typeSwitchStmt(TypeSwitchStmt ts) {
        int id = nextLabel++;
        if (ts.init != null) {
            lowerStmt(ts.init);
        }
        Ident lhs = null;
        glassgo.compiler.ast.Expr rhs;
        if (ts.assign instanceof AssignStmt a) {
            lhs = (Ident) a.lhs.get(0);
            rhs = a.rhs.get(0);
        } else {
            rhs = ((ExprStmt) ts.assign).x;
        }
        TypeAssertExpr ta = (TypeAssertExpr) unparen(rhs);
        Type it = info.typeOf(ta.x);
        Loc x = frameTemp(it);
        into(ta.x, x);
        int dyn = newLocal();
        out.add(new SetLocal(dyn, dynType(it, x)));
        Ir.Expr d = new Local(dyn, K.I);
        List<CaseClause> clauses = ts.body.list.stream().map(c -> (CaseClause) c).toList();
        int savedB = breakTarget;
        breakTarget = id;
        List<Stmt> chain = new ArrayList<>();
        List<Stmt> cur = chain;
        List<Stmt> dfltBody = null;
        try {
            for (CaseClause cc : clauses) {
                Var v = lhs == null ? null : clauseVar(cc, lhs);
                Type single = cc.list != null && cc.list.size() == 1 && !isNil(cc.list.get(0)) && !isNilIdent(cc.list.get(0))
                        ? info.typeOf(cc.list.get(0)) : null;
                List<Stmt> body = sub(() -> {
                    if (v != null) {
                        declareLocal(v);
                        Target tg = target(lhsIdentFor(v));
                        Loc vl = tg.loc;
                        if (single == null) {
                            if (vl != null) {
                                copy(it, x, vl);
                            }
                        } else {
                            Loc tmp = frameTemp(single);
                            bindCase(single, it, x, d, tmp);
                            if (vl == null) {
                                out.add(new SetLocal(tg.slot, load(single, tmp)));
                            } else {
                                copy(single, tmp, vl);
                            }
                        }
                    }
                    lowerBlock(cc.body);
                    out.add(new Break(id));
                });
                if (cc.list == null || cc.list.isEmpty()) {
                    dfltBody = body;
                    continue;
                }
                Ir.Expr c = null;
                for (glassgo.compiler.ast.Expr e : cc.list) {
                    Ir.Expr ce;
                    if (isNilIdent(e)) {
                        ce = new Bin(Op.EQ, K.I, d, new IConst(0));
                    } else {
                        Type ct = info.typeOf(e);
                        if (!isIface(ct)) {
                            ce = new Bin(Op.EQ, K.I, d, typeDesc(ct));
                        } else if (isEmptyIface(ct)) {
                            ce = new Bin(Op.NE, K.I, d, new IConst(0));
                        } else {
                            ce = new CallRt(IFACE, "implements_", List.of(typeDesc(ct), d), K.I);
                        }
                    }
                    c = c == null ? ce : new Cond(c, new IConst(1), ce);
                }
                List<Stmt> els = new ArrayList<>();
                cur.add(new If(c, body, els));
                cur = els;
            }
            if (dfltBody != null) {
                cur.addAll(dfltBody);
            }
        } finally {
            breakTarget = savedB;
        }
        out.add(new Block(id, chain));
    }

    private final Map<Var, Ident> clauseIdents = new IdentityHashMap<>();

    private Ident lhsIdentFor(Var v) {
        return clauseIdents.get(v);
    }

    /** The variable a type switch's {@code v :=} declares in clause cc (the checker records it at its uses). */
    private Var clauseVar(CaseClause cc, Ident lhs) {
        Var[] found = {null};
        for (glassgo.compiler.ast.Stmt s : cc.body) {
            Inspector.inspect(s, n -> {
                if (found[0] == null && n instanceof Ident id && id.name.equals(lhs.name) && info.obj(id) instanceof Var v
                        && v.pos() == lhs.pos()) {
                    found[0] = v;
                    clauseIdents.put(v, id);
                }
                return found[0] == null;
            });
        }
        return found[0];
    }

    private boolean isNilIdent(glassgo.compiler.ast.Expr e) {
        return unparen(e) instanceof Ident id && id.name.equals("nil") && info.obj(id) instanceof glassgo.compiler.types.Nil;
    }

    /** A case's value of type t from the interface at x (static type it, dynamic type d), known to match. */
    private void bindCase(Type t, Type it, Loc x, Ir.Expr d, Loc dst) {
        Ir.Expr data = new Load(Mem.I64, x.at(8).addr());
        if (!isIface(t)) {
            if (Layouts.isPointerShaped(t)) {
                storeTo(dst, t, data);
            } else {
                copy(t, new Loc(data, 0, true), dst);
            }
        } else if (isEmptyIface(t)) {
            storeWord(dst, d, data);
        } else {
            storeWord(dst, new CallRt(IFACE, "assertE2I", List.of(typeDesc(t), d), K.I), data);
        }
    }

    /** i.M(args): the dispatcher for M's signature calls the entry the itab lists (Go: CALL through itab.fun[k]). */
    private Ir.Expr ifaceCall(CallExpr c, Loc iv, Type it, Func m) {
        List<Func> ms = ((glassgo.compiler.types.Interface) it.underlying()).allMethods();
        int k = 0;
        while (!ms.get(k).name().equals(m.name())) {
            k++;
        }
        Signature s = info.subst((Signature) m.type());
        if (s.variadic() || c.ellipsis > 0) {
            throw new Unsupported("variadic functions", c.pos());
        }
        if (c.args.size() == 1 && s.params().len() > 1) {
            throw new Unsupported("f(g()) with multiple results", c.pos());
        }
        CallAbi cabi = abiOf(ifaceSig(s));
        Loc x = frameTemp(it);
        copy(it, iv, x);
        Object[] vals = new Object[c.args.size()];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < c.args.size(); i++) {
                if (hasSafepoint(c.args.get(i)) == (pass == 0)) {
                    vals[i] = argValue(c.args.get(i), cabi.params.get(i + 1));
                }
            }
        }
        List<Ir.Expr> jvmArgs = new ArrayList<>();
        jvmArgs.add(new Bin(Op.ADD, K.I, nilcheck(new Load(Mem.I64, x.addr())), new IConst(24 + 8L * k)));
        jvmArgs.add(new Load(Mem.I64, x.at(8).addr()));
        for (int i = 0; i < vals.length; i++) {
            if (cabi.paramOffs[i + 1] < 0) {
                jvmArgs.add((Ir.Expr) vals[i]);
            } else {
                copy(cabi.params.get(i + 1), (Loc) vals[i], new Loc(new OutAddr(cabi.paramOffs[i + 1]), 0, false));
            }
        }
        CallGo cg = new CallGo("call$" + dispatchKey(cabi), jvmArgs, cabi.jvmRet);
        if (cabi.scalarResult) {
            return cg;
        }
        out.add(new Eval(cg));
        return null;
    }

    /** The ABI of a call through an interface method (for callers reading results). */
    private CallAbi ifaceCallAbi(Func m) {
        return abiOf(ifaceSig(info.subst((Signature) m.type())));
    }

    /** The method c calls if it is a method of an interface value (possibly an embedded one), else null. */
    private Func ifaceMethod(CallExpr c) {
        if (!(unparen(c.fun) instanceof SelectorExpr fs) || !(info.obj(fs.sel) instanceof Func m) || info.isType(fs.x)) {
            return null;
        }
        Type xt = info.typeOf(fs.x);
        if (xt == null) {
            return null;
        }
        if (isIface(xt)) {
            return m;
        }
        Lookup.Result r = Lookup.lookupFieldOrMethod(xt, true, pkg, m.name());
        if (r == null || r.index() == null || r.index().length < 2) {
            return null;
        }
        Type ct = xt;
        for (int k = 0; k + 1 < r.index().length; k++) {
            if (ct.underlying() instanceof Pointer p) {
                ct = p.elem();
            }
            ct = ((Struct) ct.underlying()).field(r.index()[k]).type();
        }
        return isIface(ct) ? m : null;
    }

    /** The interface value whose method c calls (walking embedded fields to an embedded interface). */
    private Object[] ifaceReceiver(SelectorExpr fs, Func m) {
        Type xt = info.typeOf(fs.x);
        if (isIface(xt)) {
            return new Object[] {aggr(fs.x), xt};
        }
        Lookup.Result r = Lookup.lookupFieldOrMethod(xt, true, pkg, m.name());
        int[] path = r.index();
        Loc cur;
        Type ct = xt;
        if (xt.underlying() instanceof Pointer p) {
            cur = new Loc(spillPtr(nilcheck(scalar(fs.x))), 0, true);
            ct = p.elem();
        } else {
            cur = addressOfOrTemp(fs.x);
        }
        for (int k = 0; k + 1 < path.length; k++) {
            if (ct.underlying() instanceof Pointer p) {
                cur = new Loc(spillPtr(nilcheck(load(ct, cur))), 0, true);
                ct = p.elem();
            }
            Struct st = (Struct) ct.underlying();
            cur = cur.at(Layouts.fieldOffsets(st)[path[k]]);
            ct = st.field(path[k]).type();
        }
        return new Object[] {cur, ct};
    }

    /** x == y where one side is an interface (the other may be a concrete value or nil). */
    private Ir.Expr compareIface(BinaryExpr be) {
        Type xt = info.typeOf(be.x), yt = info.typeOf(be.y);
        glassgo.compiler.ast.Expr ie = isIface(xt) ? be.x : be.y;
        glassgo.compiler.ast.Expr oe = ie == be.x ? be.y : be.x;
        Type it = info.typeOf(ie);
        Ir.Expr eq;
        if (isNil(oe)) {
            Loc a = aggr(ie);
            eq = new Bin(Op.EQ, K.I, new Load(Mem.I64, a.addr()), new IConst(0));
        } else {
            Loc a = frameTemp(it);
            Loc b = frameTemp(it);
            if (ie == be.x) {
                intoAs(be.x, a, it);
                intoAs(be.y, b, it);
            } else {
                intoAs(be.x, b, it);
                intoAs(be.y, a, it);
            }
            Ir.Expr w0a = new Load(Mem.I64, a.addr()), w0b = new Load(Mem.I64, b.addr());
            eq = new Cond(new Bin(Op.EQ, K.I, w0a, w0b), new CallRt(IFACE, isEmptyIface(it) ? "efaceeq" : "ifaceeq",
                    List.of(w0a, new Load(Mem.I64, a.at(8).addr()), new Load(Mem.I64, b.at(8).addr())), K.I), new IConst(0));
        }
        return be.op == Token.EQL ? eq : new Bin(Op.EQ, K.I, eq, new IConst(0));
    }

    /** println(i): Go prints an interface as (type-or-itab,data). */
    private void printIface(glassgo.compiler.ast.Expr a) {
        Loc l = aggr(a);
        out.add(new Eval(new CallRt(IFACE, "printeface", List.of(new Load(Mem.I64, l.addr()), new Load(Mem.I64, l.at(8).addr())), K.V)));
    }

    /**
     * panic(v): v as an empty interface; an error's Error() or a Stringer's String() is called first for the
     * report (Go's preprintpanics), then the runtime throws the panic carrying the value for recover().
     */
    private void panicValue(glassgo.compiler.ast.Expr a) {
        Type any = glassgo.compiler.types.Interface.EMPTY;
        Loc e = frameTemp(any);
        intoAs(a, e, any);
        Loc msg = frameTemp(glassgo.compiler.types.Universe.STRING);
        int has = newLocal();
        out.add(new SetLocal(has, new IConst(0)));
        Type err = errorType();
        Type str = stringerType();
        int dyn = newLocal();
        out.add(new SetLocal(dyn, new Load(Mem.I64, e.addr())));
        for (Type it : List.of(err, str)) {
            Func m = ((glassgo.compiler.types.Interface) it.underlying()).allMethods().get(0);
            int tab = newLocal();
            List<Stmt> callIt = sub(() -> {
                Loc iv = frameTemp(it);
                out.add(new Store(Mem.I64, iv.addr(), new Local(tab, K.I)));
                out.add(new Store(Mem.I64, iv.at(8).addr(), new Load(Mem.I64, e.at(8).addr())));
                CallExpr fake = new CallExpr(a, 0, List.of(), 0, 0);
                ifaceCall(fake, iv, it, m);
                copy(glassgo.compiler.types.Universe.STRING, new Loc(new OutAddr(ifaceCallAbi(m).resultOffs[0]), 0, false), msg);
                out.add(new SetLocal(has, new IConst(1)));
            });
            out.add(new If(new Local(has, K.I), List.of(), sub(() -> {
                out.add(new SetLocal(tab, new CallRt(IFACE, "assertE2I2", List.of(typeDesc(it), new Local(dyn, K.I)), K.I)));
                out.add(new If(new Bin(Op.NE, K.I, new Local(tab, K.I), new IConst(0)), callIt, List.of()));
            })));
        }
        out.add(new Eval(new CallRt(IFACE, "gopanic", List.of(new StackRef(), new Load(Mem.I64, e.addr()), new Load(Mem.I64, e.at(8).addr()),
                new Load(Mem.I64, msg.addr()), new Load(Mem.I64, msg.at(8).addr()), new Local(has, K.I)), K.A)));
    }

    private Type errorType() {
        return ((glassgo.compiler.types.TypeName) glassgo.compiler.types.Universe.lookup("error")).type();
    }

    private Type stringerType;

    private Type stringerType() {
        if (stringerType == null) {
            Var r = new Var(0, pkg, "", glassgo.compiler.types.Universe.STRING);
            Func m = new Func(0, pkg, "String", new Signature(null, List.of(), glassgo.compiler.types.Tuple.EMPTY,
                    new glassgo.compiler.types.Tuple(List.of(r)), false));
            stringerType = new glassgo.compiler.types.Interface(List.of(m), List.of());
        }
        return stringerType;
    }

    /** recover() into dst: the panic's value, a runtime.Error for run-time panics, or nil. */
    private void recoverInto(Loc dst) {
        Loc tmp = dst.heap() ? frameTemp(glassgo.compiler.types.Interface.EMPTY) : dst;
        out.add(new Eval(new CallRt(IFACE, "recover", List.of(new StackRef(), tmp.addr(), typeDesc(runtimeErrorType()),
                typeDesc(glassgo.compiler.types.Universe.STRING), typeRef(glassgo.compiler.types.Universe.STRING)), K.V)));
        if (tmp != dst) {
            copy(glassgo.compiler.types.Interface.EMPTY, tmp, dst);
        }
    }

    /** runtime.errorString: the dynamic type of a recovered run-time panic, with Error() and RuntimeError(). */
    private Type runtimeErrorType() {
        if (rtError == null) {
            Package rp = new Package("runtime", "runtime");
            glassgo.compiler.types.TypeName tn = new glassgo.compiler.types.TypeName(0, rp, "errorString", null);
            rtError = new glassgo.compiler.types.Named(tn, glassgo.compiler.types.Universe.STRING);
            Var recv = new Var(0, rp, "e", rtError);
            rtError.addMethod(new Func(0, rp, "Error", new Signature(recv, List.of(), glassgo.compiler.types.Tuple.EMPTY,
                    new glassgo.compiler.types.Tuple(List.of(new Var(0, rp, "", glassgo.compiler.types.Universe.STRING))), false)));
            rtError.addMethod(new Func(0, rp, "RuntimeError", new Signature(recv, List.of(), glassgo.compiler.types.Tuple.EMPTY,
                    glassgo.compiler.types.Tuple.EMPTY, false)));
        }
        return rtError;
    }

    /** The bodies of runtime.errorString's methods: Error returns the string, RuntimeError does nothing. */
    private void lowerRuntimeErrorMethods() {
        Type s = glassgo.compiler.types.Universe.STRING;
        for (Func m : ((glassgo.compiler.types.Named) rtError).methods()) {
            beginFunc(m.signature(), (BlockStmt) null, false);
            List<Stmt> body = out;
            if (m.name().equals("Error")) {
                copy(s, new Loc(new FrameAddr(abi.paramOffs[0]), 0, false), new Loc(new FrameAddr(abi.resultOffs[0]), 0, false));
            }
            out.add(new Return(null));
            finishFunc(methodName(m), "runtime.errorString." + m.name(), abi.jvmParams, abi.jvmRet, body);
        }
    }

    /** An interface method entry: from the data word to m's receiver (Go's generated (*T).M wrappers). */
    private void lowerWrapper(Wrapper w) {
        if (isIface(w.t())) {
            lowerIfaceForwarder(w);
            return;
        }
        beginFunc(w.sig(), (BlockStmt) null, false);
        curGoName = w.goName();
        List<Stmt> body = out;
        CallAbi wabi = abi;
        Signature ms = w.m().signature();
        CallAbi cabi = abiOf(ms);
        long pslot = frameWord(true);
        out.add(new Store(Mem.I64, new FrameAddr(pslot), w.ctx() ? new Load(Mem.I64, new Bin(Op.ADD, K.I, new Local(1, K.I), new IConst(8)))
                : new Local(1, K.I)));
        wrapperFrame(wabi);
        Ir.Expr p = new Load(Mem.I64, new FrameAddr(pslot));
        Loc cur;
        Type ct;
        if (w.t().underlying() instanceof Pointer pt) {
            cur = new Loc(nilcheck(p), 0, true);
            ct = pt.elem();
        } else if (Layouts.isPointerShaped(w.t())) {
            cur = new Loc(new FrameAddr(pslot), 0, false);
            ct = w.t();
        } else {
            cur = new Loc(p, 0, true);
            ct = w.t();
        }
        int[] path = w.path();
        for (int k = 0; k + 1 < path.length; k++) {
            Struct st = (Struct) ct.underlying();
            cur = cur.at(Layouts.fieldOffsets(st)[path[k]]);
            ct = st.field(path[k]).type();
            if (ct.underlying() instanceof Pointer pp) {
                cur = new Loc(spillPtr(nilcheck(load(ct, cur))), 0, true);
                ct = pp.elem();
            }
        }
        Type rt = ms.recv().type();
        List<Ir.Expr> jvmArgs = new ArrayList<>();
        if (rt instanceof Pointer && path.length == 1 && w.t() instanceof Pointer) {
            jvmArgs.add(p);    // a pointer method called with a nil receiver is not a nil dereference
        } else if (rt instanceof Pointer) {
            jvmArgs.add(cur.addr());
        } else if (Layouts.isScalar(rt)) {
            jvmArgs.add(load(rt, cur));
        } else {
            copy(rt, cur, new Loc(new OutAddr(cabi.paramOffs[0]), 0, false));
        }
        forward(wabi, cabi, jvmArgs, callee(w.m(), null).method());
        finishFunc(w.method(), w.goName(), wabi.jvmParams, wabi.jvmRet, body);
    }

    /**
     * The rest of a wrapper: passes its parameters 1.. on to {@code target} (whose first JVM arguments are in
     * {@code jvmArgs}), returns its results.
     */
    private void forward(CallAbi wabi, CallAbi cabi, List<Ir.Expr> jvmArgs, String target) {
        int slot = wabi.paramOffs[0] < 0 ? 3 : 1;
        for (int i = 1; i < wabi.params.size(); i++) {
            Type t = wabi.params.get(i);
            if (wabi.paramOffs[i] < 0) {
                jvmArgs.add(new Local(slot, Layouts.kind(t)));
                slot += 2;
            } else {
                copy(t, new Loc(new FrameAddr(wabi.paramOffs[i]), 0, false), new Loc(new OutAddr(cabi.paramOffs[i]), 0, false));
            }
        }
        CallGo cg = new CallGo(target, jvmArgs, cabi.jvmRet);
        if (cabi.scalarResult) {
            out.add(new Return(cg));
        } else {
            out.add(new Eval(cg));
            for (int i = 0; i < cabi.results.size(); i++) {
                copy(cabi.results.get(i), new Loc(new OutAddr(cabi.resultOffs[i]), 0, false),
                        new Loc(new FrameAddr(wabi.resultOffs[i]), 0, false));
            }
            out.add(new Return(null));
        }
    }

    /** Registers the pointer words of a wrapper's caller-written parameters and of its results. */
    private void wrapperFrame(CallAbi wabi) {
        for (int i = 0; i < wabi.params.size(); i++) {
            if (wabi.paramOffs[i] >= 0) {
                for (int pw : Layouts.pointerWords(wabi.params.get(i))) {
                    ptrOffs.add((int) wabi.paramOffs[i] + pw * 8);
                }
            }
        }
        if (!wabi.scalarResult) {
            for (int i = 0; i < wabi.results.size(); i++) {
                for (int pw : Layouts.pointerWords(wabi.results.get(i))) {
                    ptrOffs.add((int) wabi.resultOffs[i] + pw * 8);
                    zeroOffs.add((int) wabi.resultOffs[i] + pw * 8);
                }
            }
        }
    }

    /**
     * i.M's function (ctx: the closure {id, tab, data}) or I.M's (the interface is its first parameter): calls
     * through the itab's entry k as a method call on the interface does.
     */
    private void lowerIfaceForwarder(Wrapper w) {
        beginFunc(w.sig(), (BlockStmt) null, false);
        curGoName = w.goName();
        List<Stmt> body = out;
        CallAbi wabi = abi;
        wrapperFrame(wabi);
        CallAbi cabi = ifaceCallAbi(w.m());
        Ir.Expr tab, data;
        if (w.ctx()) {
            Ir.Expr ctx = new Local(1, K.I);
            tab = new Load(Mem.I64, new Bin(Op.ADD, K.I, ctx, new IConst(8)));
            data = new Load(Mem.I64, new Bin(Op.ADD, K.I, ctx, new IConst(16)));
        } else {
            tab = new Load(Mem.I64, new FrameAddr(wabi.paramOffs[0]));
            data = new Load(Mem.I64, new FrameAddr(wabi.paramOffs[0] + 8));
        }
        List<Ir.Expr> jvmArgs = new ArrayList<>();
        jvmArgs.add(new Bin(Op.ADD, K.I, nilcheck(tab), new IConst(24 + 8L * w.path()[0])));
        jvmArgs.add(data);
        forward(wabi, cabi, jvmArgs, "call$" + dispatchKey(cabi));
        finishFunc(w.method(), w.goName(), wabi.jvmParams, wabi.jvmRet, body);
    }

    private int ifaceMethodIndex(Type it, Func m) {
        List<Func> ms = ((glassgo.compiler.types.Interface) it.underlying()).allMethods();
        int k = 0;
        while (!ms.get(k).name().equals(m.name())) {
            k++;
        }
        return k;
    }

    /** i.M as a func value: a closure {id, tab, data} (Go panics here if i is nil). */
    private Ir.Expr ifaceMethodValue(SelectorExpr sel, Func m) {
        Type it = info.typeOf(sel.x);
        Loc x = frameTemp(it);
        into(sel.x, x);
        out.add(new Eval(nilcheck(new Load(Mem.I64, x.addr()))));
        Ir.Expr tab = new Load(Mem.I64, x.addr());
        String key = "imv:" + tds().type(it) + "." + m.name();
        Integer id = wrapperIds.get(key);
        if (id == null) {
            Signature ms = (Signature) m.type();
            String method = "imw$" + (wrappers.size() + 1);
            id = fnId(method, true, new Signature(null, List.of(), ms.params(), ms.results(), ms.variadic()));
            wrappers.add(new Wrapper(method, TypeDescriptors.typeString(it) + "." + m.name() + "-fm", it, m,
                    new int[] {ifaceMethodIndex(it, m)}, ifaceSig(ms), true));
            wrapperIds.put(key, id);
        }
        TypeRef tr = typeRefDesc("closure2", new TypeDesc("funcval+2", 24, new int[] {1, 2}));
        Ir.Expr obj = spillPtr(new CallRt("Abi", "newobject", List.of(tr), K.I));
        out.add(new Store(Mem.I64, obj, new IConst(id)));
        out.add(new StorePtr(new Bin(Op.ADD, K.I, obj, new IConst(8)), tab));
        out.add(new StorePtr(new Bin(Op.ADD, K.I, obj, new IConst(16)), new Load(Mem.I64, x.at(8).addr())));
        return obj;
    }

    /** I.M as a func value taking the interface value first. */
    private Ir.Expr ifaceMethodExpr(Type it, Func m) {
        String key = "ime:" + tds().type(it) + "." + m.name();
        Integer id = wrapperIds.get(key);
        if (id == null) {
            Signature ms = (Signature) m.type();
            List<Var> ps = new ArrayList<>();
            ps.add(new Var(0, pkg, "", it));
            ps.addAll(ms.params().vars());
            Signature es = new Signature(null, List.of(), new glassgo.compiler.types.Tuple(ps), ms.results(), ms.variadic());
            String method = "imx$" + (wrappers.size() + 1);
            id = fnId(method, false, es);
            wrappers.add(new Wrapper(method, TypeDescriptors.typeString(it) + "." + m.name(), it, m,
                    new int[] {ifaceMethodIndex(it, m)}, es, false));
            wrapperIds.put(key, id);
        }
        byte[] w = new byte[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (byte) (id >>> (8 * i));
        }
        return new DataAddr(stringData(w));
    }

    /**
     * After every function is lowered: the itabs assertions may need (every concrete type with a descriptor
     * against every non-empty interface type it implements), the method entries they list, the tables for the
     * runtime, and the call of Iface.init at the head of go$entry.
     */
    private void finishInterfaces() {
        if (tds == null) {
            return;
        }
        if (rtError != null) {
            lowerRuntimeErrorMethods();
        }
        int done = 0;
        while (true) {
            int before = tds.concreteTypes().size() + tds.interfaceTypes().size();
            for (Type it : tds.interfaceTypes()) {
                for (Type t : tds.concreteTypes()) {
                    if (Lookup.missingMethod(t, (glassgo.compiler.types.Interface) it.underlying(), true) == null) {
                        tds.itab(t, it, this::methodEntry);
                    }
                }
            }
            while (done < wrappers.size()) {
                lowerWrapper(wrappers.get(done++));
            }
            lowerInstances(); // methods of generic types the itabs list
            if (tds.concreteTypes().size() + tds.interfaceTypes().size() == before) {
                break;
            }
        }
        long[] tabs = tds.tables();
        for (Ir.Func f : funcs) {
            if (f.method().equals("go$entry")) {
                f.body().add(0, new Eval(new CallRt(IFACE, "init", List.of(new DataAddr(tabs[0]), new IConst(tabs[1]),
                        new DataAddr(tabs[2]), new IConst(tabs[3])), K.V)));
            }
        }
    }

    // =============================================================================== calls

    private CallAbi callAbi(CallExpr c) {
        Type ft = info.typeOf(unparen(c.fun)).underlying();
        if (!(ft instanceof Signature s)) {
            throw new Unsupported("call of a non-function", c.pos());
        }
        Obj o = calleeObj(c);
        Func im = ifaceMethod(c);
        if (im != null) {
            return ifaceCallAbi(im);
        }
        if (unparen(c.fun) instanceof SelectorExpr fs && info.isType(fs.x)) {
            return abiOf(s);
        }
        if (o instanceof Func f) {
            return abiOf(callee(f, calleeIdent(c)).sig());
        }
        return abiOf(s);
    }

    /** The identifier naming the called function or method (f, f[T], x.m, pkg.f), or null. */
    private Ident calleeIdent(CallExpr c) {
        glassgo.compiler.ast.Expr f = unparen(c.fun);
        if (f instanceof IndexExpr ix) {
            f = unparen(ix.x);
        } else if (f instanceof IndexListExpr il) {
            f = unparen(il.x);
        }
        return f instanceof Ident id ? id : f instanceof SelectorExpr sel ? sel.sel : null;
    }

    Obj calleeObj(CallExpr c) {
        Ident id = calleeIdent(c);
        if (id == null || (id != unparen(c.fun) && !(info.obj(id) instanceof Func))) {
            return null;
        }
        Obj o = info.obj(id);
        if (o instanceof Func m && unparen(c.fun) instanceof SelectorExpr sel) {
            return concreteMethod(m, sel);
        }
        return o;
    }

    /**
     * x.m() where x's type is a type parameter: the checker found m in the constraint's interface; in an
     * instance x has the concrete type argument, whose own method m is called directly.
     */
    private Func concreteMethod(Func m, SelectorExpr sel) {
        Var recv = m.signature().recv();
        Type xt = info.typeOf(sel.x);
        if (recv == null || !(recv.type().underlying() instanceof glassgo.compiler.types.Interface) || xt == null
                || xt.underlying() instanceof glassgo.compiler.types.Interface) {
            return m;
        }
        Lookup.Result r = Lookup.lookupFieldOrMethod(xt, true, pkg, m.name());
        return r != null && r.obj() instanceof Func f ? f : m;
    }

    private Ir.Expr callScalar(CallExpr c) {
        glassgo.compiler.ast.Expr f = unparen(c.fun);
        if (info.isType(f)) {
            Type to = info.typeOf(c);
            glassgo.compiler.ast.Expr arg = c.args.get(0);
            return convertScalar(scalar(arg), info.typeOf(arg), to);
        }
        Builtin.Id b = info.builtin(f);
        if (b != null) {
            return builtinScalar(b, c);
        }
        CallAbi cabi = callAbi(c);
        Ir.Expr r = call(c, null);
        if (cabi.scalarResult) {
            if (Layouts.isPointerShaped(cabi.results.get(0))) {
                return spillPtr(r);
            }
            int slot = newLocal();
            out.add(new SetLocal(slot, r));
            return new Local(slot, r.kind());
        }
        throw new IllegalStateException("ir: call with aggregate result used as a scalar");
    }

    /**
     * Emits the call. For a scalar result returns the CallGo expression (to be used once, at once); else
     * emits it as a statement and the results are at OutAddr(resultOffs) until the next call.
     */
    private Ir.Expr call(CallExpr c, Object unused) {
        glassgo.compiler.ast.Expr f = unparen(c.fun);
        Func im = ifaceMethod(c);
        if (im != null) {
            Object[] rv = ifaceReceiver((SelectorExpr) f, im);
            return ifaceCall(c, (Loc) rv[0], (Type) rv[1], im);
        }
        if (f instanceof SelectorExpr fs && info.isType(fs.x) && info.obj(fs.sel) instanceof Func) {
            return callValue(c, f);    // T.M(x, args): through the method expression's func value
        }
        Obj o = calleeObj(c);
        if (!(o instanceof Func fn) || (f instanceof SelectorExpr fs && !(info.obj(fs.sel) instanceof Func))) {
            return callValue(c, f);
        }
        Callee ce = callee(fn, calleeIdent(c));
        Signature s = ce.sig();
        CallAbi cabi = abiOf(s);
        List<glassgo.compiler.ast.Expr> args = new ArrayList<>();
        List<Type> argTypes = new ArrayList<>();
        Object recvVal = null;
        if (s.recv() != null) {
            SelectorExpr sel = (SelectorExpr) f;
            Type rt = s.recv().type();
            Type xt = info.typeOf(sel.x);
            boolean wantPtr = rt instanceof Pointer;
            boolean havePtr = xt.underlying() instanceof Pointer;
            // walk embedded fields to the receiver
            Lookup.Result r = Lookup.lookupFieldOrMethod(xt, true, pkg, sel.sel.name);
            if (rt.underlying() instanceof glassgo.compiler.types.Interface
                    || (rt instanceof Pointer rp && rp.elem().underlying() instanceof glassgo.compiler.types.Interface)) {
                throw new Unsupported("interface method calls", c.pos());
            }
            if (r != null && r.index().length > 1) {
                // a promoted method: walk the embedded fields to the receiver
                int[] path = r.index();
                Loc cur;
                Type ct = xt;
                if (xt.underlying() instanceof Pointer p) {
                    cur = new Loc(spillPtr(nilcheck(scalar(sel.x))), 0, true);
                    ct = p.elem();
                } else {
                    cur = addressOfOrTemp(sel.x);
                }
                for (int k = 0; k + 1 < path.length; k++) {
                    Struct st = (Struct) ct.underlying();
                    cur = cur.at(Layouts.fieldOffsets(st)[path[k]]);
                    ct = st.field(path[k]).type();
                    if (k + 2 < path.length && ct.underlying() instanceof Pointer p) {
                        cur = new Loc(spillPtr(nilcheck(load(ct, cur))), 0, true);
                        ct = p.elem();
                    }
                }
                boolean holderPtr = ct.underlying() instanceof Pointer;
                if (wantPtr) {
                    if (holderPtr) {
                        recvVal = spillPtr(load(ct, cur));
                    } else if (cur.heap()) {
                        recvVal = spillPtr(cur.addr());
                    } else {
                        throw new Unsupported("pointer method of an embedded field of a temporary", c.pos());
                    }
                } else {
                    Loc src = holderPtr ? new Loc(spillPtr(nilcheck(load(ct, cur))), 0, true) : cur;
                    if (Layouts.isScalar(rt)) {
                        recvVal = spillScalarAlways(load(rt, src), rt);
                    } else {
                        Loc tmp = frameTemp(rt);
                        copy(rt, src, tmp);
                        recvVal = tmp;
                    }
                }
            } else if (wantPtr == havePtr) {
                if (wantPtr) {
                    recvVal = spillPtr(scalar(sel.x));
                } else {
                    recvVal = argValue(sel.x, rt);
                }
            } else if (wantPtr) {
                recvVal = spillPtr(addressOf(sel.x).addr());
            } else {
                Ir.Expr p = spillPtr(nilcheck(scalar(sel.x)));
                Loc src = new Loc(p, 0, true);
                if (Layouts.isScalar(rt)) {
                    recvVal = spillScalarAlways(load(rt, src), rt);
                } else {
                    Loc tmp = frameTemp(rt);
                    copy(rt, src, tmp);
                    recvVal = tmp;
                }
            }
        }
        List<Object> vals = new ArrayList<>();
        if (recvVal != null) {
            vals.add(recvVal);
        }
        int pi = recvVal != null ? 1 : 0;
        vals.addAll(argValues(c, s, cabi, pi));
        // now write the aggregate arguments into the callee's frame and collect the JVM ones
        List<Ir.Expr> jvmArgs = new ArrayList<>();
        for (int i = 0; i < vals.size(); i++) {
            Type pt = cabi.params.get(i);
            if (cabi.paramOffs[i] < 0) {
                jvmArgs.add((Ir.Expr) vals.get(i));
            } else {
                copy(pt, (Loc) vals.get(i), new Loc(new OutAddr(cabi.paramOffs[i]), 0, false));
            }
        }
        CallGo cg = new CallGo(ce.method(), jvmArgs, cabi.jvmRet);
        if (cabi.scalarResult) {
            return cg;
        }
        out.add(new Eval(cg));
        return null;
    }

    /** f(args) where f is a func value: the dispatcher for f's JVM signature calls the function its funcval names. */
    private Ir.Expr callValue(CallExpr c, glassgo.compiler.ast.Expr f) {
        Signature s = (Signature) info.typeOf(f).underlying();
        CallAbi cabi = abiOf(s);
        Ir.Expr fv = spillPtr(scalar(f));
        List<Object> vals = argValues(c, s, cabi, 0);
        List<Ir.Expr> jvmArgs = new ArrayList<>();
        jvmArgs.add(fv);
        for (int i = 0; i < vals.size(); i++) {
            if (cabi.paramOffs[i] < 0) {
                jvmArgs.add((Ir.Expr) vals.get(i));
            } else {
                copy(cabi.params.get(i), (Loc) vals.get(i), new Loc(new OutAddr(cabi.paramOffs[i]), 0, false));
            }
        }
        CallGo cg = new CallGo("call$" + dispatchKey(cabi), jvmArgs, cabi.jvmRet);
        if (cabi.scalarResult) {
            return cg;
        }
        out.add(new Eval(cg));
        return null;
    }

    /**
     * The arguments of a call of signature {@code s} (parameters from ABI index {@code pi}), each in a stable
     * form. gc evaluates the arguments that call or allocate first, in order, then the plain operands. A
     * variadic call without {@code ...} packs its trailing arguments into a fresh slice (nil when there are
     * none), as the compiler's walk does; {@code f(g())} spreads g's results over the parameters.
     */
    private List<Object> argValues(CallExpr c, Signature s, CallAbi cabi, int pi) {
        int np = s.params().len();
        if (c.args.size() == 1 && np > 1 && info.typeOf(c.args.get(0)) instanceof glassgo.compiler.types.Tuple) {
            CallExpr inner = (CallExpr) unparen(c.args.get(0));
            CallAbi iabi = callAbi(inner);
            List<Loc> tmps = callToTemps(inner, iabi);
            if (s.variadic()) {
                throw new Unsupported("f(g()) of a variadic function", c.pos());
            }
            List<Object> vals = new ArrayList<>();
            for (int i = 0; i < tmps.size(); i++) {
                Type pt = cabi.params.get(pi + i);
                Type rt = iabi.results.get(i);
                vals.add(Layouts.isScalar(pt) ? spillScalarAlways(load(rt, tmps.get(i)), pt) : tmps.get(i));
            }
            return vals;
        }
        boolean pack = s.variadic() && c.ellipsis == 0;
        int fixed = pack ? np - 1 : np;
        Type sliceT = pack ? s.params().at(np - 1).type() : null;
        Type elem = pack ? ((Slice) sliceT.underlying()).elem() : null;
        Object[] argVals = new Object[c.args.size()];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < c.args.size(); i++) {
                if (hasSafepoint(c.args.get(i)) == (pass == 0)) {
                    argVals[i] = argValue(c.args.get(i), i < fixed ? cabi.params.get(pi + i) : elem);
                }
            }
        }
        List<Object> vals = new ArrayList<>(List.of(argVals).subList(0, Math.min(fixed, argVals.length)));
        if (pack) {
            vals.add(packVariadic(sliceT, elem, List.of(argVals).subList(fixed, argVals.length)));
        }
        return vals;
    }

    /** The ...T parameter's slice of the trailing arguments (already evaluated, in stable form). */
    private Loc packVariadic(Type sliceT, Type elem, List<Object> extra) {
        Loc sl = frameTemp(sliceT);
        int n = extra.size();
        if (n == 0) {
            zero(sliceT, sl);
            return sl;
        }
        long es = Layouts.size(elem);
        Ir.Expr arr = spillPtr(new CallRt("Abi", "makeslice", List.of(typeRef(elem), new IConst(n), new IConst(n)), K.I));
        for (int k = 0; k < n; k++) {
            Loc el = new Loc(arr, k * es, true);
            if (extra.get(k) instanceof Loc l) {
                copy(elem, l, el);
            } else {
                storeTo(el, elem, (Ir.Expr) extra.get(k));
            }
        }
        out.add(new Store(Mem.I64, sl.addr(), arr));
        out.add(new Store(Mem.I64, sl.at(8).addr(), new IConst(n)));
        out.add(new Store(Mem.I64, sl.at(16).addr(), new IConst(n)));
        return sl;
    }

    /** An argument evaluated into a stable form: a JVM local / pointer slot / frame temporary. */
    Object argValue(glassgo.compiler.ast.Expr a, Type pt) {
        if (Layouts.isScalar(pt)) {
            Ir.Expr v = convertScalar(scalar(a), info.typeOf(a), pt);
            return spillScalarAlways(v, pt);
        }
        Loc tmp = frameTemp(pt);
        intoAs(a, tmp, pt);
        return tmp;
    }

    // =============================================================================== builtins

    private void builtinStmt(Builtin.Id b, CallExpr c) {
        switch (b) {
            case PRINT, PRINTLN -> {
                if (c.args.size() == 1 && info.typeOf(c.args.get(0)) instanceof glassgo.compiler.types.Tuple tup) {
                    // println(f()) with several results: each result is an argument
                    CallExpr inner = (CallExpr) unparen(c.args.get(0));
                    List<Loc> tmps = callToTemps(inner, callAbi(inner));
                    for (int i = 0; i < tmps.size(); i++) {
                        if (b == Builtin.Id.PRINTLN && i > 0) {
                            out.add(new Eval(new CallRt("Print", "printsp", List.of(), K.V)));
                        }
                        printValue(tup.at(i).type(), tmps.get(i));
                    }
                    if (b == Builtin.Id.PRINTLN) {
                        out.add(new Eval(new CallRt("Print", "printnl", List.of(), K.V)));
                    }
                    return;
                }
                // as gc: the arguments that call are evaluated first, then everything is printed in order
                List<glassgo.compiler.ast.Expr> args = c.args;
                for (glassgo.compiler.ast.Expr a : args) {
                    if (hasSafepoint(a)) {
                        Type t = info.typeOf(a);
                        pre.put(unparen(a), Layouts.isScalar(t) ? spillScalarAlways(scalar(a), t) : aggr(a));
                    }
                }
                for (int i = 0; i < args.size(); i++) {
                    if (b == Builtin.Id.PRINTLN && i > 0) {
                        out.add(new Eval(new CallRt("Print", "printsp", List.of(), K.V)));
                    }
                    printArg(args.get(i));
                }
                if (b == Builtin.Id.PRINTLN) {
                    out.add(new Eval(new CallRt("Print", "printnl", List.of(), K.V)));
                }
            }
            case PANIC -> panicValue(c.args.get(0));
            case COPY -> out.add(new Eval(copyBuiltin(c)));
            case DELETE -> maps.delete(c);
            case CLOSE -> chans.close(c);
            case RECOVER -> recoverInto(frameTemp(info.typeOf(c)));
            default -> {
                if (b == Builtin.Id.APPEND || b == Builtin.Id.LEN || b == Builtin.Id.CAP || b == Builtin.Id.NEW) {
                    throw new Unsupported("unused result of " + b.name().toLowerCase(), c.pos());
                }
                throw new Unsupported("builtin " + b.name().toLowerCase(), c.pos());
            }
        }
    }

    private String qualified(Type t) {
        if (t instanceof glassgo.compiler.types.Named n && n.obj().pkg() != null) {
            return n.obj().pkg().name() + "." + n.obj().name();
        }
        return t.toString();
    }

    /** Prints a value already in memory. */
    private void printValue(Type t, Loc l) {
        Type u = t.underlying();
        if (Predicates.isString(t)) {
            out.add(new Eval(new CallRt("Print", "printstring", List.of(new Load(Mem.I64, l.addr()), new Load(Mem.I64, l.at(8).addr())), K.V)));
        } else if (Layouts.isPointerShaped(t)) {
            out.add(new Eval(new CallRt("Print", "printpointer", List.of(load(t, l)), K.V)));
        } else if (u instanceof Basic b && Layouts.isScalar(t)) {
            String m = b.is(Basic.IS_BOOLEAN) ? "printbool" : b.is(Basic.IS_FLOAT) ? "printfloat"
                    : b.is(Basic.IS_UNSIGNED) ? "printuint" : "printint";
            out.add(new Eval(new CallRt("Print", m, List.of(load(t, l)), K.V)));
        } else {
            throw new Unsupported("print of " + t);
        }
    }

    private void printArg(glassgo.compiler.ast.Expr a) {
        Type t = info.typeOf(a);
        if (t instanceof Basic b && b.kind() == Basic.Kind.UNTYPED_NIL) {
            out.add(new Eval(new CallRt("Print", "printpointer", List.of(new IConst(0)), K.V)));
            return;
        }
        Type dt = Predicates.defaultType(t);
        Type u = dt.underlying();
        if (u instanceof Basic b) {
            if (b.is(Basic.IS_STRING)) {
                Loc s = aggr(a);
                out.add(new Eval(new CallRt("Print", "printstring", List.of(new Load(Mem.I64, s.addr()),
                        new Load(Mem.I64, s.at(8).addr())), K.V)));
                return;
            }
            if (b.is(Basic.IS_COMPLEX)) {
                throw new Unsupported("complex numbers", a.pos());
            }
            Ir.Expr v = convertScalar(scalar(a), t, dt);
            if (b.is(Basic.IS_BOOLEAN)) {
                out.add(new Eval(new CallRt("Print", "printbool", List.of(v), K.V)));
            } else if (b.is(Basic.IS_FLOAT)) {
                out.add(new Eval(new CallRt("Print", "printfloat", List.of(v), K.V)));
            } else if (b.kind() == Basic.Kind.UNSAFE_POINTER) {
                out.add(new Eval(new CallRt("Print", "printpointer", List.of(v), K.V)));
            } else if (b.is(Basic.IS_UNSIGNED)) {
                out.add(new Eval(new CallRt("Print", "printuint", List.of(v), K.V)));
            } else {
                out.add(new Eval(new CallRt("Print", "printint", List.of(v), K.V)));
            }
            return;
        }
        if (Layouts.isPointerShaped(dt)) {
            out.add(new Eval(new CallRt("Print", "printpointer", List.of(scalar(a)), K.V)));
            return;
        }
        if (u instanceof glassgo.compiler.types.Interface) {
            printIface(a);
            return;
        }
        if (u instanceof Slice) {
            Loc s = aggr(a);
            out.add(new Eval(new CallRt("Print", "printslice", List.of(new Load(Mem.I64, s.addr()),
                    new Load(Mem.I64, s.at(8).addr()), new Load(Mem.I64, s.at(16).addr())), K.V)));
            return;
        }
        throw new Unsupported("print of " + t, a.pos());
    }

    private Ir.Expr builtinScalar(Builtin.Id b, CallExpr c) {
        switch (b) {
            case LEN, CAP -> {
                glassgo.compiler.ast.Expr a = c.args.get(0);
                Type t = info.typeOf(a).underlying();
                if (t instanceof Array arr) {
                    return new IConst(arr.len());
                }
                if (t instanceof Pointer p && p.elem().underlying() instanceof Array arr) {
                    if (hasSafepoint(a)) {
                        out.add(new Eval(scalar(a)));   // len(f()), len(<-c): not constant, the call happens
                    }
                    return new IConst(arr.len());
                }
                if (t instanceof Slice || (t instanceof Basic bt && bt.is(Basic.IS_STRING))) {
                    Loc s = aggr(a);
                    return new Load(Mem.I64, s.at(b == Builtin.Id.LEN ? 8 : 16).addr());
                }
                if (t instanceof glassgo.compiler.types.Map) {
                    return maps.len(a);
                }
                if (t instanceof glassgo.compiler.types.Chan) {
                    return chans.lenCap(b == Builtin.Id.LEN, a);
                }
                throw new Unsupported(b.name().toLowerCase() + " of " + t, c.pos());
            }
            case NEW -> {
                Type t = ((Pointer) info.typeOf(c)).elem();
                return spillPtr(newobject(t));
            }
            case COPY -> {
                int slot = newLocal();
                out.add(new SetLocal(slot, copyBuiltin(c)));
                return new Local(slot, K.I);
            }
            case RECOVER -> throw new Unsupported("recover", c.pos());
            case MAKE -> {
                return info.typeOf(c).underlying() instanceof glassgo.compiler.types.Map ? maps.make(c) : chans.make(c);
            }
            default -> throw new Unsupported("builtin " + b.name().toLowerCase(), c.pos());
        }
    }

    private Ir.Expr copyBuiltin(CallExpr c) {
        Type dt = info.typeOf(c.args.get(0));
        Type st = info.typeOf(c.args.get(1));
        Loc d = frameTemp(dt);
        into(c.args.get(0), d);
        Loc s = frameTemp(st);
        into(c.args.get(1), s);
        Type elem = ((Slice) dt.underlying()).elem();
        return new CallRt("Abi", "slicecopy", List.of(typeRef(elem), new Load(Mem.I64, d.addr()), new Load(Mem.I64, d.at(8).addr()),
                new Load(Mem.I64, s.addr()), new Load(Mem.I64, s.at(8).addr())), K.I);
    }

    private void builtinInto(Builtin.Id b, CallExpr c, Loc dst) {
        switch (b) {
            case MAKE -> {
                Type t = info.typeOf(c);
                if (!(t.underlying() instanceof Slice sl)) {
                    throw new Unsupported(t.underlying() instanceof glassgo.compiler.types.Map ? "maps" : "channels", c.pos());
                }
                Ir.Expr len = spillScalar(intOf(c.args.get(1)), null0());
                Ir.Expr cap = c.args.size() > 2 ? spillScalar(intOf(c.args.get(2)), null0()) : len;
                Ir.Expr arr = spillPtr(new CallRt("Abi", "makeslice", List.of(typeRef(sl.elem()), len, cap), K.I));
                storeTo(dst, unsafePtr(), arr);
                out.add(new Store(Mem.I64, dst.at(8).addr(), len));
                out.add(new Store(Mem.I64, dst.at(16).addr(), cap));
            }
            case APPEND -> append(c, dst);
            case RECOVER -> recoverInto(dst);
            default -> throw new Unsupported("builtin " + b.name().toLowerCase(), c.pos());
        }
    }

    /** append(s, x...): grow if needed (growslice), then store the new elements. */
    private void append(CallExpr c, Loc dst) {
        Type st = info.typeOf(c);
        Type elem = ((Slice) st.underlying()).elem();
        long es = Layouts.size(elem);
        Loc s = frameTemp(st);
        into(c.args.get(0), s);
        if (c.ellipsis > 0) {
            // append(s, t...)
            Type tt = info.typeOf(c.args.get(1));
            Loc t = frameTemp(Predicates.isString(tt) ? tt : st);
            into(c.args.get(1), t);
            Ir.Expr n = new Load(Mem.I64, t.at(8).addr());
            grow(s, elem, n);
            Ir.Expr at = new Bin(Op.ADD, K.I, new Load(Mem.I64, s.addr()), scaled(new Bin(Op.SUB, K.I,
                    new Load(Mem.I64, s.at(8).addr()), n), es));
            out.add(new Eval(new CallRt("Abi", "typedmemmove", List.of(typeRef(elem), at, new Load(Mem.I64, t.addr()), n, new IConst(1)), K.V)));
            copy(st, s, dst);
            return;
        }
        int n = c.args.size() - 1;
        if (n == 0) {
            copy(st, s, dst);
            return;
        }
        // evaluate the new elements first (they may call, allocate or read s)
        List<Object> vals = new ArrayList<>();
        for (int i = 1; i < c.args.size(); i++) {
            vals.add(argValue(c.args.get(i), elem));
        }
        grow(s, elem, new IConst(n));
        for (int i = 0; i < n; i++) {
            Ir.Expr idx = new Bin(Op.ADD, K.I, new Load(Mem.I64, s.at(8).addr()), new IConst(i - n));
            Loc el = new Loc(new Bin(Op.ADD, K.I, new Load(Mem.I64, s.addr()), scaled(idx, es)), 0, true);
            if (vals.get(i) instanceof Loc l) {
                copy(elem, l, el);
            } else {
                storeTo(el, elem, (Ir.Expr) vals.get(i));
            }
        }
        copy(st, s, dst);
    }

    /** s (a frame temp) gets n more elements: len += n, growing the array when cap is short. */
    private void grow(Loc s, Type elem, Ir.Expr n) {
        int nl = newLocal();
        out.add(new SetLocal(nl, new Bin(Op.ADD, K.I, new Load(Mem.I64, s.at(8).addr()), n)));
        Ir.Expr newLen = new Local(nl, K.I);
        out.add(new If(new Bin(Op.UGT, K.I, newLen, new Load(Mem.I64, s.at(16).addr())),
                List.of(new Eval(new CallRt("Abi", "growslice", List.of(typeRef(elem), s.addr(), new Load(Mem.I64, s.addr()),
                        new Load(Mem.I64, s.at(8).addr()), new Load(Mem.I64, s.at(16).addr()), newLen), K.V))),
                List.of(new Store(Mem.I64, s.at(8).addr(), newLen))));
    }
}
