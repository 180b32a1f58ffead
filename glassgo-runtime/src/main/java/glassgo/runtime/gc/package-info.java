/**
 * Go's garbage collector (Go 1.19: runtime/mgc.go, mgcmark.go, mgcwork.go, mbarrier.go, mwbbuf.go,
 * mgcsweep.go, mgcpacer.go): the pieces every algorithm shares, with the algorithms in sibling packages.
 *
 * <p>A guided tour:
 * <ol>
 *   <li>{@link glassgo.runtime.gc.Collector} — what the runtime asks of a collector: {@code runtime.GC},
 *       {@code debug.SetGCPercent}/{@code SetMemoryLimit}, the {@link glassgo.runtime.gc.WriteBarrier},
 *       cycle listeners. {@link glassgo.runtime.gc.classic.ClassicCollector} is Go 1.19's concurrent
 *       tricolor mark-sweep; Green Tea is meant to be a sibling package with the same shape.</li>
 *   <li>{@link glassgo.runtime.gc.RootSet} — the roots as a callback over slots (the mutator's
 *       {@code Roots.scan} fits it as {@code v -> roots.scan(v::visit)}).</li>
 *   <li>{@link glassgo.runtime.gc.GcPhase} — {@code _GCoff}, {@code _GCmark}, {@code _GCmarktermination}.</li>
 *   <li>{@link glassgo.runtime.gc.Pacer} — heap goal (GOGC with stacks and globals, 4 MiB minimum,
 *       GOMEMLIMIT), trigger bounds, runway, assist ratio.</li>
 *   <li>{@link glassgo.runtime.gc.GcSettings} — GOGC, GOMEMLIMIT, GODEBUG (gctrace, gcstoptheworld, and
 *       glassgo's gcstress, gcpoison, gcverify); {@link glassgo.runtime.gc.GcTrace} — the gctrace line;
 *       {@link glassgo.runtime.gc.CycleRecord} — what one cycle measured.</li>
 *   <li>{@link glassgo.runtime.gc.stress.GcStress} — the torture workload and its independent oracle.</li>
 * </ol>
 *
 * <p>How a collector meets the allocator: {@code MHeap.attachCollector(hook)} makes allocation white
 * outside the mark phase (black inside it, {@code MHeap.setAllocBlack}), makes sweeps clear the mark
 * bits, and lets the collector raise {@code MHeap.gcPoll}: mallocgc then calls the hook at its entry —
 * before the new object exists, so a cycle started there never sees an unrooted object. heapLive and
 * the trigger live in {@code MHeap} because the refill path updates them.
 *
 * <p>The user documentation, settings and the gctrace format are in {@code docs/gc.md}.
 */
package glassgo.runtime.gc;
