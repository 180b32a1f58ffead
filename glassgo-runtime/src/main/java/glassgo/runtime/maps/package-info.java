/**
 * Go maps in native memory: mirrors runtime/map.go (with alg.go's hash and equality rules).
 *
 * <p>A guided tour:
 * <ol>
 *   <li>{@link glassgo.runtime.maps.MapType} — the descriptor of {@code map[K]V} (Go's maptype): key and
 *       elem types, their {@link glassgo.runtime.maps.Alg} (hash + equality), slot sizes, bucket size and
 *       the bucket's pointer mask; keys and elems over 128 bytes are stored indirectly.</li>
 *   <li>{@code Hmap} and {@code Bmap} — the header and bucket layouts, byte for byte Go's on amd64.</li>
 *   <li>{@link glassgo.runtime.maps.Maps} — the entry points: {@code makemap}, {@code makemap_small},
 *       {@code mapaccess1}, {@code mapaccess1_fat}, {@code mapaccess2}, {@code mapassign}, {@code mapdelete}, {@code maplen},
 *       {@code mapclear}; incremental growth ({@code hashGrow}, {@code growWork}, {@code evacuate}).</li>
 *   <li>{@link glassgo.runtime.maps.Hiter} — {@code for range}: {@code mapiterinit}/{@code mapiternext}
 *       over a caller-provided 96-byte hiter.</li>
 *   <li>{@link glassgo.runtime.maps.TypedMem} — typed copies with the write barrier
 *       ({@code typedmemmove}, {@code typedmemclr}, {@code storePointer}), shared with the chan and
 *       strings packages; {@link glassgo.runtime.maps.Fastrand}, {@link glassgo.runtime.mutator.GoPanic}.</li>
 * </ol>
 *
 * <h2>Calling convention (what compiled code does)</h2>
 * <ul>
 *   <li>A map value is the address of its hmap; nil is 0. Every entry point takes the running
 *       {@code Goroutine} first (Go's implicit getg()), then the {@code MapType}, the map, and keys by
 *       address — the caller owns that memory (its frame, a heap object, a global).</li>
 *   <li>{@code mapassign} returns the address of the elem slot; the caller stores the value there
 *       ({@code TypedMem.typedmemmove} when the elem has pointers, so the write barrier runs).
 *       {@code mapaccess1} returns the elem's address or a shared zero value's (read-only; elems up to
 *       1024 bytes); {@code mapaccess2} returns 0 for "not found". The returned addresses point into the
 *       map's buckets and are valid until the next assign or delete on that map, as in Go.</li>
 *   <li>The runtime allocates the hmap, buckets, overflow buckets, indirect keys and elems with
 *       {@code Mutator.alloc}/{@code allocArray} and precise types; the caller keeps the map rooted across
 *       calls (a frame slot, a global or a reachable heap object).</li>
 *   <li>Panics: {@code GoPanic.plainError("assignment to entry in nil map")}; detected races: {@code FatalError}
 *       "concurrent map writes", "concurrent map read and map write", "concurrent map iteration and map
 *       write".</li>
 * </ul>
 *
 * <p>Interface keys ({@code Alg.Eface}, {@code Alg.Iface}) need an {@code Alg.TypeTable} from whoever lays
 * out type descriptors and itabs (alg, direct-iface flag and name of a dynamic type). Not yet: the compiler's
 * specialised fast paths (mapaccess1_fast64 and friends: the generic path is correct for every key).
 */
package glassgo.runtime.maps;
