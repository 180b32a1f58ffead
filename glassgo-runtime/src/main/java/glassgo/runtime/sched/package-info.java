// package-info: the guided tour of glassgo's goroutine scheduler (Go 1.19's proc.go,
// runtime2.go, preempt.go, time.go and lock_futex.go, concept for concept).
/**
 * Go's G/M/P scheduler on the JVM.
 *
 * <h2>The pieces, by their Go names</h2>
 * <ul>
 *   <li>{@link glassgo.runtime.sched.G} — a goroutine: Go's status values ({@code _Grunnable},
 *       {@code _Gwaiting}, …), goid, {@link glassgo.runtime.sched.WaitReason wait reason}; its stack
 *       is a {@code jdk.internal.vm.Continuation}.</li>
 *   <li>{@link glassgo.runtime.sched.M} — a platform thread running the scheduler loop; its own
 *       Java stack plays Go's g0.</li>
 *   <li>{@link glassgo.runtime.sched.P} — a processor: the 256-slot lock-free run queue with
 *       {@code runnext}, free Gs, the goid cache (batches of 16) and the 4-ary timer heap.</li>
 *   <li>{@link glassgo.runtime.sched.Sched} — Go's {@code sched}: global run queue, idle P and M
 *       lists, spinning Ms, {@code schedule}/{@code findRunnable}/{@code stealWork},
 *       {@code wakep}/{@code startm}/{@code stopm}, {@code gopark}/{@code goready}, timers,
 *       stop-the-world, {@code checkdead}, schedtrace.</li>
 *   <li>{@link glassgo.runtime.sched.Sysmon} — the monitor thread that preempts a G after a 10ms
 *       time slice.</li>
 *   <li>{@link glassgo.runtime.sched.RtMutex} and {@link glassgo.runtime.sched.Note} — the
 *       runtime's mutex and one-shot sleep/wakeup (lock_futex.go).</li>
 *   <li>{@link glassgo.runtime.sched.Sema} and {@link glassgo.runtime.sched.UnbufferedChan} —
 *       a goroutine semaphore (sema.go) and a minimal synchronous channel, built on park/ready.</li>
 *   <li>{@link glassgo.runtime.sched.FatalError} — Go's {@code fatal error:} output, e.g. the
 *       deadlock report, exit status 2.</li>
 * </ul>
 *
 * <h2>Where to start</h2>
 * {@link glassgo.runtime.sched.GoRuntime} is the mutator API (what compiled code calls:
 * {@code run}, {@code go}, {@code gopark}, {@code goready}, {@code gosched}, {@code sleep},
 * {@code preemptPoll}); then {@link glassgo.runtime.sched.Sched}'s class comment walks through
 * how a goroutine runs, parks and is found again.
 *
 * <h2>Two JVM facts that shape the code</h2>
 * <ol>
 *   <li>A continuation cannot leave its thread while pinned (a native frame; a held monitor in
 *       some JDK versions), so the runtime never uses {@code synchronized} on paths that park.</li>
 *   <li>HotSpot treats {@code Thread.currentThread()} as constant within a compiled method,
 *       so goroutine code that migrated between Ms may see the thread it left. The runtime reads
 *       the current M through a non-inlinable handle ({@code M.current()}) and its locks have no
 *       owner thread.</li>
 * </ol>
 */
package glassgo.runtime.sched;
