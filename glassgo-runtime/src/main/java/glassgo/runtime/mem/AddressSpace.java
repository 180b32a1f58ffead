// AddressSpace: the heap's address-space reservation and the one MemorySegment view over it.
// Mirrors runtime/malloc.go's mallocinit arena hints and mheap.sysAlloc (reserving heap arenas),
// plus the memory accessors Go code gets for free from the hardware.
package glassgo.runtime.mem;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The range of virtual addresses glassgo's heap lives in.
 *
 * <p>How it works:
 * <ol>
 *   <li>The whole configurable cap is reserved once, PROT_NONE ({@link SysMem#sysReserve}), at Go's first
 *       arena hint 0x00c000000000, else the next hints {@code i<<40 | 0x00c0<<32}, else wherever the kernel
 *       puts it, trimmed to a 64 MiB boundary. Go on 64-bit reserves arena by arena at those same hints, so
 *       its heap is contiguous from 0xc000000000 in practice; reserving the cap up front gives the same
 *       addresses and lets one {@link MemorySegment} cover every heap byte.</li>
 *   <li>The heap commits 4 MiB chunks in address order as it grows ({@link #map}, Reserved → Prepared), so
 *       arenas come into use one 64 MiB frame after another; hitting the cap is the out-of-memory
 *       condition.</li>
 *   <li>Go pointers are plain {@code long} addresses. {@link #getLong}, {@link #putLong} and friends read and
 *       write through the one view; nothing Go keeps in its heap lives in a Java object.</li>
 * </ol>
 * Chunk states (None/Reserved/Prepared/Ready) are tracked for checking: {@link #map} makes chunks
 * Prepared, {@link #use} (the first span carved from scavenged pages) Ready, {@link #fault} Reserved again.
 * Page-level Ready/Prepared state after that (scavenging) is the page allocator's scavenged bits.
 */
public final class AddressSpace implements AutoCloseable {
    /** Go's heapArenaBytes on linux/amd64: 64 MiB. */
    public static final long ARENA_BYTES = 64L << 20;
    /** Go's pallocChunkBytes: the heap grows by whole 4 MiB chunks. */
    public static final long CHUNK_BYTES = 4L << 20;
    /** The first arena hint Go uses on amd64. */
    public static final long GO_HEAP_HINT = 0x00c0L << 32;
    /** Default reservation cap: 64 GiB of address space (PROT_NONE, so it costs nothing until used). */
    public static final long DEFAULT_CAP = 64L << 30;

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

    private final long base;
    private final long size;
    private final MemorySegment view;
    private final MemState[] chunkState;
    private boolean closed;

    private AddressSpace(long base, long size) {
        this.base = base;
        this.size = size;
        this.view = MemorySegment.ofAddress(base).reinterpret(size);
        this.chunkState = new MemState[(int) (size / CHUNK_BYTES)];
        java.util.Arrays.fill(chunkState, MemState.RESERVED);
    }

    /** Reserves {@code capBytes} (rounded up to whole arenas) at Go's hints when the kernel grants them. */
    public static AddressSpace reserve(long capBytes) {
        if (capBytes <= 0) {
            throw new IllegalArgumentException("reservation cap must be positive: " + capBytes);
        }
        long size = alignUp(capBytes, ARENA_BYTES);
        for (long i = 0; i <= 0x7f; i++) {
            long hint = (i << 40) | GO_HEAP_HINT;
            long got = SysMem.sysReserve(hint, size, true);
            if (got != 0) {
                return new AddressSpace(got, size);
            }
        }
        // No hint was free: over-reserve by one arena and trim to a 64 MiB boundary (malloc.go sysReserveAligned).
        long raw = SysMem.sysReserve(0, size + ARENA_BYTES, false);
        if (raw == 0) {
            throw new RuntimeFault("runtime: out of memory: cannot reserve " + size + " bytes of address space\n",
                    "out of memory");
        }
        long aligned = alignUp(raw, ARENA_BYTES);
        if (aligned > raw) {
            SysMem.sysFree(raw, aligned - raw);
        }
        long tail = raw + size + ARENA_BYTES - (aligned + size);
        if (tail > 0) {
            SysMem.sysFree(aligned + size, tail);
        }
        return new AddressSpace(aligned, size);
    }

    public long base() {
        return base;
    }

    public long size() {
        return size;
    }

    public long end() {
        return base + size;
    }

    public boolean contains(long addr) {
        return addr - base >= 0 && addr - base < size;
    }

    /** Index of the 64 MiB arena frame holding {@code addr}, counted from the reservation base. */
    public int arenaIndex(long addr) {
        return (int) ((addr - base) >>> 26);
    }

    public int arenaCount() {
        return (int) (size / ARENA_BYTES);
    }

    /** Reserved → Prepared for whole chunks [addr, addr+n). */
    public void map(long addr, long n) {
        checkChunkRange(addr, n);
        for (long c = addr; c < addr + n; c += CHUNK_BYTES) {
            MemState s = chunkState[chunkIndex(c)];
            if (s != MemState.RESERVED) {
                throw new RuntimeFault("runtime: AddressSpace.map of chunk in state " + s + " at " + SysMem.hex(c));
            }
        }
        SysMem.sysMap(addr, n);
        setState(addr, n, MemState.PREPARED);
    }

    /** The state of the chunk holding {@code addr}. */
    public MemState state(long addr) {
        return contains(addr) ? chunkState[chunkIndex(addr)] : MemState.NONE;
    }

    /**
     * Ready → Prepared for a page-aligned range: the physical pages go back to the OS and read as zero.
     * Chunk states stay as they are: which pages of a chunk are released is the page allocator's
     * scavenged bits, at page granularity.
     */
    public void release(long addr, long n) {
        checkMapped(addr, n);
        SysMem.sysUnused(addr, n);
    }

    /** Prepared → Ready for the chunks holding [addr, addr+n). */
    public void use(long addr, long n) {
        checkMapped(addr, n);
        SysMem.sysUsed(addr, n);
        setState(addr, n, MemState.READY);
    }

    /** Mapped → Reserved (Go's sysFault): any access faults afterwards. Whole chunks only. */
    public void fault(long addr, long n) {
        checkChunkRange(addr, n);
        checkMapped(addr, n);
        SysMem.sysFault(addr, n);
        setState(addr, n, MemState.RESERVED);
    }

    private void setState(long addr, long n, MemState st) {
        for (long c = alignDown(addr - base, CHUNK_BYTES) + base; c < addr + n; c += CHUNK_BYTES) {
            chunkState[chunkIndex(c)] = st;
        }
    }

    private void checkMapped(long addr, long n) {
        if (n <= 0 || !contains(addr) || !contains(addr + n - 1) || !mapped(state(addr)) || !mapped(state(addr + n - 1))) {
            throw new RuntimeFault("runtime: range not mapped: " + SysMem.hex(addr) + "+" + n);
        }
    }

    private static boolean mapped(MemState s) {
        return s == MemState.PREPARED || s == MemState.READY;
    }

    private void checkChunkRange(long addr, long n) {
        if ((addr - base) % CHUNK_BYTES != 0 || n % CHUNK_BYTES != 0 || n <= 0
                || !contains(addr) || !contains(addr + n - 1)) {
            throw new RuntimeFault("runtime: bad chunk range " + SysMem.hex(addr) + "+" + n);
        }
    }

    private int chunkIndex(long addr) {
        return (int) ((addr - base) / CHUNK_BYTES);
    }

    // Typed accessors: the only way Java code touches Go memory. Addresses are absolute.

    public long getLong(long addr) {
        return view.get(LONG, addr - base);
    }

    public void putLong(long addr, long v) {
        view.set(LONG, addr - base, v);
    }

    public int getInt(long addr) {
        return view.get(INT, addr - base);
    }

    public void putInt(long addr, int v) {
        view.set(INT, addr - base, v);
    }

    public byte getByte(long addr) {
        return view.get(BYTE, addr - base);
    }

    public void putByte(long addr, byte v) {
        view.set(BYTE, addr - base, v);
    }

    /** memclrNoHeapPointers: zero {@code n} bytes at {@code addr}. */
    public void clear(long addr, long n) {
        long off = addr - base;
        if (n <= 256 && (n & 7) == 0 && (off & 7) == 0) {
            // Small word-aligned objects: a few stores beat setting up a bulk fill.
            for (long i = 0; i < n; i += 8) {
                view.set(LONG, off + i, 0L);
            }
        } else {
            view.asSlice(off, n).fill((byte) 0);
        }
    }

    /** Fill {@code n} bytes with {@code b} (tests poison memory with it). */
    public void fill(long addr, long n, byte b) {
        view.asSlice(addr - base, n).fill(b);
    }

    /** memmove. */
    public void copy(long dst, long src, long n) {
        MemorySegment.copy(view, src - base, view, dst - base, n);
    }

    /** True when all {@code n} bytes at {@code addr} are zero (a vectorized compare against zeros). */
    public boolean isZero(long addr, long n) {
        for (long off = 0; off < n; off += ZEROS.byteSize()) {
            long len = Math.min(ZEROS.byteSize(), n - off);
            if (MemorySegment.mismatch(view, addr - base + off, addr - base + off + len, ZEROS, 0, len) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static final MemorySegment ZEROS = java.lang.foreign.Arena.global().allocate(64 << 10);

    /** Gives the whole reservation back to the OS. The heap using it must not be used again. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            SysMem.sysFree(base, size);
        }
    }

    public static long alignUp(long n, long a) {
        return (n + a - 1) & -a;
    }

    public static long alignDown(long n, long a) {
        return n & -a;
    }
}
