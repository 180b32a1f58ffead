/**
 * The mutator API: how goroutine code — Java tests, benchmarks and {@code glassgo lab} today, compiled Go
 * tomorrow — allocates, reads and writes Go objects in native memory, registers its roots and
 * cooperates with the scheduler.
 *
 * <p>A guided tour:
 * <ol>
 *   <li>{@link glassgo.runtime.mutator.Mutator} — one program's heap and per-P state; {@code run(main)};
 *       {@code alloc}/{@code allocArray}/{@code allocBytes} ({@code mallocgc} with the current P's mcache);
 *       loads and stores by offset; {@code writePointer}, the single pointer-store entry point where the
 *       write barrier will go; {@code free}, explicit and temporary.</li>
 *   <li>{@link glassgo.runtime.mutator.TypeBuilder} — type descriptors: Go struct layout, arrays, bytes.</li>
 *   <li>{@link glassgo.runtime.mutator.Goroutine} and {@link glassgo.runtime.mutator.Body} — a goroutine's
 *       context: its frames, {@code go}, park, yield, sleep, preemption poll;
 *       {@link glassgo.runtime.mutator.Wakeup} — a one-shot park/wake pair.</li>
 *   <li>{@link glassgo.runtime.mutator.Roots} — what the collector will scan:
 *       {@link glassgo.runtime.mutator.Globals} and each goroutine's
 *       {@link glassgo.runtime.mutator.Frame}s, pointer slots in native memory.</li>
 * </ol>
 *
 * <p>Example, a goroutine building a two-node list:
 * <pre>{@code
 * Struct node = TypeBuilder.struct("node").pointer("next").int64("val").build();
 * try (Mutator mu = Mutator.create(Mutator.Config.of(2))) {
 *     mu.run(g -> {
 *         try (Frame f = g.frame(1)) {
 *             f.set(0, mu.alloc(node.type()));          // live across the next allocation: keep it in a slot
 *             long second = mu.alloc(node.type());
 *             mu.writePointer(f.get(0), node.offset("next"), second);
 *         }
 *     });
 *     System.out.println(mu.stats());
 * }
 * }</pre>
 *
 * <p>The collector: {@code ClassicCollector.attach(mu, settings, trace)} (package {@code glassgo.runtime.gc})
 * before {@code run} makes {@code writePointer} call its hybrid write barrier, scans {@code Roots} (globals
 * + open frames), turns {@code free} into a no-op and counts {@code Stats.gcCycles}. Without a collector,
 * explicit frees and free cycles (stop the world → free → {@code sweepAll}) remain the only reclamation.
 */
package glassgo.runtime.mutator;
