// ClassGen: glassgo IR to one JVM class per Go package, with java.lang.classfile, so that HotSpot JIT-compiles
// Go functions. Plays the part of cmd/compile's ssagen + obj (machine code emission) for the JVM target.
package glassgo.compiler.codegen;

import glassgo.compiler.ir.Ir;
import glassgo.compiler.ir.Ir.*;
import glassgo.compiler.ir.Lower;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodHandleDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Go function becomes {@code static R name(Stack s, scalar params...)}. Slot 0 holds the goroutine's
 * {@code glassgo.runtime.stack.Stack}; the frame pointer (relative to {@code s.lo}) sits in the local after
 * the parameters. Static final fields hold the frame layouts ({@code L$i}), type descriptors ({@code T$i}),
 * the data block's and the globals block's addresses, copied from {@code Abi} when the class initialises.
 */
public final class ClassGen {
    /**
     * A generated package: the class bytes plus the tables the runtime must install before it runs. glassgo
     * build serializes it into the executable it writes: keep every component Serializable.
     */
    public record Compiled(String className, byte[] classBytes, List<Ir.FrameLayout> layouts, List<TypeDesc> types,
                           byte[] data, TypeDesc globals, String entry)
            implements java.io.Serializable {}

    static final String RT = "glassgo.runtime.mutator.";
    static final ClassDesc CD_STACK = ClassDesc.of("glassgo.runtime.stack.Stack");
    static final ClassDesc CD_LAYOUT = ClassDesc.of("glassgo.runtime.stack.FrameLayout");
    static final ClassDesc CD_GOTYPE = ClassDesc.of("glassgo.runtime.malloc.GoType");
    static final ClassDesc CD_ABI = ClassDesc.of(RT + "Abi");
    static final ClassDesc CD_RTEX = ClassDesc.of("java.lang.RuntimeException");

    private final ClassDesc self;
    private final Lower.Program prog;
    private final Map<String, Ir.Func> byName = new HashMap<>();
    private final Map<String, MethodTypeDesc> dispatchDescs = new HashMap<>();

    private ClassGen(String className, Lower.Program prog) {
        this.self = ClassDesc.of(className);
        this.prog = prog;
        for (Ir.Func f : prog.funcs()) {
            byName.put(f.method(), f);
        }
        for (Lower.Dispatch d : prog.dispatchers()) {
            dispatchDescs.put(d.method(), dispatchDesc(d));
        }
    }

    private static MethodTypeDesc dispatchDesc(Lower.Dispatch d) {
        List<K> ps = new ArrayList<>();
        ps.add(K.I);
        ps.addAll(d.params());
        return desc(ps, d.ret());
    }

    /** call$KEY(Stack s, long funcval, params...): switch on the funcval's id word to the function it names. */
    private void dispatcher(CodeBuilder code, Lower.Dispatch d) {
        code.lload(1);
        code.invokestatic(CD_ABI, "nilcheck", MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_long));
        code.invokestatic(CD_ABI, "ld64", MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_long));
        code.l2i();
        Label dflt = code.newLabel();
        List<java.lang.classfile.instruction.SwitchCase> cases = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (Lower.Dispatch.Target t : d.targets()) {
            Label l = code.newLabel();
            labels.add(l);
            cases.add(java.lang.classfile.instruction.SwitchCase.of(t.id(), l));
        }
        code.lookupswitch(dflt, cases);
        for (int i = 0; i < d.targets().size(); i++) {
            Lower.Dispatch.Target t = d.targets().get(i);
            code.labelBinding(labels.get(i));
            code.aload(0);
            if (t.hasCtx()) {
                code.lload(1);
            }
            int slot = 3;
            for (K k : d.params()) {
                if (k == K.F) {
                    code.dload(slot);
                } else {
                    code.lload(slot);
                }
                slot += 2;
            }
            Ir.Func callee = byName.get(t.method());
            code.invokestatic(self, t.method(), desc(callee.params(), callee.ret()));
            switch (d.ret()) {
                case I -> code.lreturn();
                case F -> code.dreturn();
                default -> code.return_();
            }
        }
        code.labelBinding(dflt);
        code.new_(ClassDesc.of("java.lang.IllegalStateException"));
        code.dup();
        code.ldc("codegen: func value names no function of this signature");
        code.invokespecial(ClassDesc.of("java.lang.IllegalStateException"), "<init>", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String));
        code.athrow();
    }

    public static Compiled generate(String className, Lower.Program prog) {
        ClassGen g = new ClassGen(className, prog);
        byte[] bytes = ClassFile.of().build(g.self, cb -> {
            cb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL);
            int fs = ClassFile.ACC_STATIC | ClassFile.ACC_FINAL | ClassFile.ACC_PRIVATE;
            for (int i = 0; i < prog.funcs().size(); i++) {
                cb.withField("L$" + i, CD_LAYOUT, fs);
            }
            for (int i = 0; i < prog.types().size(); i++) {
                cb.withField("T$" + i, CD_GOTYPE, fs);
            }
            cb.withField("DATA", ConstantDescs.CD_long, fs);
            cb.withField("GLOBALS", ConstantDescs.CD_long, fs);
            cb.withMethodBody("<clinit>", MethodTypeDesc.of(ConstantDescs.CD_void), ClassFile.ACC_STATIC, code -> {
                for (int i = 0; i < prog.funcs().size(); i++) {
                    code.ldc(i);
                    code.invokestatic(CD_ABI, "layout", MethodTypeDesc.of(CD_LAYOUT, ConstantDescs.CD_int));
                    code.putstatic(g.self, "L$" + i, CD_LAYOUT);
                }
                for (int i = 0; i < prog.types().size(); i++) {
                    code.ldc(i);
                    code.invokestatic(CD_ABI, "type", MethodTypeDesc.of(CD_GOTYPE, ConstantDescs.CD_int));
                    code.putstatic(g.self, "T$" + i, CD_GOTYPE);
                }
                code.invokestatic(CD_ABI, "data", MethodTypeDesc.of(ConstantDescs.CD_long));
                code.putstatic(g.self, "DATA", ConstantDescs.CD_long);
                code.invokestatic(CD_ABI, "globals", MethodTypeDesc.of(ConstantDescs.CD_long));
                code.putstatic(g.self, "GLOBALS", ConstantDescs.CD_long);
                code.return_();
            });
            for (Lower.Dispatch d : prog.dispatchers()) {
                cb.withMethodBody(d.method(), dispatchDesc(d), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        code -> g.dispatcher(code, d));
            }
            for (int i = 0; i < prog.funcs().size(); i++) {
                Ir.Func f = prog.funcs().get(i);
                int idx = i;
                cb.withMethodBody(f.method(), desc(f.params(), f.ret()), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        code -> new FuncGen(g, f, idx, code).emit());
            }
        });
        List<Ir.FrameLayout> layouts = new ArrayList<>();
        for (Ir.Func f : prog.funcs()) {
            layouts.add(f.frame());
        }
        return new Compiled(className, bytes, layouts, prog.types(), prog.data(), prog.globals(), prog.entry());
    }

    static ClassDesc cd(K k) {
        return switch (k) {
            case I -> ConstantDescs.CD_long;
            case F -> ConstantDescs.CD_double;
            case V -> ConstantDescs.CD_void;
            case A -> CD_RTEX;
        };
    }

    static MethodTypeDesc desc(List<K> params, K ret) {
        List<ClassDesc> ps = new ArrayList<>();
        ps.add(CD_STACK);
        for (K k : params) {
            ps.add(cd(k));
        }
        return MethodTypeDesc.of(cd(ret), ps);
    }

    /** The code of one function. */
    private static final class FuncGen {
        private final ClassGen g;
        private final Ir.Func f;
        private final int layoutIndex;
        private final CodeBuilder code;
        private final int fpSlot;
        private final Map<Integer, Label[]> labels = new HashMap<>();

        FuncGen(ClassGen g, Ir.Func f, int layoutIndex, CodeBuilder code) {
            this.g = g;
            this.f = f;
            this.layoutIndex = layoutIndex;
            this.code = code;
            this.fpSlot = 1 + 2 * f.params().size();
        }

        void emit() {
            // every local the body uses starts at zero of its kind, so the verifier sees it assigned on all paths
            Map<Integer, K> locals = new HashMap<>();
            collectLocals(f.body(), locals);
            for (Map.Entry<Integer, K> e : locals.entrySet()) {
                if (e.getKey() > fpSlot) {
                    if (e.getValue() == K.F) {
                        code.dconst_0();
                        code.dstore(e.getKey());
                    } else {
                        code.lconst_0();
                        code.lstore(e.getKey());
                    }
                }
            }
            // a function whose frame is only the header and that never addresses it needs no frame at all:
            // it holds no pointer the collector must see, and its callees push theirs at the same sp
            frameless = f.frame().size() == 8 && f.frame().ptrOffsets().length == 0 && !usesFrame(f.body());
            if (frameless) {
                code.aload(0);
                code.invokevirtual(CD_STACK, "enterCall", MethodTypeDesc.of(ConstantDescs.CD_void));
            } else {
                // enter counts the call too (one runtime call per prologue)
                code.aload(0);
                code.getstatic(g.self, "L$" + layoutIndex, CD_LAYOUT);
                code.invokevirtual(CD_STACK, "enter", MethodTypeDesc.of(ConstantDescs.CD_long, CD_LAYOUT));
                code.lstore(fpSlot);
                // the cached frame words start as the frame holds them (zero, or an argument the caller wrote)
                for (long off : FrameCache.words(f)) {
                    int slot = scratch();
                    cached.put(off, slot);
                    frameAddr(off);
                    code.invokestatic(CD_ABI, "ld64", MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_long));
                    code.lstore(slot);
                }
            }
            if (hasTry(f.body())) {
                code.aload(0);
                code.getfield(CD_STACK, "depth", ConstantDescs.CD_int);
                code.istore(depthSlot());
            }
            stmts(f.body());
            // falling off the end (after a panic call, or a function without results)
            ret(f.ret() == K.V ? null : f.ret() == K.F ? new FConst(0) : new IConst(0));
        }

        private boolean frameless;

        /** Frame words also held in JVM locals (offset to slot): see {@link FrameCache}. */
        private final Map<Long, Integer> cached = new HashMap<>();

        /** The JVM local caching the frame word a whole-word access at {@code addr} reads or writes, or -1. */
        private int cachedSlot(Mem mem, Ir.Expr addr) {
            if (mem == Mem.I64 && addr instanceof FrameAddr fa) {
                Integer slot = cached.get(fa.off());
                return slot == null ? -1 : slot;
            }
            return -1;
        }

        /** The JVM local holding the call depth at entry (restored when a panic unwinds to this frame). */
        private int depthSlot = -1;

        private int depthSlot() {
            if (depthSlot < 0) {
                depthSlot = scratch();
            }
            return depthSlot;
        }

        private static boolean hasTry(List<Stmt> body) {
            for (Stmt s : body) {
                boolean t = switch (s) {
                    case Try x -> true;
                    case If i -> hasTry(i.then()) || hasTry(i.els());
                    case Loop l -> hasTry(l.body()) || hasTry(l.post());
                    case Block b -> hasTry(b.body());
                    default -> false;
                };
                if (t) {
                    return true;
                }
            }
            return false;
        }

        private static boolean usesFrame(List<Stmt> body) {
            for (Stmt s : body) {
                boolean u = switch (s) {
                    case SetLocal sl -> usesFrame(sl.e());
                    case Store st -> usesFrame(st.addr()) || usesFrame(st.v());
                    case StorePtr sp -> usesFrame(sp.addr()) || usesFrame(sp.v());
                    case Eval ev -> usesFrame(ev.e());
                    case If i -> usesFrame(i.c()) || usesFrame(i.then()) || usesFrame(i.els());
                    case Loop l -> usesFrame(l.body()) || usesFrame(l.post());
                    case Block b -> usesFrame(b.body());
                    case Try t -> true;
                    case Return r -> r.v() != null && usesFrame(r.v());
                    default -> false;
                };
                if (u) {
                    return true;
                }
            }
            return false;
        }

        private static boolean usesFrame(Ir.Expr e) {
            return switch (e) {
                case FrameAddr fa -> true;
                case OutAddr oa -> true;
                case Load ld -> usesFrame(ld.addr());
                case Bin b -> usesFrame(b.a()) || usesFrame(b.b());
                case Un u -> usesFrame(u.a());
                case CallGo c -> c.args().stream().anyMatch(FuncGen::usesFrame);
                case CallRt c -> c.args().stream().anyMatch(FuncGen::usesFrame);
                case Cond c -> usesFrame(c.c()) || usesFrame(c.a()) || usesFrame(c.b());
                default -> false;
            };
        }

        private void collectLocals(List<Stmt> body, Map<Integer, K> out) {
            for (Stmt s : body) {
                switch (s) {
                    case SetLocal sl -> out.putIfAbsent(sl.slot(), sl.e().kind());
                    case If i -> {
                        collectLocals(i.then(), out);
                        collectLocals(i.els(), out);
                    }
                    case Loop l -> {
                        collectLocals(l.body(), out);
                        collectLocals(l.post(), out);
                    }
                    case Block b -> collectLocals(b.body(), out);
                    case Try t -> {
                        collectLocals(t.body(), out);
                        collectLocals(t.handler(), out);
                    }
                    default -> { }
                }
            }
        }

        private void stmts(List<Stmt> list) {
            for (Stmt s : list) {
                stmt(s);
            }
        }

        private void stmt(Stmt s) {
            switch (s) {
                case SetLocal sl -> {
                    expr(sl.e());
                    if (sl.e().kind() == K.F) {
                        code.dstore(sl.slot());
                    } else {
                        code.lstore(sl.slot());
                    }
                }
                case Store st -> {
                    int slot = cachedSlot(st.mem(), st.addr());
                    if (slot >= 0) {
                        // written through: the local for reads, the frame for the collector and the stack's readers
                        expr(st.v());
                        code.lstore(slot);
                        expr(st.addr());
                        code.lload(slot);
                        code.invokestatic(CD_ABI, "st64", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_long, ConstantDescs.CD_long));
                        return;
                    }
                    operands(List.of(st.addr(), st.v()));
                    String n = switch (st.mem()) {
                        case I8, U8 -> "st8";
                        case I16, U16 -> "st16";
                        case I32, U32 -> "st32";
                        case I64 -> "st64";
                        case F32 -> "stf32";
                        case F64 -> "stf64";
                    };
                    code.invokestatic(CD_ABI, n, MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_long, cd(st.mem().kind())));
                }
                case StorePtr sp -> {
                    operands(List.of(sp.addr(), sp.v()));
                    code.invokestatic(CD_ABI, "writePointer", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_long, ConstantDescs.CD_long));
                }
                case Eval ev -> {
                    expr(ev.e());
                    switch (ev.e().kind()) {
                        case I, F -> code.pop2();
                        case A -> code.pop();
                        case V -> { }
                    }
                }
                case If i -> {
                    Label els = code.newLabel();
                    Label end = code.newLabel();
                    cond(i.c(), els);
                    stmts(i.then());
                    code.goto_(end);
                    code.labelBinding(els);
                    stmts(i.els());
                    code.labelBinding(end);
                }
                case Loop l -> {
                    Label top = code.newLabel(), cont = code.newLabel(), brk = code.newLabel();
                    labels.put(l.label(), new Label[] {brk, cont});
                    code.labelBinding(top);
                    stmts(l.body());
                    code.labelBinding(cont);
                    stmts(l.post());
                    code.goto_(top);
                    code.labelBinding(brk);
                }
                case Block b -> {
                    Label brk = code.newLabel();
                    labels.put(b.label(), new Label[] {brk, null});
                    stmts(b.body());
                    code.labelBinding(brk);
                }
                case Break b -> code.goto_(labels.get(b.label())[0]);
                case Continue c -> code.goto_(labels.get(c.label())[1]);
                case Return r -> ret(r.v());
                case Poll p -> {
                    code.aload(0);
                    code.invokevirtual(CD_STACK, "poll", MethodTypeDesc.of(ConstantDescs.CD_void));
                }
                case Line ln -> code.lineNumber(ln.line());
                case Try t -> {
                    Label start = code.newLabel(), end = code.newLabel(), handler = code.newLabel(), after = code.newLabel();
                    code.labelBinding(start);
                    stmts(t.body());
                    code.labelBinding(end);
                    code.goto_(after);
                    code.labelBinding(handler);
                    // the panic goes on the goroutine; frames it unwound are popped (sp = this frame's end)
                    code.aload(0);
                    code.swap();
                    code.invokestatic(CD_ABI, "beginPanic", MethodTypeDesc.of(ConstantDescs.CD_void, CD_STACK, CD_RTEX));
                    code.aload(0);
                    code.lload(fpSlot);
                    code.ldc((long) f.frame().size());
                    code.ladd();
                    code.putfield(CD_STACK, "sp", ConstantDescs.CD_long);
                    code.aload(0);
                    code.iload(depthSlot());
                    code.putfield(CD_STACK, "depth", ConstantDescs.CD_int);
                    stmts(t.handler());
                    code.labelBinding(after);
                    code.exceptionCatch(start, end, handler, ClassDesc.of(RT + "GoPanic"));
                }
            }
        }

        private void ret(Ir.Expr v) {
            if (v != null) {
                expr(v);
            }
            code.aload(0);
            if (!frameless) {
                code.lload(fpSlot);
                code.invokevirtual(CD_STACK, "leave", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_long));
            } else {
                code.invokevirtual(CD_STACK, "leaveCall", MethodTypeDesc.of(ConstantDescs.CD_void));
            }
            if (v == null) {
                code.return_();
            } else if (v.kind() == K.F) {
                code.dreturn();
            } else {
                code.lreturn();
            }
        }

        /** Jumps to {@code ifFalse} when c is false (0). */
        private void cond(Ir.Expr c, Label ifFalse) {
            if (c instanceof Bin b && isCompare(b.op())) {
                compareJump(b, ifFalse, true);
                return;
            }
            if (c instanceof Cond cd && cd.b() instanceof IConst z && z.v() == 0) {
                // a && b
                cond(cd.c(), ifFalse);
                cond(cd.a(), ifFalse);
                return;
            }
            if (c instanceof Cond cd && cd.a() instanceof IConst one && one.v() == 1) {
                // a || b
                Label ok = code.newLabel();
                Label tryB = code.newLabel();
                cond(cd.c(), tryB);
                code.goto_(ok);
                code.labelBinding(tryB);
                cond(cd.b(), ifFalse);
                code.labelBinding(ok);
                return;
            }
            expr(c);
            code.lconst_0();
            code.lcmp();
            code.ifeq(ifFalse);
        }

        private static boolean isCompare(Op op) {
            return switch (op) {
                case EQ, NE, LT, LE, GT, GE, ULT, ULE, UGT, UGE -> true;
                default -> false;
            };
        }

        /** Compares and jumps to {@code target} when the comparison is false (jumpIfFalse) or true. */
        private void compareJump(Bin b, Label target, boolean jumpIfFalse) {
            expr(b.a());
            expr(b.b());
            Op op = b.op();
            if (b.kind() == K.F) {
                // NaN: every ordered comparison is false, != is true
                boolean lessBias = op == Op.GT || op == Op.GE;
                if (lessBias) {
                    code.dcmpl();
                } else {
                    code.dcmpg();
                }
            } else if (op == Op.ULT || op == Op.ULE || op == Op.UGT || op == Op.UGE) {
                code.invokestatic(ConstantDescs.CD_Long, "compareUnsigned", MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_long, ConstantDescs.CD_long));
                op = switch (op) {
                    case ULT -> Op.LT;
                    case ULE -> Op.LE;
                    case UGT -> Op.GT;
                    default -> Op.GE;
                };
            } else {
                code.lcmp();
            }
            if (jumpIfFalse) {
                op = negate(op);
            }
            switch (op) {
                case EQ -> code.ifeq(target);
                case NE -> code.ifne(target);
                case LT -> code.iflt(target);
                case LE -> code.ifle(target);
                case GT -> code.ifgt(target);
                case GE -> code.ifge(target);
                default -> throw new IllegalStateException("codegen: not a comparison: " + op);
            }
        }

        private static Op negate(Op op) {
            return switch (op) {
                case EQ -> Op.NE;
                case NE -> Op.EQ;
                case LT -> Op.GE;
                case LE -> Op.GT;
                case GT -> Op.LE;
                case GE -> Op.LT;
                default -> throw new IllegalStateException("codegen: not a comparison: " + op);
            };
        }

        /** The next free JVM local slot for temporaries of {@link #operands} (Lower's slots end at maxLocals). */
        private int nextScratch = -1;

        private int scratch() {
            if (nextScratch < 0) {
                nextScratch = Math.max(f.maxLocals(), fpSlot + 2);
            }
            int slot = nextScratch;
            nextScratch += 2;
            return slot;
        }

        /**
         * Pushes the values of {@code ops} in order. An address in the frame (stack.lo + fp + off) is only
         * valid until the next call: a call may grow the goroutine's stack, which copies it elsewhere. So when
         * such an address would be pushed before an operand that calls, the operands up to the last calling one
         * are evaluated in order into temporaries, skipping the frame addresses (pure: no effects, no panics),
         * and the frame addresses are computed last, after the calls.
         */
        private void operands(List<Ir.Expr> ops) {
            int lastCall = -1;
            for (int i = 0; i < ops.size(); i++) {
                if (mayCall(ops.get(i))) {
                    lastCall = i;
                }
            }
            boolean stale = false;
            for (int i = 0; i < lastCall; i++) {
                stale |= frameRelative(ops.get(i));
            }
            if (!stale) {
                for (Ir.Expr op : ops) {
                    expr(op);
                }
                return;
            }
            int[] temp = new int[lastCall + 1];
            for (int i = 0; i <= lastCall; i++) {
                Ir.Expr op = ops.get(i);
                if (frameRelative(op)) {
                    continue;
                }
                expr(op);
                temp[i] = scratch();
                switch (op.kind()) {
                    case I -> code.lstore(temp[i]);
                    case F -> code.dstore(temp[i]);
                    case A -> code.astore(temp[i]);
                    case V -> throw new IllegalStateException("codegen: void operand");
                }
            }
            for (int i = 0; i < ops.size(); i++) {
                Ir.Expr op = ops.get(i);
                if (i > lastCall || frameRelative(op)) {
                    expr(op);
                    continue;
                }
                switch (op.kind()) {
                    case I -> code.lload(temp[i]);
                    case F -> code.dload(temp[i]);
                    case A -> code.aload(temp[i]);
                    case V -> throw new IllegalStateException("codegen: void operand");
                }
            }
        }

        /** An address into the current frame or the callee's, computed without calls or memory reads. */
        private static boolean frameRelative(Ir.Expr e) {
            return switch (e) {
                case FrameAddr fa -> true;
                case OutAddr oa -> true;
                case Bin b -> (b.op() == Ir.Op.ADD || b.op() == Ir.Op.SUB) && frameRelative(b.a()) && pure(b.b());
                default -> false;
            };
        }

        private static boolean pure(Ir.Expr e) {
            return switch (e) {
                case IConst c -> true;
                case Local l -> true;
                case Bin b -> pure(b.a()) && pure(b.b()) && b.op() != Ir.Op.DIV && b.op() != Ir.Op.REM;
                case Un u -> pure(u.a());
                default -> false;
            };
        }

        /** Whether evaluating e may call (a Go function or the runtime), and so move the stack. */
        private static boolean mayCall(Ir.Expr e) {
            return switch (e) {
                case CallGo c -> true;
                case CallRt c -> true;
                case Load ld -> mayCall(ld.addr());
                case Bin b -> mayCall(b.a()) || mayCall(b.b());
                case Un u -> mayCall(u.a());
                case Cond c -> mayCall(c.c()) || mayCall(c.a()) || mayCall(c.b());
                default -> false;
            };
        }

        private void frameAddr(long off) {
            code.aload(0);
            code.getfield(CD_STACK, "lo", ConstantDescs.CD_long);
            code.lload(fpSlot);
            code.ladd();
            if (off != 0) {
                code.ldc(off);
                code.ladd();
            }
        }

        private void expr(Ir.Expr e) {
            switch (e) {
                case IConst c -> {
                    if (c.v() == 0) {
                        code.lconst_0();
                    } else if (c.v() == 1) {
                        code.lconst_1();
                    } else {
                        code.ldc(c.v());
                    }
                }
                case FConst c -> code.ldc(c.v());
                case Str s -> code.ldc(s.s());
                case Local l -> {
                    if (l.kind() == K.F) {
                        code.dload(l.slot());
                    } else {
                        code.lload(l.slot());
                    }
                }
                case FrameAddr fa -> frameAddr(fa.off());
                case OutAddr oa -> frameAddr(f.frame().size() + oa.off());
                case DataAddr da -> {
                    code.getstatic(g.self, "DATA", ConstantDescs.CD_long);
                    if (da.off() != 0) {
                        code.ldc(da.off());
                        code.ladd();
                    }
                }
                case GlobalsAddr ga -> {
                    code.getstatic(g.self, "GLOBALS", ConstantDescs.CD_long);
                    if (ga.off() != 0) {
                        code.ldc(ga.off());
                        code.ladd();
                    }
                }
                case TypeRef t -> code.getstatic(g.self, "T$" + t.index(), CD_GOTYPE);
                case StackRef sr -> code.aload(0);
                case RtConst rc -> code.ldc(rtConst(rc));
                case FuncRef fr -> {
                    Ir.Func callee = g.byName.get(fr.method());
                    MethodTypeDesc md = callee != null ? desc(callee.params(), callee.ret()) : g.dispatchDescs.get(fr.method());
                    code.ldc(MethodHandleDesc.ofMethod(DirectMethodHandleDesc.Kind.STATIC, g.self, fr.method(), md));
                }
                case Load ld -> {
                    int slot = cachedSlot(ld.mem(), ld.addr());
                    if (slot >= 0) {
                        code.lload(slot);
                        return;
                    }
                    expr(ld.addr());
                    String n = switch (ld.mem()) {
                        case I8 -> "ld8s";
                        case U8 -> "ld8u";
                        case I16 -> "ld16s";
                        case U16 -> "ld16u";
                        case I32 -> "ld32s";
                        case U32 -> "ld32u";
                        case I64 -> "ld64";
                        case F32 -> "ldf32";
                        case F64 -> "ldf64";
                    };
                    code.invokestatic(CD_ABI, n, MethodTypeDesc.of(cd(ld.mem().kind()), ConstantDescs.CD_long));
                }
                case Bin b -> bin(b);
                case Un u -> un(u);
                case CallGo c -> {
                    Ir.Func callee = g.byName.get(c.method());
                    MethodTypeDesc md = callee != null ? desc(callee.params(), callee.ret()) : g.dispatchDescs.get(c.method());
                    if (md == null) {
                        throw new IllegalStateException("codegen: call of unknown function " + c.method());
                    }
                    code.aload(0);
                    operands(c.args());
                    code.invokestatic(g.self, c.method(), md);
                }
                case CallRt c -> {
                    List<ClassDesc> ps = new ArrayList<>();
                    operands(c.args());
                    for (Ir.Expr a : c.args()) {
                        ps.add(switch (a) {
                            case TypeRef t -> CD_GOTYPE;
                            case StackRef sr -> CD_STACK;
                            case Str s -> ConstantDescs.CD_String;
                            case RtConst rc -> ClassDesc.of(rc.type());
                            case FuncRef fr -> ConstantDescs.CD_MethodHandle;
                            default -> cd(a.kind());
                        });
                    }
                    // an owner with a package (glassgo.runtime.iface.Iface) is named in full; the rest are in the mutator package
                    code.invokestatic(ClassDesc.of(c.owner().contains(".") ? c.owner() : RT + c.owner()), c.name(), MethodTypeDesc.of(cd(c.ret()), ps));
                }
                case Cond c -> {
                    Label els = code.newLabel(), end = code.newLabel();
                    cond(c.c(), els);
                    expr(c.a());
                    code.goto_(end);
                    code.labelBinding(els);
                    expr(c.b());
                    code.labelBinding(end);
                }
            }
        }

        /** A dynamic constant whose bootstrap is {@code owner.bootstrap(Lookup, String, Class, args...)}. */
        private static DynamicConstantDesc<?> rtConst(RtConst rc) {
            List<ClassDesc> ps = new ArrayList<>(List.of(ConstantDescs.CD_MethodHandles_Lookup, ConstantDescs.CD_String,
                    ConstantDescs.CD_Class));
            List<ConstantDesc> args = new ArrayList<>();
            for (Object a : rc.args()) {
                ps.add(a instanceof Integer ? ConstantDescs.CD_int : ConstantDescs.CD_String);
                args.add((ConstantDesc) a);
            }
            DirectMethodHandleDesc bsm = MethodHandleDesc.ofMethod(DirectMethodHandleDesc.Kind.STATIC, ClassDesc.of(rc.owner()),
                    rc.bootstrap(), MethodTypeDesc.of(ClassDesc.of(rc.type()), ps));
            return DynamicConstantDesc.ofNamed(bsm, rc.name(), ClassDesc.of(rc.type()), args.toArray(new ConstantDesc[0]));
        }

        private void bin(Bin b) {
            if (isCompare(b.op())) {
                Label f0 = code.newLabel(), end = code.newLabel();
                compareJump(b, f0, true);
                code.lconst_1();
                code.goto_(end);
                code.labelBinding(f0);
                code.lconst_0();
                code.labelBinding(end);
                return;
            }
            operands(List.of(b.a(), b.b()));
            if (b.kind() == K.F) {
                switch (b.op()) {
                    case ADD -> code.dadd();
                    case SUB -> code.dsub();
                    case MUL -> code.dmul();
                    case DIV -> code.ddiv();
                    default -> throw new IllegalStateException("codegen: float op " + b.op());
                }
                return;
            }
            switch (b.op()) {
                case ADD -> code.ladd();
                case SUB -> code.lsub();
                case MUL -> code.lmul();
                case DIV -> code.ldiv();
                case REM -> code.lrem();
                case AND -> code.land();
                case OR -> code.lor();
                case XOR -> code.lxor();
                case SHL -> {
                    code.l2i();
                    code.lshl();
                }
                case SHR -> {
                    code.l2i();
                    code.lshr();
                }
                case USHR -> {
                    code.l2i();
                    code.lushr();
                }
                default -> throw new IllegalStateException("codegen: op " + b.op());
            }
        }

        private void un(Un u) {
            expr(u.a());
            switch (u.op()) {
                case SEXT8 -> {
                    code.l2i();
                    code.i2b();
                    code.i2l();
                }
                case SEXT16 -> {
                    code.l2i();
                    code.i2s();
                    code.i2l();
                }
                case SEXT32 -> {
                    code.l2i();
                    code.i2l();
                }
                case ZEXT8 -> {
                    code.ldc(0xffL);
                    code.land();
                }
                case ZEXT16 -> {
                    code.ldc(0xffffL);
                    code.land();
                }
                case ZEXT32 -> {
                    code.ldc(0xffffffffL);
                    code.land();
                }
                case I2F -> code.l2d();
                case F2I -> code.d2l();
                case ROUND32 -> {
                    code.d2f();
                    code.f2d();
                }
                case NEG -> {
                    if (u.kind() == K.F) {
                        code.dneg();
                    } else {
                        code.lneg();
                    }
                }
                case COM -> {
                    code.ldc(-1L);
                    code.lxor();
                }
                case NOT -> {
                    code.lconst_1();
                    code.lxor();
                }
            }
        }
    }
}
