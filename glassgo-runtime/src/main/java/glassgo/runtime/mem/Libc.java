// Libc: the four libc calls Go's Linux memory layer is built on (mmap, munmap, madvise, mprotect),
// as java.lang.foreign downcalls. Mirrors runtime/sys_linux_amd64.s's mmap/munmap/madvise stubs.
package glassgo.runtime.mem;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/** Downcalls to libc with errno captured, so failures can be reported the way Go reports them. */
final class Libc {
    static final int PROT_NONE = 0, PROT_READ = 1, PROT_WRITE = 2;
    static final int MAP_PRIVATE = 0x02, MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20;
    static final int MAP_NORESERVE = 0x4000, MAP_FIXED_NOREPLACE = 0x100000;
    static final int MADV_DONTNEED = 4;
    static final int ENOMEM = 12, EAGAIN = 11;
    /** mmap's failure value, (void*)-1. */
    static final long MAP_FAILED = -1L;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE =
            STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle MMAP = downcall("mmap", FunctionDescriptor.of(ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
    private static final MethodHandle MUNMAP = downcall("munmap",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    private static final MethodHandle MADVISE = downcall("madvise", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final MethodHandle MPROTECT = downcall("mprotect", FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));

    private Libc() {}

    private static MethodHandle downcall(String name, FunctionDescriptor fd) {
        MemorySegment sym = LIBC.find(name)
                .orElseThrow(() -> new RuntimeFault("runtime: libc symbol " + name + " not found"));
        return LINKER.downcallHandle(sym, fd, ERRNO);
    }

    /** Result of a call: the return value and errno (meaningful only when the call failed). */
    record Result(long value, int errno) {}

    /**
     * Where a call's errno is captured. Not a confined arena: goroutines run on continuations that move between
     * threads, and a goroutine freeing its stack on exit saw its confined arena owned by another thread
     * (WrongThreadException) once compiled code ran goroutines on several Ms.
     */
    private static MemorySegment errnoState() {
        return Arena.ofAuto().allocate(STATE);
    }

    static Result mmap(long addr, long length, int prot, int flags) {
        try {
            MemorySegment st = errnoState();
            long r = (long) MMAP.invokeExact(st, addr, length, prot, flags, -1, 0L);
            return new Result(r, (int) ERRNO_HANDLE.get(st, 0L));
        } catch (Throwable t) {
            throw rethrow("mmap", t);
        }
    }

    static Result munmap(long addr, long length) {
        try {
            MemorySegment st = errnoState();
            int r = (int) MUNMAP.invokeExact(st, addr, length);
            return new Result(r, (int) ERRNO_HANDLE.get(st, 0L));
        } catch (Throwable t) {
            throw rethrow("munmap", t);
        }
    }

    static Result madvise(long addr, long length, int advice) {
        try {
            MemorySegment st = errnoState();
            int r = (int) MADVISE.invokeExact(st, addr, length, advice);
            return new Result(r, (int) ERRNO_HANDLE.get(st, 0L));
        } catch (Throwable t) {
            throw rethrow("madvise", t);
        }
    }

    static Result mprotect(long addr, long length, int prot) {
        try {
            MemorySegment st = errnoState();
            int r = (int) MPROTECT.invokeExact(st, addr, length, prot);
            return new Result(r, (int) ERRNO_HANDLE.get(st, 0L));
        } catch (Throwable t) {
            throw rethrow("mprotect", t);
        }
    }

    private static RuntimeException rethrow(String call, Throwable t) {
        if (t instanceof RuntimeException re) {
            return re;
        }
        return new RuntimeFault("runtime: downcall " + call + " failed: " + t);
    }
}
