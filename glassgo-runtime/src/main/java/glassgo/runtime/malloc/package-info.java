/**
 * Go's memory allocator (Go 1.19): runtime/malloc.go, mheap.go, mcache.go, mcentral.go, mpagealloc.go,
 * mpagecache.go, mbitmap.go, sizeclasses.go.
 *
 * <p>A guided tour, from the entry point down:
 * <ol>
 *   <li>{@link glassgo.runtime.malloc.Malloc#mallocgc} — the single entry point ({@code newobject},
 *       {@code newarray} call it): zero size, tiny, small and large paths.</li>
 *   <li>{@link glassgo.runtime.malloc.SizeClasses}, {@link glassgo.runtime.malloc.SpanClass} — Go's 68
 *       classes, the size → class lookup, the magic divisors.</li>
 *   <li>{@link glassgo.runtime.malloc.MCache} — one per P, lock-free: a cached span per span class, the
 *       tiny block, the page cache. {@link glassgo.runtime.malloc.MSpan} — allocBits, allocCache and
 *       freeindex (count-trailing-zeros fast path), gcmarkBits, the sweep.</li>
 *   <li>{@link glassgo.runtime.malloc.MCentral} — per span class, partial/full × swept/unswept span sets.</li>
 *   <li>{@link glassgo.runtime.malloc.MHeap} — arenas ({@code HeapArena}: page → span map, pageInUse,
 *       pageMarks, zeroedBase, heap bitmap), span allocation and freeing, growth by 4 MiB chunks, the
 *       out-of-memory fault, {@code spanOf}/{@code findObject}, explicit freeing and the sweep, scavenging,
 *       {@link glassgo.runtime.malloc.MemStats}.</li>
 *   <li>{@code PageAlloc}/{@code PageCache} — which pages are free and scavenged.</li>
 * </ol>
 *
 * <p>Design decisions:
 * <ul>
 *   <li><b>Objects in native memory, metadata in Java.</b> Every Go object lives in the reservation; a Go
 *       pointer is its address. mspans, mcaches and their bitmaps are Java objects: Go keeps them off-heap
 *       only because Go has no other heap, and no Go pointer refers to them. The heap bitmap is native
 *       (2 MiB per arena, outside the reservation) because a collector scans it next to the objects.</li>
 *   <li><b>Pointer metadata: Go 1.19's heap bitmap</b> (2 bits per word), not 1.22's allocation headers,
 *       so objects-per-span and addresses match 1.19 everywhere ({@link glassgo.runtime.malloc.HeapBits}).</li>
 *   <li><b>Page allocator: flat bitmaps</b> over the reservation (in-use and scavenged, 512-page chunks)
 *       with a first-free-page bound instead of Go's radix tree of summaries: same lowest-address first
 *       fit, linear rather than logarithmic search.</li>
 *   <li><b>No collector yet.</b> Allocation sets the object's mark bit and {@code MHeap.freeObject} clears
 *       it; {@code MHeap.sweepAll} is Go's sweep (allocBits ← gcmarkBits) for the whole heap with the
 *       world stopped. Tests and benchmarks free explicitly.</li>
 *   <li>The address space cap is reserved up front (PROT_NONE, free until used); hitting it prints Go's
 *       {@code runtime: out of memory: cannot allocate N-byte block (M in use)} and
 *       {@code fatal error: out of memory}. (Go prints {@code fatal error: runtime: out of memory} only
 *       when mmap itself fails to commit, which {@code SysMem.sysMap} reports the same way.)</li>
 * </ul>
 */
package glassgo.runtime.malloc;
