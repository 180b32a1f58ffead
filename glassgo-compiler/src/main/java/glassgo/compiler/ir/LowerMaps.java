// LowerMaps: maps in compiled Go — make, literals, m[k] reads and writes, comma-ok, delete, len and range —
// as calls of the runtime's map.go entry points (glassgo.runtime.maps.MapAbi). Mirrors cmd/compile's
// walk of OINDEXMAP, OMAPLIT, ODELETE and ORANGE over maps (walk/assign.go, walk/range.go, walk/complit.go).
package glassgo.compiler.ir;

import glassgo.compiler.ast.CompositeLit;
import glassgo.compiler.ast.Expr;
import glassgo.compiler.ast.Ident;
import glassgo.compiler.ast.IndexExpr;
import glassgo.compiler.ast.KeyValueExpr;
import glassgo.compiler.ast.RangeStmt;
import glassgo.compiler.ir.Ir.*;
import glassgo.compiler.types.Array;
import glassgo.compiler.types.Basic;
import glassgo.compiler.types.Map;
import glassgo.compiler.types.Struct;
import glassgo.compiler.types.Type;
import glassgo.compiler.types.Universe;
import glassgo.compiler.types.Var;

import java.util.List;

/**
 * A map value is its hmap's address (pointer-shaped, a frame slot). Keys are passed by address: each operation
 * evaluates its key into a frame temporary. The elem addresses the runtime returns point into the map's buckets
 * and are used before the next safepoint, or kept in a pointer slot of the frame (the collector accepts interior
 * pointers). Stores into an elem slot go through the write barrier ({@link Lower.Loc} heap = true).
 * The map type is a dynamic constant (see {@code MapAbi.maptype}) whose key alg is spelled by {@link #alg}.
 */
final class LowerMaps {
    static final String MAPS = "glassgo.runtime.maps.MapAbi";
    /** Go's hiter on amd64 (runtime.Hiter.SIZE) and its pointer words (key, elem, h, buckets, bptr, overflow, oldoverflow). */
    private static final int HITER_SIZE = 96;
    private static final int[] HITER_PTR_WORDS = {0, 1, 3, 4, 5, 6, 7};

    private final Lower l;

    LowerMaps(Lower l) {
        this.l = l;
    }

    static boolean isMapIndex(TypeInfo info, Expr e) {
        return Lower.unparen(e) instanceof IndexExpr ix && info.typeOf(ix.x) != null
                && info.typeOf(ix.x).underlying() instanceof Map;
    }

    /** The runtime's descriptor of map type {@code t}. */
    RtConst mapType(Type t, int pos) {
        Map m = (Map) t.underlying();
        if (holdsInterface(m.key())) {
            return new RtConst(MAPS, "maptypeTyped", "glassgo.runtime.maps.MapType", "maptype",
                    List.of(t.toString(), (int) l.typeDescriptorOffset(m.key()), l.typeRef(m.key()).index(), l.typeRef(m.elem()).index()));
        }
        return new RtConst(MAPS, "maptype", "glassgo.runtime.maps.MapType", "maptype",
                List.of(t.toString(), alg(m.key(), pos), l.typeRef(m.key()).index(), l.typeRef(m.elem()).index()));
    }

    /** Whether a key type holds interface values: hashed through its type descriptor, dynamic types included. */
    static boolean holdsInterface(Type t) {
        Type u = t.underlying();
        if (u instanceof glassgo.compiler.types.Interface) {
            return true;
        }
        if (u instanceof Array a) {
            return holdsInterface(a.elem());
        }
        if (u instanceof Struct st) {
            for (int i = 0; i < st.numFields(); i++) {
                if (holdsInterface(st.field(i).type())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The key's hash/equality rule as MapAbi.parseAlg reads it (alg.go's choice of memhash, f64hash, strhash, ...). */
    static String alg(Type t, int pos) {
        Type u = t.underlying();
        long size = Layouts.size(t);
        if (u instanceof Basic b) {
            return switch (b.kind()) {
                case STRING, UNTYPED_STRING -> "s";
                case FLOAT32 -> "f4";
                case FLOAT64, UNTYPED_FLOAT -> "f8";
                case COMPLEX64 -> "c4";
                case COMPLEX128, UNTYPED_COMPLEX -> "c8";
                default -> "m" + size;
            };
        }
        if (u instanceof glassgo.compiler.types.Interface) {
            throw new Unsupported("maps with interface-typed keys", pos);
        }
        if (u instanceof Array a) {
            String e = alg(a.elem(), pos);
            if (e.startsWith("m")) {
                return "m" + size;
            }
            return "A" + a.len() + "x" + Layouts.size(a.elem()) + "(" + e + ")";
        }
        if (u instanceof Struct st) {
            long[] offs = Layouts.fieldOffsets(st);
            StringBuilder sb = new StringBuilder();
            boolean memory = true;
            long next = 0;
            for (int i = 0; i < st.numFields(); i++) {
                Var f = st.field(i);
                long fs = Layouts.size(f.type());
                if (f.name().equals("_")) {
                    memory = false;
                    continue;
                }
                String fa = alg(f.type(), pos);
                if (!fa.startsWith("m") || offs[i] != next) {
                    memory = false;
                }
                next = offs[i] + fs;
                if (fs == 0) {
                    continue;
                }
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(offs[i]).append(':').append(fa);
            }
            if (memory && next == size) {
                return "m" + size;
            }
            return "S" + size + "{" + sb + "}";
        }
        return "m" + size;   // pointers, channels, unsafe.Pointer
    }

    /** The key's value in a frame temporary. */
    private Lower.Loc keyTemp(Expr k, Type kt) {
        Lower.Loc tmp = l.frameTemp(kt);
        if (Layouts.isScalar(kt)) {
            l.storeTo(tmp, kt, l.convertScalar(l.scalar(k), l.info.typeOf(k), kt));
        } else {
            l.intoAs(k, tmp, kt);
        }
        return tmp;
    }

    /** make(map[K]V[, hint]). */
    Ir.Expr make(glassgo.compiler.ast.CallExpr c) {
        Type t = l.info.typeOf(c);
        Ir.Expr hint = c.args.size() > 1 ? l.intOf(c.args.get(1)) : new IConst(0);
        return l.spillPtr(new CallRt(MAPS, "makemap", List.of(new StackRef(), mapType(t, c.pos()), hint), K.I));
    }

    /** A map composite literal: make, then one mapassign per entry in source order. */
    Ir.Expr literal(CompositeLit cl) {
        Type t = l.info.typeOf(cl);
        Map m = (Map) t.underlying();
        RtConst mt = mapType(t, cl.pos());
        Ir.Expr h = l.spillPtr(new CallRt(MAPS, "makemap", List.of(new StackRef(), mt, new IConst(cl.elts.size())), K.I));
        for (Expr el : cl.elts) {
            KeyValueExpr kv = (KeyValueExpr) el;
            Lower.Loc key = keyTemp(kv.key, m.key());
            Object v = value(kv.value, m.elem());
            storeElem(m.elem(), assign(mt, h, key), v);
        }
        return h;
    }

    /** A value evaluated into a stable form: a spilled scalar or a frame temporary. */
    private Object value(Expr r, Type vt) {
        if (Layouts.isScalar(vt)) {
            return l.spillScalarAlways(l.convertScalar(l.scalar(r), l.info.typeOf(r), vt), vt);
        }
        Lower.Loc tmp = l.frameTemp(vt);
        l.intoAs(r, tmp, vt);
        return tmp;
    }

    /** mapassign: the elem slot's address, in a JVM local (used before the next safepoint). */
    private Ir.Expr assign(RtConst mt, Ir.Expr h, Lower.Loc key) {
        int p = l.newLocal();
        l.out.add(new SetLocal(p, new CallRt(MAPS, "mapassign", List.of(new StackRef(), mt, h, key.addr()), K.I)));
        return new Local(p, K.I);
    }

    private void storeElem(Type vt, Ir.Expr p, Object v) {
        Lower.Loc dst = new Lower.Loc(p, 0, true);
        if (v instanceof Lower.Loc src) {
            l.copy(vt, src, dst);
        } else {
            l.storeTo(dst, vt, (Ir.Expr) v);
        }
    }

    /** m[k] = r: the map and key, then the value, then mapassign and the store (Go's order of evaluation). */
    void assignStmt(IndexExpr ix, Expr r) {
        Type mt = l.info.typeOf(ix.x);
        Map m = (Map) mt.underlying();
        Ir.Expr h = l.spillPtr(l.scalar(ix.x));
        Lower.Loc key = keyTemp(ix.index, m.key());
        Object v = value(r, m.elem());
        storeElem(m.elem(), assign(mapType(mt, ix.pos()), h, key), v);
    }

    /** m[k] as an assignment target (x op= v, x++, parallel assignment): the elem slot from mapassign. */
    Lower.Loc target(IndexExpr ix) {
        Type mt = l.info.typeOf(ix.x);
        Map m = (Map) mt.underlying();
        Ir.Expr h = l.spillPtr(l.scalar(ix.x));
        Lower.Loc key = keyTemp(ix.index, m.key());
        Ir.Expr p = l.spillPtr(new CallRt(MAPS, "mapassign", List.of(new StackRef(), mapType(mt, ix.pos()), h, key.addr()), K.I));
        return new Lower.Loc(p, 0, true);
    }

    /** m[k] read: the elem's address from mapaccess1 (a shared zero value when absent), in a JVM local. */
    Lower.Loc access(IndexExpr ix) {
        Type mt = l.info.typeOf(ix.x);
        Map m = (Map) mt.underlying();
        if (Layouts.size(m.elem()) > 1024) {
            throw new Unsupported("maps with elements over 1024 bytes", ix.pos());
        }
        Ir.Expr h = l.spillPtr(l.scalar(ix.x));
        Lower.Loc key = keyTemp(ix.index, m.key());
        int p = l.newLocal();
        l.out.add(new SetLocal(p, new CallRt(MAPS, "mapaccess1", List.of(new StackRef(), mapType(mt, ix.pos()), h, key.addr()), K.I)));
        return new Lower.Loc(new Local(p, K.I), 0, true);
    }

    /** m[k] as an addressable base for a read (m[k][i], m[k].f): the elem's address kept in a pointer slot. */
    Lower.Loc accessStable(IndexExpr ix) {
        Lower.Loc a = access(ix);
        return new Lower.Loc(l.spillPtr(a.base()), 0, true);
    }

    /** v, ok = m[k] (also := and var). */
    void commaOk(List<Expr> lhs, IndexExpr ix, boolean define) {
        Type mt = l.info.typeOf(ix.x);
        Map m = (Map) mt.underlying();
        Type vt = m.elem();
        Ir.Expr h = l.spillPtr(l.scalar(ix.x));
        Lower.Loc key = keyTemp(ix.index, m.key());
        int p = l.newLocal();
        l.out.add(new SetLocal(p, new CallRt(MAPS, "mapaccess2", List.of(new StackRef(), mapType(mt, ix.pos()), h, key.addr()), K.I)));
        Ir.Expr found = new Bin(Op.NE, K.I, new Local(p, K.I), new IConst(0));
        Lower.Loc elem = new Lower.Loc(new Local(p, K.I), 0, true);
        Object v;
        if (Layouts.isScalar(vt)) {
            v = l.spillScalarAlways(new Cond(found, l.load(vt, elem), Lower.zeroOf(Layouts.kind(vt))), vt);
        } else {
            Lower.Loc tmp = l.frameTemp(vt);
            l.out.add(new If(found, l.sub(() -> l.copy(vt, elem, tmp)), l.sub(() -> l.zero(vt, tmp))));
            v = tmp;
        }
        Ir.Expr ok = l.spillScalarAlways(found, Universe.BOOL);
        assignPair(lhs, define, vt, v, ok);
    }

    /** Stores a comma-ok pair (value in a stable form, ok a scalar) into lhs[0], lhs[1]. */
    void assignPair(List<Expr> lhs, boolean define, Type vt, Object v, Ir.Expr ok) {
        Lower.Target t0 = l.defineOrTarget(lhs.get(0), define);
        if (!t0.blank()) {
            if (v instanceof Lower.Loc src) {
                l.copy(vt, src, t0.loc());
            } else {
                l.writeTarget(t0, l.convertScalar((Ir.Expr) v, vt, t0.type()));
            }
        }
        Lower.Target t1 = l.defineOrTarget(lhs.get(1), define);
        if (!t1.blank()) {
            l.writeTarget(t1, ok);
        }
    }

    /** delete(m, k). */
    void delete(glassgo.compiler.ast.CallExpr c) {
        Type mt = l.info.typeOf(c.args.get(0));
        Map m = (Map) mt.underlying();
        Ir.Expr h = l.spillPtr(l.scalar(c.args.get(0)));
        Lower.Loc key = keyTemp(c.args.get(1), m.key());
        l.out.add(new Eval(new CallRt(MAPS, "mapdelete", List.of(new StackRef(), mapType(mt, c.pos()), h, key.addr()), K.V)));
    }

    Ir.Expr len(Expr m) {
        return new CallRt(MAPS, "maplen", List.of(l.scalar(m)), K.I);
    }

    /**
     * for k, v := range m: a hiter in the frame (its pointer words in the layout), mapiterinit, then
     * mapiternext after each iteration (a continue runs it too); the order is the runtime's random one.
     */
    void range(RangeStmt rs, int label, boolean define) {
        Type mt = l.info.typeOf(rs.x);
        Map m = (Map) mt.underlying();
        RtConst t = mapType(mt, rs.x.pos());
        Ir.Expr h = l.spillPtr(l.scalar(rs.x));
        long it = hiter();
        l.out.add(new Eval(new CallRt("Abi", "memclr", List.of(new FrameAddr(it), new IConst(HITER_SIZE)), K.V)));
        l.out.add(new Eval(new CallRt(MAPS, "mapiterinit", List.of(new StackRef(), t, h, new FrameAddr(it)), K.V)));
        List<Stmt> body = l.sub(() -> {
            l.out.add(new If(new Bin(Op.EQ, K.I, new Load(Mem.I64, new FrameAddr(it)), new IConst(0)),
                    List.of(new Break(label)), List.of()));
            if (rs.key != null) {
                assignFrom(rs.key, define, m.key(), new Lower.Loc(new Load(Mem.I64, new FrameAddr(it)), 0, true));
            }
            if (rs.value != null) {
                assignFrom(rs.value, define, m.elem(), new Lower.Loc(new Load(Mem.I64, new FrameAddr(it + 8)), 0, true));
            }
            l.lowerBlock(rs.body.list);
        });
        List<Stmt> post = List.of(new Eval(new CallRt(MAPS, "mapiternext", List.of(new StackRef(), t, new FrameAddr(it)), K.V)),
                new Poll());
        l.out.add(new Loop(label, body, post));
    }

    /** A range variable (or assigned expression) gets the value of type {@code t} at {@code src}. */
    void assignFrom(Expr e, boolean define, Type t, Lower.Loc src) {
        if (e instanceof Ident id && id.name.equals("_")) {
            return;
        }
        if (define && e instanceof Ident id && l.info.def(id) instanceof Var v && !l.vars.containsKey(v)) {
            l.declareLocal(v);
        }
        if (isMapIndex(l.info, e)) {
            Object v = Layouts.isScalar(t) ? l.spillScalarAlways(l.load(t, src), t) : copyToTemp(t, src);
            Lower.Loc dst = target((IndexExpr) Lower.unparen(e));
            storeElem(t, dst.base(), v);
            return;
        }
        Lower.Target tg = l.target(e);
        if (Layouts.isScalar(t)) {
            l.writeTarget(tg, l.convertScalar(l.load(t, src), t, tg.type()));
        } else {
            l.copy(t, src, tg.loc());
        }
    }

    private Lower.Loc copyToTemp(Type t, Lower.Loc src) {
        Lower.Loc tmp = l.frameTemp(t);
        l.copy(t, src, tmp);
        return tmp;
    }

    /** A zeroed-at-entry frame area for a hiter, with its pointer words in the frame's pointer map. */
    private long hiter() {
        l.frameSize = (l.frameSize + 7) & -8;
        long off = l.frameSize;
        l.frameSize += HITER_SIZE;
        l.area(off, HITER_SIZE);
        for (int w : HITER_PTR_WORDS) {
            l.ptrOffs.add((int) off + w * 8);
            l.zeroOffs.add((int) off + w * 8);
        }
        return off;
    }
}
