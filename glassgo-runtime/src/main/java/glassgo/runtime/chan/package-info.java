/**
 * Go channels and select in native memory: mirrors runtime/chan.go and runtime/select.go.
 *
 * <p>A guided tour:
 * <ol>
 *   <li>{@code Hchan} — the channel header (qcount, dataqsiz, buf, elemsize, closed, elemtype, sendx,
 *       recvx, lock) and its ring buffer, allocated as Go does (one noscan object when the element has no
 *       pointers, else a scanned header plus a typed array); the spin lock; the wait queues.</li>
 *   <li>{@code Sudog} — a goroutine waiting on one channel; a select's sudogs share one waiter whose
 *       {@code selectDone} flag lets exactly one channel win it.</li>
 *   <li>{@link glassgo.runtime.chan.Chan} — {@code makechan}, {@code chansend1}, {@code chanrecv1},
 *       {@code chanrecv2}, {@code closechan}, {@code selectnbsend}, {@code selectnbrecv}, {@code chanlen},
 *       {@code chancap}.</li>
 *   <li>{@link glassgo.runtime.chan.Select} — {@code selectgo} over an scase array: random pollorder,
 *       lockorder by address, three passes; {@code block} for {@code select {}}.</li>
 * </ol>
 *
 * <h2>Calling convention (what compiled code does)</h2>
 * <ul>
 *   <li>A channel value is its hchan's address; nil is 0. {@code makechan(g, elemType, size)} allocates
 *       it. Every operation takes the running {@code Goroutine} first (Go's getg()).</li>
 *   <li>Values move by address: a send reads the element at {@code elem}; a receive writes it at
 *       {@code elem} (0 discards it). That memory belongs to the caller — its frame, normally — and must
 *       stay valid and rooted while the call blocks; a blocked receiver's slot is written by the goroutine
 *       that completes the operation, with the write barrier (Go's sendDirect/recvDirect).</li>
 *   <li>{@code select}: an array of 16-byte scases {@code {c, elem}}, sends first; {@code selectgo}
 *       returns the case index (or -1 for default) and recvOK packed in a long
 *       ({@code Select.caseIndex}, {@code Select.recvOK}).</li>
 *   <li>Blocked goroutines park with Go's wait reasons: {@code chan send}, {@code chan receive},
 *       {@code chan send (nil chan)}, {@code chan receive (nil chan)}, {@code select},
 *       {@code select (no cases)}; the scheduler's deadlock check lists them as Go does.</li>
 *   <li>Panics ({@code GoPanic.plainError}, Go's texts): "send on closed channel", "close of closed channel",
 *       "close of nil channel", "makechan: size out of range".</li>
 * </ul>
 *
 * <p>Not yet: sudogs are Java objects (Go caches them per P); a goroutine's stack cannot move while it
 * waits (Go adjusts sudog.elem when it copies a stack — glassgo's stacks do not move yet); no race
 * detector annotations; channels of interface values need nothing extra, but {@code reflect.Select} does
 * not exist.
 */
package glassgo.runtime.chan;
