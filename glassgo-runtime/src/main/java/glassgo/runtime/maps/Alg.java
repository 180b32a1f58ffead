// Alg: how the runtime hashes and compares a map key of one type. Mirrors alg.go (memhash, f32hash,
// f64hash, c64hash, c128hash, strhash, typehash for structs and arrays, and the matching equality
// functions) together with hash64.go's fallback memhash (wyhash) for when there is no AES hardware.
package glassgo.runtime.maps;

import glassgo.runtime.mutator.GoPanic;
import java.util.List;

/**
 * A key type's hash and equality. {@link #hash} reads the key at an address and mixes it with a seed
 * (each map has its own, {@code hmap.hash0}); {@link #equal} compares two keys in place. Go's rules:
 * <ul>
 *   <li>integers, booleans, pointers, channels, and arrays and structs of those without padding: their
 *       bytes ({@link Mem}). A struct with padding (e.g. {@code struct{a int8; b int64}}) must use
 *       {@link Struct}: its padding bytes are not part of the value and may differ between equal keys;</li>
 *   <li>floats and complexes: +0 and −0 are equal and hash alike; NaN is not equal to itself and hashes
 *       randomly, so each {@code m[NaN] = v} adds an entry that no lookup finds again;</li>
 *   <li>strings: their bytes, not the header;</li>
 *   <li>structs and arrays: field by field (element by element), chaining the seed; blank fields skipped.</li>
 * </ul>
 * Interface keys ({@link Eface}, {@link Iface}) hash and compare by their dynamic type's alg, which a
 * {@link TypeTable} supplied by whoever lays out type descriptors looks up; a dynamic type that is not
 * comparable panics "runtime error: hash of unhashable type T".
 */
public sealed interface Alg {
    /** Go's hash function for this type: {@code hash(p, seed)}. */
    long hash(long p, long seed);

    /** Go's equal function: {@code *p == *q}. */
    boolean equal(long p, long q);

    /** The key's size in bytes. */
    long size();

    /** False when some value is not equal to itself (floats, NaN): Go's reflexivekey is then false. */
    boolean reflexive();

    /**
     * True when two equal keys can differ in their bytes (±0, two string headers), so an assignment to an
     * existing key must overwrite the stored key (Go's needkeyupdate).
     */
    boolean needKeyUpdate();

    /** A field of a struct key: its offset and alg; blank fields are left out. */
    record Field(long offset, Alg alg) {}

    // --- the algs ------------------------------------------------------------------------------------

    /** Memory of {@code size} bytes compared and hashed as bytes (memhash / memequal). */
    record Mem(long size) implements Alg {
        @Override
        public long hash(long p, long seed) {
            return Hash.memhash(p, seed, size);
        }

        @Override
        public boolean equal(long p, long q) {
            return TypedMem.memequal(p, q, size);
        }

        @Override
        public boolean reflexive() {
            return true;
        }

        @Override
        public boolean needKeyUpdate() {
            return false;
        }
    }

    /** float32 (f32hash / f32equal). */
    record F32() implements Alg {
        @Override
        public long hash(long p, long seed) {
            return Hash.floatHash(Float.intBitsToFloat(TypedMem.getInt(p)), p, 4, seed);
        }

        @Override
        public boolean equal(long p, long q) {
            return Float.intBitsToFloat(TypedMem.getInt(p)) == Float.intBitsToFloat(TypedMem.getInt(q));
        }

        @Override
        public long size() {
            return 4;
        }

        @Override
        public boolean reflexive() {
            return false;
        }

        @Override
        public boolean needKeyUpdate() {
            return true;
        }
    }

    /** float64 (f64hash / f64equal). */
    record F64() implements Alg {
        @Override
        public long hash(long p, long seed) {
            return Hash.floatHash(Double.longBitsToDouble(TypedMem.getLong(p)), p, 8, seed);
        }

        @Override
        public boolean equal(long p, long q) {
            return Double.longBitsToDouble(TypedMem.getLong(p)) == Double.longBitsToDouble(TypedMem.getLong(q));
        }

        @Override
        public long size() {
            return 8;
        }

        @Override
        public boolean reflexive() {
            return false;
        }

        @Override
        public boolean needKeyUpdate() {
            return true;
        }
    }

    /** complex64 and complex128: two floats, real then imaginary (c64hash / c128hash). */
    record Complex(Alg part) implements Alg {
        public Complex {
            if (!(part instanceof F32) && !(part instanceof F64)) {
                throw new IllegalArgumentException("maps: complex key parts must be F32 or F64, got " + part);
            }
        }

        @Override
        public long hash(long p, long seed) {
            return part.hash(p + part.size(), part.hash(p, seed));
        }

        @Override
        public boolean equal(long p, long q) {
            return part.equal(p, q) && part.equal(p + part.size(), q + part.size());
        }

        @Override
        public long size() {
            return 2 * part.size();
        }

        @Override
        public boolean reflexive() {
            return false;
        }

        @Override
        public boolean needKeyUpdate() {
            return true;
        }
    }

    /** string: header {data, len}; hashed and compared by its bytes (strhash / strequal). */
    record Str() implements Alg {
        @Override
        public long hash(long p, long seed) {
            return Hash.memhash(TypedMem.getLong(p), seed, TypedMem.getLong(p + 8));
        }

        @Override
        public boolean equal(long p, long q) {
            long n = TypedMem.getLong(p + 8);
            return n == TypedMem.getLong(q + 8) && TypedMem.memequal(TypedMem.getLong(p), TypedMem.getLong(q), n);
        }

        @Override
        public long size() {
            return 16;
        }

        @Override
        public boolean reflexive() {
            return true;
        }

        @Override
        public boolean needKeyUpdate() {
            return true;
        }
    }

    /** A struct: fields hashed in order, each seeded with the previous hash (typehash's struct case). */
    record Struct(long size, List<Field> fields) implements Alg {
        public Struct {
            fields = List.copyOf(fields);
        }

        @Override
        public long hash(long p, long seed) {
            long h = seed;
            for (Field f : fields) {
                h = f.alg().hash(p + f.offset(), h);
            }
            return h;
        }

        @Override
        public boolean equal(long p, long q) {
            for (Field f : fields) {
                if (!f.alg().equal(p + f.offset(), q + f.offset())) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean reflexive() {
            return fields.stream().allMatch(f -> f.alg().reflexive());
        }

        @Override
        public boolean needKeyUpdate() {
            return fields.stream().anyMatch(f -> f.alg().needKeyUpdate());
        }
    }

    /** An array {@code [n]E}: elements hashed in order (typehash's array case). */
    record Array(Alg elem, long elemSize, long n) implements Alg {
        @Override
        public long hash(long p, long seed) {
            long h = seed;
            for (long i = 0; i < n; i++) {
                h = elem.hash(p + i * elemSize, h);
            }
            return h;
        }

        @Override
        public boolean equal(long p, long q) {
            for (long i = 0; i < n; i++) {
                if (!elem.equal(p + i * elemSize, q + i * elemSize)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public long size() {
            return elemSize * n;
        }

        @Override
        public boolean reflexive() {
            return n == 0 || elem.reflexive();
        }

        @Override
        public boolean needKeyUpdate() {
            return n > 0 && elem.needKeyUpdate();
        }
    }

    // --- interfaces ----------------------------------------------------------------------------------

    /**
     * What interface keys need to know about dynamic types, given a type descriptor's address (Go reads
     * it from the {@code _type}: its alg, its kind flags, its name). Provided by the package that lays out
     * type descriptors and itabs.
     */
    interface TypeTable {
        /** The alg of type t, or null when t is not comparable (slices, maps, funcs, structs of them). */
        Alg alg(long t);

        /** Whether a value of type t is stored in the interface's data word itself (pointer-shaped types). */
        boolean directIface(long t);

        /** Go's spelling of type t, for panics. */
        String name(long t);

        /** The dynamic type of an itab ({@code itab._type}, the second word in Go's layout). */
        default long itabType(long itab) {
            return TypedMem.getLong(itab + 8);
        }
    }

    /** Hash and equality of one key type, supplied by the package that knows its type descriptor. */
    interface TypeOps {
        long hash(long p, long seed);

        boolean equal(long p, long q);
    }

    /**
     * A key type that holds interface values (an interface, or a struct or array with one): hashed and compared
     * through its type descriptor, dynamic types included (compiled code's runtime.iface typehash/typeEqual).
     * Not reflexive (an interface may hold a NaN) and updated on assignment, as Go's interface keys are.
     */
    record Typed(long size, TypeOps ops) implements Alg {
        @Override
        public long hash(long p, long seed) {
            return ops.hash(p, seed);
        }

        @Override
        public boolean equal(long p, long q) {
            return ops.equal(p, q);
        }

        @Override
        public boolean reflexive() {
            return false;
        }

        @Override
        public boolean needKeyUpdate() {
            return true;
        }
    }

    /** Shared by both interface shapes: hash and compare the value of dynamic type t in data word d. */
    private static long dynHash(TypeTable types, long t, long dataWord, long seed) {
        Alg a = types.alg(t);
        if (a == null) {
            throw GoPanic.errorString("hash of unhashable type " + types.name(t));
        }
        long p = types.directIface(t) ? dataWord : TypedMem.getLong(dataWord);
        return Hash.IFACE_C1 * a.hash(p, seed ^ Hash.IFACE_C0);
    }

    private static boolean dynEqual(TypeTable types, long t, long xWord, long yWord) {
        if (t == 0) {
            return true;
        }
        Alg a = types.alg(t);
        if (a == null) {
            throw GoPanic.errorString("comparing uncomparable type " + types.name(t));
        }
        if (types.directIface(t)) {
            return TypedMem.getLong(xWord) == TypedMem.getLong(yWord);
        }
        return a.equal(TypedMem.getLong(xWord), TypedMem.getLong(yWord));
    }

    /** {@code interface{}} ({@code eface {_type, data}}): nilinterhash / nilinterequal. */
    record Eface(TypeTable types) implements Alg {
        @Override
        public long hash(long p, long seed) {
            long t = TypedMem.getLong(p);
            return t == 0 ? seed : dynHash(types, t, p + 8, seed);
        }

        @Override
        public boolean equal(long p, long q) {
            long t = TypedMem.getLong(p);
            return t == TypedMem.getLong(q) && dynEqual(types, t, p + 8, q + 8);
        }

        @Override
        public long size() {
            return 16;
        }

        @Override
        public boolean reflexive() {
            return false;                       // it may hold a NaN
        }

        @Override
        public boolean needKeyUpdate() {
            return true;
        }
    }

    /** A non-empty interface ({@code iface {tab *itab, data}}): interhash / interequal. */
    record Iface(TypeTable types) implements Alg {
        @Override
        public long hash(long p, long seed) {
            long tab = TypedMem.getLong(p);
            return tab == 0 ? seed : dynHash(types, types.itabType(tab), p + 8, seed);
        }

        @Override
        public boolean equal(long p, long q) {
            long tab = TypedMem.getLong(p);
            return tab == TypedMem.getLong(q) && (tab == 0 || dynEqual(types, types.itabType(tab), p + 8, q + 8));
        }

        @Override
        public long size() {
            return 16;
        }

        @Override
        public boolean reflexive() {
            return false;
        }

        @Override
        public boolean needKeyUpdate() {
            return true;
        }
    }
}
