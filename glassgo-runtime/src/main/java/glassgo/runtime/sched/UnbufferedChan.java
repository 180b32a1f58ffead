// UnbufferedChan: a minimal synchronous channel for tests and benchmarks of the
// scheduler. Mirrors chan.go's unbuffered path: a sender meeting a waiting receiver (or
// the reverse) hands the value over directly and readies the peer into its own runnext;
// otherwise it queues a sudog and parks ("chan send"/"chan receive"). close readies every
// waiter. Buffered channels and select belong to runtime.chan.
package glassgo.runtime.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** An unbuffered channel of {@code T} between goroutines. */
public final class UnbufferedChan<T> {
    /** Result of a non-blocking receive: the value, and ok=false if the channel is closed. */
    public record Recv<T>(T value, boolean ok) {
    }

    private final RtMutex lock = new RtMutex();
    private final Sudog.WaitQ recvq = new Sudog.WaitQ();
    private final Sudog.WaitQ sendq = new Sudog.WaitQ();
    private boolean closed;
    /** chanparkcommit: release the channel lock once the G is parked. */
    private final Predicate<G> unlock = gp -> {
        lock.unlock();
        return true;
    };

    /** {@code c <- v}: blocks until a receiver takes v. Panics on a closed channel. */
    public void send(T v) {
        send(current("send"), v);
    }

    /**
     * {@link #send(Object)} from the running goroutine {@code gp}, for code that knows its G
     * (as Go's compiled code keeps g in a register): no thread lookup on the way.
     */
    public void send(G gp, T v) {
        lock.lock();
        if (closed) {
            lock.unlock();
            throw new IllegalStateException("send on closed channel");
        }
        Sudog r = recvq.dequeue();
        if (r != null) {
            r.elem = v;
            r.success = true;
            lock.unlock();
            GoRuntime.goready(gp, r.g);
            return;
        }
        Sudog s = Sudog.acquire(gp);
        s.elem = v;
        sendq.enqueue(s);
        GoRuntime.gopark(gp, unlock, WaitReason.waitReasonChanSend);
        boolean success = s.success;
        s.release();
        if (!success) {
            throw new IllegalStateException("send on closed channel");
        }
    }

    /** {@code v, ok := <-c}: blocks until a sender arrives; ok=false once closed. */
    public Recv<T> recv2() {
        return recv2(current("receive"));
    }

    /** {@link #recv2()} from the running goroutine {@code gp}. */
    public Recv<T> recv2(G gp) {
        lock.lock();
        Sudog s = sendq.dequeue();
        if (s != null) {
            @SuppressWarnings("unchecked")
            T v = (T) s.elem;
            s.success = true;
            lock.unlock();
            GoRuntime.goready(gp, s.g);
            return new Recv<>(v, true);
        }
        if (closed) {
            lock.unlock();
            return new Recv<>(null, false);
        }
        Sudog r = Sudog.acquire(gp);
        recvq.enqueue(r);
        GoRuntime.gopark(gp, unlock, WaitReason.waitReasonChanReceive);
        @SuppressWarnings("unchecked")
        T v = (T) r.elem;
        boolean ok = r.success;
        r.release();
        return new Recv<>(v, ok);
    }

    /** {@code <-c}: the received value, or null once the channel is closed. */
    public T recv() {
        return recv(current("receive"));
    }

    /** {@link #recv()} from the running goroutine {@code gp}. */
    public T recv(G gp) {
        lock.lock();
        Sudog s = sendq.dequeue();
        if (s != null) {
            @SuppressWarnings("unchecked")
            T v = (T) s.elem;
            s.success = true;
            lock.unlock();
            GoRuntime.goready(gp, s.g);
            return v;
        }
        if (closed) {
            lock.unlock();
            return null;
        }
        Sudog r = Sudog.acquire(gp);
        recvq.enqueue(r);
        GoRuntime.gopark(gp, unlock, WaitReason.waitReasonChanReceive);
        @SuppressWarnings("unchecked")
        T v = (T) r.elem;
        r.release();
        return v;
    }

    /**
     * {@code select { case v, ok := <-c: ... default: }} (Go's selectnbrecv): a value from a
     * waiting sender, ok=false if closed, or null if receiving would block.
     */
    public Recv<T> tryRecv() {
        lock.lock();
        Sudog s = sendq.dequeue();
        if (s != null) {
            @SuppressWarnings("unchecked")
            T v = (T) s.elem;
            s.success = true;
            lock.unlock();
            GoRuntime.goready(s.g);
            return new Recv<>(v, true);
        }
        boolean isClosed = closed;
        lock.unlock();
        return isClosed ? new Recv<>(null, false) : null;
    }

    /** {@code close(c)}: wake every waiter; senders then panic, receivers get ok=false. */
    public void close() {
        List<G> ready = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("close of closed channel");
            }
            closed = true;
            for (Sudog r; (r = recvq.dequeue()) != null; ) {
                r.elem = null;
                r.success = false;
                ready.add(r.g);
            }
            for (Sudog s; (s = sendq.dequeue()) != null; ) {
                s.elem = null;
                s.success = false;
                ready.add(s.g);
            }
        } finally {
            lock.unlock();
        }
        for (G g : ready) {
            GoRuntime.goready(g);
        }
    }

    private static G current(String op) {
        G gp = GoRuntime.getg();
        if (gp == null) {
            throw new IllegalStateException(op + ": must be called from a goroutine");
        }
        return gp;
    }
}
