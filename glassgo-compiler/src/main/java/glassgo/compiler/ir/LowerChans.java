// LowerChans: channels, select and the go statement in compiled Go, as calls of the runtime's chan.go,
// select.go and proc.go entry points (glassgo.runtime.chan.ChanAbi, glassgo.runtime.mutator.Newproc).
// Mirrors cmd/compile's walk of OSEND, ORECV, OCLOSE, OSELECT (walk/select.go), ORANGE over channels and
// OGO (the wrapper closure walk builds for go f(x)).
package glassgo.compiler.ir;

import glassgo.compiler.ast.AssignStmt;
import glassgo.compiler.ast.CallExpr;
import glassgo.compiler.ast.CommClause;
import glassgo.compiler.ast.Expr;
import glassgo.compiler.ast.ExprStmt;
import glassgo.compiler.ast.GoStmt;
import glassgo.compiler.ast.RangeStmt;
import glassgo.compiler.ast.SelectStmt;
import glassgo.compiler.ast.SelectorExpr;
import glassgo.compiler.ast.SendStmt;
import glassgo.compiler.ast.UnaryExpr;
import glassgo.compiler.ir.Ir.*;
import glassgo.compiler.syntax.Token;
import glassgo.compiler.types.Chan;
import glassgo.compiler.types.Func;
import glassgo.compiler.types.Lookup;
import glassgo.compiler.types.Obj;
import glassgo.compiler.types.Pointer;
import glassgo.compiler.types.Signature;
import glassgo.compiler.types.Type;
import glassgo.compiler.types.Universe;

import java.util.ArrayList;
import java.util.List;

/**
 * A channel value is its hchan's address. Elements travel through frame temporaries (registered in the frame's
 * pointer map), so a goroutine parked in a send or receive keeps its value rooted and the goroutine that
 * completes the operation writes the received value there with the write barrier.
 */
final class LowerChans {
    static final String CHANS = "glassgo.runtime.chan.ChanAbi";

    private final Lower l;
    private int goCounter;

    LowerChans(Lower l) {
        this.l = l;
    }

    private static Type elemOf(Type chanType) {
        return ((Chan) chanType.underlying()).elem();
    }

    /** make(chan T[, n]). */
    Ir.Expr make(CallExpr c) {
        Type t = l.info.typeOf(c);
        Ir.Expr size = c.args.size() > 1 ? l.intOf(c.args.get(1)) : new IConst(0);
        return l.spillPtr(new CallRt(CHANS, "makechan", List.of(new StackRef(), l.typeRef(elemOf(t)), size), K.I));
    }

    Ir.Expr lenCap(boolean len, Expr c) {
        return new CallRt(CHANS, len ? "chanlen" : "chancap", List.of(l.scalar(c)), K.I);
    }

    /** The element of type {@code et} evaluated into a frame temporary (what a send passes by address). */
    private Lower.Loc elemTemp(Expr v, Type et) {
        Lower.Loc tmp = l.frameTemp(et);
        if (Layouts.isScalar(et)) {
            l.storeTo(tmp, et, l.convertScalar(l.scalar(v), l.info.typeOf(v), et));
        } else {
            l.intoAs(v, tmp, et);
        }
        return tmp;
    }

    /** c <- v: the channel, then the value, then chansend1. */
    void send(SendStmt s) {
        Type et = elemOf(l.info.typeOf(s.chan));
        Ir.Expr c = l.spillPtr(l.scalar(s.chan));
        Lower.Loc v = elemTemp(s.value, et);
        l.out.add(new Eval(new CallRt(CHANS, "chansend1", List.of(new StackRef(), c, v.addr()), K.V)));
    }

    /** <-c into a fresh frame temporary; returns it. */
    Lower.Loc recvTemp(UnaryExpr u) {
        Type et = elemOf(l.info.typeOf(u.x));
        Ir.Expr c = l.scalar(u.x);
        Lower.Loc tmp = l.frameTemp(et);
        l.out.add(new Eval(new CallRt(CHANS, "chanrecv1", List.of(new StackRef(), c, tmp.addr()), K.V)));
        return tmp;
    }

    /** <-c as a scalar value. */
    Ir.Expr recv(UnaryExpr u) {
        Type et = elemOf(l.info.typeOf(u.x));
        return l.load(et, recvTemp(u));
    }

    /** <-c as a statement: the value is dropped. */
    void recvStmt(UnaryExpr u) {
        l.out.add(new Eval(new CallRt(CHANS, "chanrecv1", List.of(new StackRef(), l.scalar(u.x), new IConst(0)), K.V)));
    }

    /** v, ok = <-c. */
    void commaOk(List<Expr> lhs, UnaryExpr u, boolean define) {
        Type et = elemOf(l.info.typeOf(u.x));
        Ir.Expr c = l.scalar(u.x);
        Lower.Loc tmp = l.frameTemp(et);
        Ir.Expr ok = l.spillScalarAlways(new CallRt(CHANS, "chanrecv2", List.of(new StackRef(), c, tmp.addr()), K.I), Universe.BOOL);
        Object v = Layouts.isScalar(et) ? l.load(et, tmp) : tmp;
        l.maps.assignPair(lhs, define, et, v, ok);
    }

    /** close(c). */
    void close(CallExpr c) {
        l.out.add(new Eval(new CallRt(CHANS, "closechan", List.of(new StackRef(), l.scalar(c.args.get(0))), K.V)));
    }

    /** for v := range c: receive until the channel is closed and drained. */
    void range(RangeStmt rs, int label, boolean define) {
        Type et = elemOf(l.info.typeOf(rs.x));
        Ir.Expr c = l.spillPtr(l.scalar(rs.x));
        Lower.Loc tmp = l.frameTemp(et);
        List<Stmt> body = l.sub(() -> {
            l.out.add(new If(new CallRt(CHANS, "chanrecv2", List.of(new StackRef(), c, tmp.addr()), K.I),
                    List.of(), List.of(new Break(label))));
            if (rs.key != null) {
                l.maps.assignFrom(rs.key, define, et, tmp);
            }
            l.lowerBlock(rs.body.list);
        });
        l.out.add(new Loop(label, body, List.of(new Poll())));
    }

    // ------------------------------------------------------------------------------------------- select

    /**
     * select: every channel operand and send value is evaluated in source order, the scases are laid out in
     * the frame (sends first, then receives, as selectgo wants), selectgo picks one (at random among the ready
     * ones) or the default, and the chosen clause's assignments and body run. {@code break} leaves the select.
     */
    void select(SelectStmt ss, int label) {
        List<CommClause> clauses = new ArrayList<>();
        CommClause dflt = null;
        for (glassgo.compiler.ast.Stmt s : ss.body.list) {
            CommClause cc = (CommClause) s;
            if (cc.comm == null) {
                dflt = cc;
            } else {
                clauses.add(cc);
            }
        }
        if (clauses.isEmpty() && dflt == null) {
            l.out.add(new Eval(new CallRt(CHANS, "block", List.of(new StackRef()), K.V)));
            return;
        }
        List<CommClause> sends = new ArrayList<>();
        List<CommClause> recvs = new ArrayList<>();
        for (CommClause cc : clauses) {
            (cc.comm instanceof SendStmt ? sends : recvs).add(cc);
        }
        int n = clauses.size();
        // the scase array {c, elem} per case; c is a pointer word, elem points into this frame
        long cas0 = -1;
        if (n > 0) {
            l.frameSize = (l.frameSize + 7) & -8;
            cas0 = l.frameSize;
            l.frameSize += 16L * n;
            l.area(cas0, 16L * n);
            for (int i = 0; i < n; i++) {
                l.ptrOffs.add((int) (cas0 + 16L * i));
                l.zeroOffs.add((int) (cas0 + 16L * i));
            }
        }
        Lower.Loc[] elems = new Lower.Loc[n];
        for (CommClause cc : clauses) {   // source order
            int idx = sends.contains(cc) ? sends.indexOf(cc) : sends.size() + recvs.indexOf(cc);
            Ir.Expr c;
            Lower.Loc elem;
            if (cc.comm instanceof SendStmt s) {
                c = l.spillPtr(l.scalar(s.chan));
                elem = elemTemp(s.value, elemOf(l.info.typeOf(s.chan)));
            } else {
                UnaryExpr u = recvOf(cc.comm);
                c = l.spillPtr(l.scalar(u.x));
                elem = l.frameTemp(elemOf(l.info.typeOf(u.x)));
            }
            elems[idx] = elem;
            l.out.add(new Store(Mem.I64, new FrameAddr(cas0 + 16L * idx), c));
            l.out.add(new Store(Mem.I64, new FrameAddr(cas0 + 16L * idx + 8), elem.addr()));
        }
        int r = l.newLocal();
        if (n > 0) {
            l.out.add(new SetLocal(r, new CallRt(CHANS, "selectgo", List.of(new StackRef(), new FrameAddr(cas0),
                    new IConst(sends.size()), new IConst(recvs.size()), new IConst(dflt == null ? 1 : 0)), K.I)));
        } else {
            l.out.add(new SetLocal(r, new IConst(0xFFFFFFFFL)));
        }
        int chosen = l.newLocal();
        l.out.add(new SetLocal(chosen, new Un(Conv.SEXT32, K.I, new Local(r, K.I))));
        int savedB = l.breakTarget;
        l.breakTarget = label;
        try {
            List<Stmt> body = new ArrayList<>();
            for (CommClause cc : clauses) {
                int idx = sends.contains(cc) ? sends.indexOf(cc) : sends.size() + recvs.indexOf(cc);
                Lower.Loc elem = elems[idx];
                body.add(new If(new Bin(Op.EQ, K.I, new Local(chosen, K.I), new IConst(idx)), l.sub(() -> {
                    if (cc.comm instanceof AssignStmt as) {
                        UnaryExpr u = recvOf(as);
                        Type et = elemOf(l.info.typeOf(u.x));
                        boolean define = as.tok == Token.DEFINE;
                        l.maps.assignFrom(as.lhs.get(0), define, et, elem);
                        if (as.lhs.size() > 1) {
                            Ir.Expr ok = new Bin(Op.USHR, K.I, new Local(r, K.I), new IConst(32));
                            assignScalar(as.lhs.get(1), define, ok);
                        }
                    }
                    l.lowerBlock(cc.body);
                }), List.of()));
            }
            if (dflt != null) {
                CommClause d = dflt;
                body.add(new If(new Bin(Op.EQ, K.I, new Local(chosen, K.I), new IConst(-1)), l.sub(() -> l.lowerBlock(d.body)),
                        List.of()));
            }
            l.out.add(new Block(label, body));
        } finally {
            l.breakTarget = savedB;
        }
    }

    private void assignScalar(Expr e, boolean define, Ir.Expr v) {
        if (e instanceof glassgo.compiler.ast.Ident id && id.name.equals("_")) {
            return;
        }
        if (define && e instanceof glassgo.compiler.ast.Ident id && l.info.def(id) instanceof glassgo.compiler.types.Var var
                && !l.vars.containsKey(var)) {
            l.declareLocal(var);
        }
        l.writeTarget(l.target(e), v);
    }

    private static UnaryExpr recvOf(glassgo.compiler.ast.Stmt comm) {
        Expr e = switch (comm) {
            case ExprStmt es -> es.x;
            case AssignStmt as -> as.rhs.get(0);
            default -> throw new Unsupported("select case " + comm.getClass().getSimpleName(), comm.pos());
        };
        return (UnaryExpr) Lower.unparen(e);
    }

    // ------------------------------------------------------------------------------------------- go

    /**
     * go f(args): as cmd/compile, the function value, receiver and arguments are evaluated now and packed into a
     * closure {go$N's id, values...}; go$N (a func() taking that closure as its context) unpacks them and makes
     * the call on the new goroutine's stack. Newproc starts the goroutine through the func() dispatcher.
     */
    void goStmt(GoStmt gs) {
        CallExpr c = gs.call;
        Expr f = Lower.unparen(c.fun);
        if (l.info.builtin(f) != null) {
            throw new Unsupported("go with a builtin function", gs.pos());
        }
        if (c.ellipsis > 0) {
            throw new Unsupported("go with a variadic call", gs.pos());
        }
        Obj o = l.calleeObj(c);
        Signature sig = (Signature) l.info.typeOf(f).underlying();
        if (sig.variadic()) {
            throw new Unsupported("go with a variadic function", gs.pos());
        }
        if (c.args.size() == 1 && sig.params().len() > 1) {
            throw new Unsupported("go f(g()) with multiple results", gs.pos());
        }
        boolean direct = o instanceof Func && !(f instanceof SelectorExpr fs && !(l.info.obj(fs.sel) instanceof Func));
        List<Type> fieldTypes = new ArrayList<>();
        List<Object> vals = new ArrayList<>();
        String method;
        Lower.CallAbi cabi;
        if (direct) {
            Func fn = (Func) o;
            cabi = Lower.abiOf(fn.signature());
            method = Lower.methodName(fn);
            if (fn.signature().recv() != null) {
                Type rt = fn.signature().recv().type();
                fieldTypes.add(rt);
                vals.add(receiver((SelectorExpr) f, rt, gs.pos()));
            }
        } else {
            cabi = Lower.abiOf(sig);
            method = "call$" + l.dispatchKey(cabi);
            fieldTypes.add(Universe.UNSAFE_POINTER);
            vals.add(l.spillPtr(l.scalar(f)));
        }
        int firstArg = fieldTypes.size();
        int pi = direct && ((Func) o).signature().recv() != null ? 1 : 0;
        for (int i = 0; i < c.args.size(); i++) {
            Type pt = cabi.params().get(pi + i);
            fieldTypes.add(pt);
            vals.add(l.argValue(c.args.get(i), pt));
        }
        // the closure: word 0 the function id, then each value at its alignment
        long[] offs = new long[fieldTypes.size()];
        long size = 8;
        List<Integer> ptrWords = new ArrayList<>();
        for (int i = 0; i < offs.length; i++) {
            Type t = fieldTypes.get(i);
            long a = Math.max(1, Layouts.align(t));
            size = (size + a - 1) / a * a;
            offs[i] = size;
            for (int w : Layouts.pointerWords(t)) {
                ptrWords.add((int) (size / 8) + w);
            }
            size += Layouts.size(t);
        }
        size = (size + 7) & -8;
        String goMethod = "go$" + (++goCounter);
        Signature none = new Signature(null, List.of(), glassgo.compiler.types.Tuple.EMPTY, glassgo.compiler.types.Tuple.EMPTY, false);
        int id = l.fnId(goMethod, true, none);
        TypeRef tr = l.typeRefDesc(goMethod, new TypeDesc(goMethod + " closure", size, ptrWords.stream().mapToInt(Integer::intValue).toArray()));
        Ir.Expr obj = l.spillPtr(new CallRt("Abi", "newobject", List.of(tr), K.I));
        l.out.add(new Store(Mem.I64, obj, new IConst(id)));
        for (int i = 0; i < offs.length; i++) {
            Lower.Loc dst = new Lower.Loc(obj, offs[i], true);
            if (vals.get(i) instanceof Lower.Loc src) {
                l.copy(fieldTypes.get(i), src, dst);
            } else {
                l.storeTo(dst, fieldTypes.get(i), (Ir.Expr) vals.get(i));
            }
        }
        l.out.add(new Eval(new CallRt("Newproc", "go", List.of(new StackRef(), new FuncRef("call$" + l.dispatchKey(Lower.abiOf(none))), obj), K.V)));
        l.addFunc(goWrapper(goMethod, method, cabi, fieldTypes, offs, firstArg, direct));
    }

    /** The receiver of a method call evaluated now: a pointer or a copy of the value. */
    private Object receiver(SelectorExpr sel, Type rt, int pos) {
        Type xt = l.info.typeOf(sel.x);
        Lookup.Result r = Lookup.lookupFieldOrMethod(xt, true, l.pkg, sel.sel.name);
        if (r != null && r.index().length > 1) {
            throw new Unsupported("go with a promoted method", pos);
        }
        if (rt.underlying() instanceof glassgo.compiler.types.Interface) {
            throw new Unsupported("go with an interface method", pos);
        }
        boolean wantPtr = rt instanceof Pointer;
        boolean havePtr = xt.underlying() instanceof Pointer;
        if (wantPtr == havePtr) {
            return wantPtr ? l.spillPtr(l.scalar(sel.x)) : l.argValue(sel.x, rt);
        }
        if (wantPtr) {
            return l.spillPtr(l.addressOf(sel.x).addr());
        }
        Lower.Loc src = new Lower.Loc(l.spillPtr(l.nilcheck(l.scalar(sel.x))), 0, true);
        if (Layouts.isScalar(rt)) {
            return l.spillScalarAlways(l.load(rt, src), rt);
        }
        Lower.Loc tmp = l.frameTemp(rt);
        l.copy(rt, src, tmp);
        return tmp;
    }

    /**
     * go$N(Stack, ctx): stores the closure in its frame, copies the wide arguments into the callee's frame,
     * loads the scalar ones, and calls. Its frame is the header and the closure slot.
     */
    private Ir.Func goWrapper(String goMethod, String method, Lower.CallAbi cabi, List<Type> fieldTypes, long[] offs,
                              int firstArg, boolean direct) {
        List<Stmt> body = new ArrayList<>();
        FrameAddr ctxSlot = new FrameAddr(8);
        body.add(new Store(Mem.I64, ctxSlot, new Local(1, K.I)));
        List<Ir.Expr> jvmArgs = new ArrayList<>();
        int p = 0;
        for (int i = 0; i < fieldTypes.size(); i++) {
            Type t = fieldTypes.get(i);
            Ir.Expr at = new Bin(Op.ADD, K.I, new Load(Mem.I64, ctxSlot), new IConst(offs[i]));
            if (!direct && i == 0) {
                jvmArgs.add(new Load(Mem.I64, at));   // the func value the dispatcher calls through
                continue;
            }
            if (cabi.paramOffs()[p] < 0) {
                jvmArgs.add(new Load(Layouts.mem(t), at));
            } else {
                body.add(new Eval(new CallRt("Abi", "typedmemmove", List.of(l.typeRef(t), new OutAddr(cabi.paramOffs()[p]), at,
                        new IConst(1), new IConst(0)), K.V)));
            }
            p++;
        }
        CallGo call = new CallGo(method, jvmArgs, cabi.jvmRet());
        body.add(new Eval(call));
        body.add(new Return(null));
        return new Ir.Func(goMethod, List.of(K.I), K.V, new FrameLayout(l.curGoName + ".gowrap" + goCounter, 16, new int[] {8},
                new int[] {8}), 5, body);
    }
}
