// SysMem: the OS memory layer, Go's sysReserve/sysMap/sysUsed/sysUnused/sysFault/sysFree/sysAlloc.
// Mirrors runtime/mem.go (the state machine) and runtime/mem_linux.go (its Linux implementation).
package glassgo.runtime.mem;

/**
 * Moves address ranges between Go's four memory states (runtime/mem.go):
 * <ol>
 *   <li><b>None</b>: not ours. {@link #sysReserve} makes it <b>Reserved</b> (PROT_NONE, faults if touched).</li>
 *   <li>{@link #sysMap} makes Reserved memory <b>Prepared</b>: mapped read-write, not yet counted as used.</li>
 *   <li>{@link #sysUsed} makes Prepared memory <b>Ready</b>. On Linux the mapping is already usable; Go
 *       only adds MADV_HUGEPAGE hints there, which glassgo skips (no observable effect besides THP).</li>
 *   <li>{@link #sysUnused} returns Ready memory to Prepared with madvise(MADV_DONTNEED), Go's default since
 *       1.16 (madvdontneed=1): the pages leave RSS at once and read back as zero.</li>
 *   <li>{@link #sysFault} turns memory back into Reserved (PROT_NONE), {@link #sysFree} into None.</li>
 * </ol>
 * Failures are reported with Go's own fatal messages from mem_linux.go.
 */
public final class SysMem {
    /** The OS page size Go assumes on linux/amd64 (physPageSize). */
    public static final long PHYS_PAGE_SIZE = 4096;

    private SysMem() {}

    /**
     * None → Reserved: PROT_NONE anonymous mapping of {@code n} bytes. With {@code exact} the mapping must
     * start at {@code hint} (MAP_FIXED_NOREPLACE, checked again for kernels that treat it as a hint);
     * returns 0 when the range is not available.
     */
    public static long sysReserve(long hint, long n, boolean exact) {
        int flags = Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS | Libc.MAP_NORESERVE;
        if (exact) {
            flags |= Libc.MAP_FIXED_NOREPLACE;
        }
        Libc.Result r = Libc.mmap(hint, n, Libc.PROT_NONE, flags);
        if (r.value() == Libc.MAP_FAILED) {
            return 0;
        }
        if (exact && r.value() != hint) {
            sysFree(r.value(), n);
            return 0;
        }
        return r.value();
    }

    /** Reserved → Prepared: map the range read-write in place (mem_linux.go sysMapOS). */
    public static void sysMap(long addr, long n) {
        Libc.Result r = Libc.mmap(addr, n, Libc.PROT_READ | Libc.PROT_WRITE,
                Libc.MAP_FIXED | Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS);
        if (r.value() == Libc.MAP_FAILED && r.errno() == Libc.ENOMEM) {
            throw new RuntimeFault("runtime: out of memory");
        }
        if (r.value() != addr) {
            throw new RuntimeFault("runtime: mmap(" + hex(addr) + ", " + n + ") returned " + hex(r.value())
                    + ", " + r.errno() + "\n", "runtime: cannot map pages in arena address space");
        }
    }

    /** Prepared → Ready. Nothing to do on Linux beyond Go's optional huge-page advice (see class comment). */
    public static void sysUsed(long addr, long n) {
        if (addr % PHYS_PAGE_SIZE != 0 || n < 0) {
            throw new RuntimeFault("runtime: sysUsed of unaligned range " + hex(addr));
        }
    }

    /** Ready → Prepared: give the physical pages back; they read as zero afterwards. */
    public static void sysUnused(long addr, long n) {
        if (addr % PHYS_PAGE_SIZE != 0 || n % PHYS_PAGE_SIZE != 0) {
            throw new RuntimeFault("runtime: sysUnused of unaligned range " + hex(addr) + "+" + n);
        }
        Libc.Result r = Libc.madvise(addr, n, Libc.MADV_DONTNEED);
        if (r.value() != 0) {
            throw new RuntimeFault("runtime: madvise(" + hex(addr) + ", " + n + ") errno " + r.errno() + "\n",
                    "runtime: cannot release memory");
        }
    }

    /** Ready/Prepared → Reserved: any access faults afterwards (Go uses this for efence debugging). */
    public static void sysFault(long addr, long n) {
        Libc.Result r = Libc.mmap(addr, n, Libc.PROT_NONE,
                Libc.MAP_FIXED | Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS | Libc.MAP_NORESERVE);
        if (r.value() != addr) {
            throw new RuntimeFault("runtime: sysFault failed at " + hex(addr) + ", errno " + r.errno());
        }
    }

    /** any → None. */
    public static void sysFree(long addr, long n) {
        Libc.Result r = Libc.munmap(addr, n);
        if (r.value() != 0) {
            throw new RuntimeFault("runtime: munmap(" + hex(addr) + ", " + n + ") errno " + r.errno());
        }
    }

    /** None → Ready anywhere, for runtime metadata that lives off the Java heap (Go's sysAlloc). */
    public static long sysAlloc(long n) {
        Libc.Result r = Libc.mmap(0, n, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS);
        if (r.value() == Libc.MAP_FAILED) {
            if (r.errno() == Libc.ENOMEM || r.errno() == Libc.EAGAIN) {
                throw new RuntimeFault("runtime: out of memory");
            }
            throw new RuntimeFault("runtime: sysAlloc of " + n + " bytes failed, errno " + r.errno());
        }
        return r.value();
    }

    public static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
