// TypeBuilder: Go type descriptors for mutator code: structs laid out by Go's rules, arrays, byte buffers.
// Mirrors what cmd/compile's types.CalcSize and reflectdata compute for a type: size, alignment, field
// offsets and the pointer mask (runtime/type.go's _type.size/ptrdata/gcdata).
package glassgo.runtime.mutator;

import glassgo.runtime.malloc.GoType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Struct}: fields are appended in order, each aligned to its own alignment, and the size is
 * rounded up to the struct's alignment, as on amd64. For example {@code struct{ left, right *T; val int }}:
 * <pre>{@code
 * Struct node = TypeBuilder.struct("node").pointer("left").pointer("right").int64("val").build();
 * long obj = mu.alloc(node.type());
 * mu.writePointer(obj, node.offset("left"), child);
 * }</pre>
 */
public final class TypeBuilder {
    /** A struct type and its field offsets. */
    public record Struct(GoType type, Map<String, Long> offsets) {
        /** The byte offset of field {@code name}. */
        public long offset(String name) {
            Long off = offsets.get(name);
            if (off == null) {
                throw new IllegalArgumentException("mutator: struct " + type.name() + " has no field " + name);
            }
            return off;
        }

        public long size() {
            return type.size();
        }
    }

    private final String name;
    private final Map<String, Long> offsets = new LinkedHashMap<>();
    private final List<Integer> pointerWords = new ArrayList<>();
    private final StringBuilder goSyntax = new StringBuilder();
    private long size;
    private long align = 1;

    private TypeBuilder(String name) {
        this.name = name;
    }

    /** Starts a struct type called {@code name} (the name is for messages and dumps only). */
    public static TypeBuilder struct(String name) {
        return new TypeBuilder(name);
    }

    /** A pointer field ({@code *T}, also the first word of a slice, map, chan or func value). */
    public TypeBuilder pointer(String field) {
        long off = field(field, 8, 8, "*T");
        pointerWords.add((int) (off / 8));
        return this;
    }

    /** An {@code int}/{@code int64}/{@code uint64} field. */
    public TypeBuilder int64(String field) {
        field(field, 8, 8, "int64");
        return this;
    }

    /** An {@code int32}/{@code uint32}/{@code rune} field. */
    public TypeBuilder int32(String field) {
        field(field, 4, 4, "int32");
        return this;
    }

    /** A {@code byte}/{@code bool} field. */
    public TypeBuilder int8(String field) {
        field(field, 1, 1, "byte");
        return this;
    }

    /** A {@code [n]byte} field. */
    public TypeBuilder bytes(String field, long n) {
        field(field, n, 1, "[" + n + "]byte");
        return this;
    }

    private long field(String field, long fsize, long falign, String goType) {
        if (offsets.containsKey(field)) {
            throw new IllegalArgumentException("mutator: duplicate field " + field + " in struct " + name);
        }
        long off = (size + falign - 1) & -falign;
        offsets.put(field, off);
        size = off + fsize;
        align = Math.max(align, falign);
        goSyntax.append(goSyntax.isEmpty() ? "" : "; ").append(field).append(' ').append(goType);
        return off;
    }

    public Struct build() {
        long total = (size + align - 1) & -align;
        int[] ptrs = pointerWords.stream().mapToInt(Integer::intValue).toArray();
        GoType t = ptrs.length == 0 ? GoType.noscan(name, total) : GoType.withPointers(name, total, ptrs);
        return new Struct(t, Map.copyOf(offsets));
    }

    /** {@code [n]byte}: no pointers, so its objects go to noscan spans (and, below 16 bytes, the tiny allocator). */
    public static GoType byteArray(long n) {
        return GoType.noscan("[" + n + "]byte", n);
    }

    /** {@code [n]*T}: every word a pointer. */
    public static GoType pointerArray(int n) {
        int[] words = new int[n];
        for (int i = 0; i < n; i++) {
            words[i] = i;
        }
        return GoType.withPointers("[" + n + "]*T", n * 8L, words);
    }

    /** {@code [n]int64}. */
    public static GoType int64Array(long n) {
        return GoType.noscan("[" + n + "]int64", n * 8);
    }
}
