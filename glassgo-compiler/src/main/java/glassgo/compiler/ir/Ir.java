// Ir: glassgo's typed IR, the form between the checked AST and JVM bytecode. Mirrors the role of
// cmd/compile's ssa values after lowering, kept as structured trees (loops, blocks, ifs) rather than a CFG
// because the JVM wants structured code and the first code generator is a tree walk.
package glassgo.compiler.ir;

import java.util.List;

/**
 * Values are JVM scalars: {@link K#I} a 64-bit word (every Go integer, bool and pointer, normalized to its
 * width after each operation), {@link K#F} a double (float64; float32 rounded after each operation),
 * {@link K#A} a JVM reference (only type descriptors and messages passed to the runtime). Go values wider
 * than a word (strings, slices, structs, arrays) live in memory — a frame, the heap or the data block —
 * and the IR moves them with explicit {@link Load}s and {@link Store}s.
 *
 * <p>Memory is named by absolute addresses computed from {@link FrameAddr} (the current frame:
 * {@code stack.lo + fp + off}), {@link OutAddr} (the frame of the next callee, where arguments are
 * written and results read), {@link DataAddr} (read-only data), {@link GlobalsAddr} (the package's
 * variables) or a heap pointer. Frame addresses are recomputed at each use because a call may move the
 * stack. Safepoints are explicit: {@link Poll}, and every call ({@link CallGo}, {@link CallRt} to an
 * allocating entry).
 */
public final class Ir {
    private Ir() {}

    public enum K { I, F, A, V }

    /** Memory access widths; the suffix says how a load extends. */
    public enum Mem {
        I8(1), U8(1), I16(2), U16(2), I32(4), U32(4), I64(8), F32(4), F64(8);

        public final int size;

        Mem(int size) {
            this.size = size;
        }

        public K kind() {
            return this == F32 || this == F64 ? K.F : K.I;
        }
    }

    public enum Op {
        ADD, SUB, MUL, DIV, REM, AND, OR, XOR, SHL, SHR, USHR,
        EQ, NE, LT, LE, GT, GE, ULT, ULE, UGT, UGE
    }

    public enum Conv {
        /** Re-normalize a 64-bit word to a narrower integer type. */
        SEXT8, SEXT16, SEXT32, ZEXT8, ZEXT16, ZEXT32,
        I2F, F2I, ROUND32, NEG, NOT, COM
    }

    public sealed interface Expr permits IConst, FConst, Str, Local, FrameAddr, OutAddr, DataAddr, GlobalsAddr,
            TypeRef, StackRef, Load, Bin, Un, CallGo, CallRt, Cond, RtConst, FuncRef {
        K kind();
    }

    public record IConst(long v) implements Expr {
        public K kind() { return K.I; }
    }

    public record FConst(double v) implements Expr {
        public K kind() { return K.F; }
    }

    /** A Java string constant (messages for the runtime). */
    public record Str(String s) implements Expr {
        public K kind() { return K.A; }
    }

    /** A JVM local variable slot (slot 0 is the goroutine's Stack). */
    public record Local(int slot, K kind) implements Expr {}

    public record FrameAddr(long off) implements Expr {
        public K kind() { return K.I; }
    }

    /** An address in the callee's future frame: the current frame's end + off. */
    public record OutAddr(long off) implements Expr {
        public K kind() { return K.I; }
    }

    public record DataAddr(long off) implements Expr {
        public K kind() { return K.I; }
    }

    public record GlobalsAddr(long off) implements Expr {
        public K kind() { return K.I; }
    }

    /** The program's type descriptor number {@code index} (a GoType). */
    public record TypeRef(int index) implements Expr {
        public K kind() { return K.A; }
    }

    /** The goroutine's Stack object (for runtime calls about the goroutine: panics, recover). */
    public record StackRef() implements Expr {
        public K kind() { return K.A; }
    }

    /**
     * A runtime object built once per program by a bootstrap method (a JVM dynamic constant): e.g. a map type's
     * descriptor. {@code owner} is a class of glassgo.runtime (fully qualified), {@code type} the object's class;
     * {@code args} are Strings and Integers.
     */
    public record RtConst(String owner, String bootstrap, String type, String name, List<Object> args) implements Expr {
        public K kind() { return K.A; }
    }

    /** A compiled function of this program as a MethodHandle (what the runtime calls to start a goroutine). */
    public record FuncRef(String method) implements Expr {
        public K kind() { return K.A; }
    }

    public record Load(Mem mem, Expr addr) implements Expr {
        public K kind() { return mem.kind(); }
    }

    public record Bin(Op op, K kind, Expr a, Expr b) implements Expr {}

    public record Un(Conv op, K kind, Expr a) implements Expr {}

    /** A call of a compiled Go function of this program: JVM args after the Stack; result {@code ret}. */
    public record CallGo(String method, List<Expr> args, K ret) implements Expr {
        public K kind() { return ret; }
    }

    /**
     * A static call into the runtime: {@code owner} is a class of glassgo.runtime.mutator, or a fully qualified
     * class name; args as listed.
     */
    public record CallRt(String owner, String name, List<Expr> args, K ret) implements Expr {
        public K kind() { return ret; }
    }

    /** {@code c != 0 ? a : b}, evaluating only one side (&&, ||). */
    public record Cond(Expr c, Expr a, Expr b) implements Expr {
        public K kind() { return a.kind(); }
    }

    public sealed interface Stmt permits SetLocal, Store, StorePtr, Eval, If, Loop, Block, Break, Continue, Return,
            Poll, Line, Try {}

    /**
     * Runs {@code body}; a Go panic (GoPanic) thrown in it is recorded on the goroutine, the stack is cut back
     * to this frame, and {@code handler} runs (the function's deferred calls, then return or re-panic).
     */
    public record Try(List<Stmt> body, List<Stmt> handler) implements Stmt {}

    public record SetLocal(int slot, Expr e) implements Stmt {}

    /** A plain store (scalars anywhere; pointers only into frames). */
    public record Store(Mem mem, Expr addr, Expr v) implements Stmt {}

    /** A pointer store into the heap or a global: the write barrier. */
    public record StorePtr(Expr addr, Expr v) implements Stmt {}

    public record Eval(Expr e) implements Stmt {}

    public record If(Expr c, List<Stmt> then, List<Stmt> els) implements Stmt {}

    /** {@code for { body; post }}: Continue(label) runs post, Break(label) leaves. */
    public record Loop(int label, List<Stmt> body, List<Stmt> post) implements Stmt {}

    /** A block Break(label) can leave (switch, labeled block). */
    public record Block(int label, List<Stmt> body) implements Stmt {}

    public record Break(int label) implements Stmt {}

    public record Continue(int label) implements Stmt {}

    /** Return, with the JVM result if the function has one scalar result (else null). */
    public record Return(Expr v) implements Stmt {}

    /** The preemption poll (function entry, loop back-edge). */
    public record Poll() implements Stmt {}

    /** The source line of the statements that follow (for JVM line numbers). */
    public record Line(int line) implements Stmt {}

    /**
     * A lowered function: JVM signature, frame, body. {@code areas} lists the frame's allocations as
     * (offset, size) pairs — each variable, temporary or runtime area the lowering reserved — so the code
     * generator can tell which words are only ever read and written whole, by their fixed offsets
     * (see ClassGen's frame-word cache); null when unknown.
     */
    public record Func(String method, List<K> params, K ret, FrameLayout frame, int maxLocals, List<Stmt> body, long[] areas) {
        public Func(String method, List<K> params, K ret, FrameLayout frame, int maxLocals, List<Stmt> body) {
            this(method, params, ret, frame, maxLocals, body, null);
        }
    }

    /**
     * A frame: its size, the offsets of words that may hold pointers, and which of those the prologue zeroes
     * (all but parameters written by the caller).
     */
    public record FrameLayout(String func, int size, int[] ptrOffsets, int[] zeroOffsets) implements java.io.Serializable {}

    /** A type descriptor the runtime needs (for mallocgc): size and the pointer words. */
    public record TypeDesc(String name, long size, int[] ptrWords) implements java.io.Serializable {}
}
