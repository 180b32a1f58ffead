/**
 * Native memory for Go values: the layer Go's runtime calls {@code sys*} (runtime/mem.go, mem_linux.go).
 *
 * <p>Start with {@link glassgo.runtime.mem.AddressSpace}: the heap's reservation (at Go's hint
 * 0xc000000000 when the kernel grants it) and the one {@link java.lang.foreign.MemorySegment} view through
 * which every Go heap byte is read and written with absolute addresses ({@code getLong(addr)}, ...).
 * {@link glassgo.runtime.mem.SysMem} moves ranges between Go's states None → Reserved → Prepared → Ready
 * with mmap/mprotect/madvise/munmap downcalls ({@code Libc}). {@link glassgo.runtime.mem.RuntimeFault} is
 * Go's {@code throw}: it carries the exact text Go prints ({@code fatal error: ...}) and exit status 2.
 */
package glassgo.runtime.mem;
