// FrameCache: the words of a function's frame the generated code also keeps in JVM locals. Go's compiler keeps
// a variable in a register and spills it to its stack slot where the stack must hold it; glassgo's frames live in
// native memory (ARCHITECTURE.md), so without this every read of a local slice header, string or pointer is a
// native load that the JIT must repeat after each store to memory it cannot prove distinct.
package glassgo.compiler.codegen;

import glassgo.compiler.ir.Ir;
import glassgo.compiler.ir.Ir.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chooses frame words to cache. A word qualifies when every access to its frame area in the function is a whole
 * 8-byte load or store at a fixed offset ({@code Load(I64, FrameAddr(off))}, {@code Store(I64, FrameAddr(off), v)}):
 * then nothing but those stores changes it — no computed address reaches it, the runtime is never handed its
 * address, and the collector and stack copying never rewrite frame words (the heap does not move and no pointer
 * points into a stack). The code generator writes each store through to the frame, so the frame holds the
 * current value at every safepoint for the collector's stack scan, and reads the local instead of the frame.
 * An area whose address is used any other way is left alone entirely; a frame address outside every recorded area
 * (an allocation the lowering did not record) turns caching off for the function.
 */
final class FrameCache {
    private FrameCache() {}

    /** At most this many words per function: JVM locals are cheap, but the JIT's register pressure is not. */
    static final int MAX_WORDS = 48;

    /** Reads inside a loop count this much more than reads outside one. */
    private static final int LOOP_WEIGHT = 16;

    /** The frame offsets worth caching, most-read first; empty when the function's areas are unknown. */
    static List<Long> words(Ir.Func f) {
        if (f.areas() == null || Boolean.getBoolean("glassgo.noframecache")) {
            return List.of();
        }
        Scan s = new Scan(f.areas());
        s.stmts(f.body(), 0);
        if (s.unknown) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : s.reads.entrySet()) {
            long off = e.getKey();
            Long area = s.areaOf(off);
            if (e.getValue() >= 2 && area != null && !s.poisoned.contains(area)) {
                out.add(off);
            }
        }
        out.sort((a, b) -> Integer.compare(s.reads.get(b), s.reads.get(a)));
        return out.size() > MAX_WORDS ? out.subList(0, MAX_WORDS) : out;
    }

    private static final class Scan {
        final TreeMap<Long, Long> areas = new TreeMap<>();
        final Map<Long, Integer> reads = new HashMap<>();
        final Set<Long> poisoned = new HashSet<>();
        boolean unknown;

        Scan(long[] pairs) {
            for (int i = 0; i + 1 < pairs.length; i += 2) {
                areas.put(pairs[i], pairs[i + 1]);
            }
        }

        /** The start of the area holding {@code off}, or null. */
        Long areaOf(long off) {
            Map.Entry<Long, Long> e = areas.floorEntry(off);
            return e != null && off < e.getKey() + e.getValue() ? e.getKey() : null;
        }

        /** {@code off}'s area is reached some way other than a whole-word access at a fixed offset. */
        void escape(long off) {
            Long a = areaOf(off);
            if (a == null) {
                unknown = true;
            } else {
                poisoned.add(a);
            }
        }

        void stmts(List<Stmt> body, int loops) {
            for (Stmt s : body) {
                switch (s) {
                    case SetLocal sl -> expr(sl.e(), loops);
                    case Store st -> {
                        if (st.addr() instanceof FrameAddr fa) {
                            if (st.mem() != Mem.I64 || (fa.off() & 7) != 0) {
                                escape(fa.off());
                            }
                        } else {
                            expr(st.addr(), loops);
                        }
                        expr(st.v(), loops);
                    }
                    case StorePtr sp -> {
                        expr(sp.addr(), loops);
                        expr(sp.v(), loops);
                    }
                    case Eval ev -> expr(ev.e(), loops);
                    case If i -> {
                        expr(i.c(), loops);
                        stmts(i.then(), loops);
                        stmts(i.els(), loops);
                    }
                    case Loop l -> {
                        stmts(l.body(), loops + 1);
                        stmts(l.post(), loops + 1);
                    }
                    case Block b -> stmts(b.body(), loops);
                    case Try t -> {
                        stmts(t.body(), loops);
                        stmts(t.handler(), loops);
                    }
                    case Return r -> {
                        if (r.v() != null) {
                            expr(r.v(), loops);
                        }
                    }
                    case Break b -> { }
                    case Continue c -> { }
                    case Poll p -> { }
                    case Line ln -> { }
                }
            }
        }

        void expr(Ir.Expr e, int loops) {
            switch (e) {
                case FrameAddr fa -> escape(fa.off());
                case Load ld -> {
                    if (ld.addr() instanceof FrameAddr fa) {
                        if (ld.mem() == Mem.I64 && (fa.off() & 7) == 0) {
                            reads.merge(fa.off(), loops > 0 ? LOOP_WEIGHT : 1, Integer::sum);
                        } else {
                            escape(fa.off());
                        }
                    } else {
                        expr(ld.addr(), loops);
                    }
                }
                case Bin b -> {
                    expr(b.a(), loops);
                    expr(b.b(), loops);
                }
                case Un u -> expr(u.a(), loops);
                case CallGo c -> c.args().forEach(a -> expr(a, loops));
                case CallRt c -> c.args().forEach(a -> expr(a, loops));
                case Cond c -> {
                    expr(c.c(), loops);
                    expr(c.a(), loops);
                    expr(c.b(), loops);
                }
                default -> { }
            }
        }
    }
}
