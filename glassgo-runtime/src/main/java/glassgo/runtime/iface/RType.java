// RType: a decoded view of one type descriptor in the data block (Go's runtime._type and the kind-specific
// structs of runtime/type.go). The compiler's TypeDescriptors writes the layout this reads.
package glassgo.runtime.iface;

import glassgo.runtime.mutator.Abi;

import java.nio.charset.StandardCharsets;

/**
 * Offsets as in Go 1.19's {@code _type}: size 0, ptrdata 8, hash 16, tflag 20, align 21, fieldAlign 22,
 * kind 23, equal 24, gcdata 32, str 40 (nameOff), ptrToThis 44; the kind-specific part at 48, an
 * uncommonType after it when tflag has bit 0. nameOff values are offsets from the data block's base.
 */
public final class RType {
    public static final int BOOL = 1, INT = 2, INT8 = 3, INT16 = 4, INT32 = 5, INT64 = 6, UINT = 7, UINT8 = 8,
            UINT16 = 9, UINT32 = 10, UINT64 = 11, UINTPTR = 12, FLOAT32 = 13, FLOAT64 = 14, COMPLEX64 = 15,
            COMPLEX128 = 16, ARRAY = 17, CHAN = 18, FUNC = 19, INTERFACE = 20, MAP = 21, POINTER = 22, SLICE = 23,
            STRING = 24, STRUCT = 25, UNSAFE_POINTER = 26;
    static final int KIND_DIRECT_IFACE = 0x20;

    public final long addr;
    public final long size;
    public final int kind;
    public final boolean direct;
    public final boolean comparable;
    public final long hash;
    public final String name;

    RType(long addr) {
        this.addr = addr;
        this.size = Abi.ld64(addr);
        this.hash = Abi.ld32u(addr + 16);
        int k = (int) Abi.ld8u(addr + 23);
        this.kind = k & 0x1f;
        this.direct = (k & KIND_DIRECT_IFACE) != 0;
        this.comparable = Abi.ld64(addr + 24) != 0;
        this.name = nameAt(Abi.data() + Abi.ld32s(addr + 40));
    }

    /** Go's name encoding: a flags byte, a varint length, the bytes. */
    static String nameAt(long p) {
        long n = 0;
        int shift = 0;
        long q = p + 1;
        while (true) {
            long b = Abi.ld8u(q++);
            n |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        byte[] bytes = new byte[(int) n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) Abi.ld8u(q + i);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Element type of a pointer, slice, array, chan or map (the map's value). */
    public RType elem() {
        return Iface.rtype(Abi.ld64(addr + (kind == MAP ? 56 : 48)));
    }

    public long arrayLen() {
        return Abi.ld64(addr + 64);
    }

    public int numFields() {
        return (int) Abi.ld64(addr + 64);
    }

    public RType fieldType(int i) {
        return Iface.rtype(Abi.ld64(Abi.ld64(addr + 56) + 24L * i + 8));
    }

    public long fieldOffset(int i) {
        return Abi.ld64(Abi.ld64(addr + 56) + 24L * i + 16) >>> 1;
    }

    public String fieldName(int i) {
        return nameAt(Abi.ld64(Abi.ld64(addr + 56) + 24L * i));
    }

    /** An interface type's method names, sorted. */
    public String[] imethods() {
        int n = (int) Abi.ld64(addr + 64);
        long p = Abi.ld64(addr + 56);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = nameAt(Abi.data() + Abi.ld32s(p + 8L * i));
        }
        return out;
    }

    private int kindSize() {
        return switch (kind) {
            case ARRAY -> 72;
            case CHAN -> 64;
            case FUNC -> 56;
            case INTERFACE -> 80;
            case MAP -> 88;
            case POINTER, SLICE -> 56;
            case STRUCT -> 80;
            default -> 48;
        };
    }

    /** The method set's names (from the uncommonType), sorted. */
    public String[] methods() {
        if ((Abi.ld8u(addr + 20) & 1) == 0) {
            return new String[0];
        }
        long u = addr + kindSize();
        int n = (int) Abi.ld16u(u + 4);
        long m = u + Abi.ld32u(u + 8);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = nameAt(Abi.data() + Abi.ld32s(m + 16L * i));
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
