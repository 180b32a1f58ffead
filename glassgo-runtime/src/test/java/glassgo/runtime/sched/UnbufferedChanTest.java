// Tests of UnbufferedChan (chan.go's unbuffered path): values hand over in order between
// goroutines on different Ps, a waiting goroutine reuses its one sudog (Go's
// acquireSudog/releaseSudog) without keeping the value alive, and close wakes every waiter.
package glassgo.runtime.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class UnbufferedChanTest {

    @Test
    void everyValueArrivesOnceAndInOrderBetweenTwoPsMixingBothApiForms() throws InterruptedException {
        Random rnd = new Random(42);
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            sent.add(rnd.nextInt());
        }
        List<Integer> received = new ArrayList<>();
        GoRuntime.run(2, () -> {
            UnbufferedChan<Integer> c = new UnbufferedChan<>();
            UnbufferedChan<Boolean> done = new UnbufferedChan<>();
            GoRuntime.go(() -> {
                G me = GoRuntime.getg();
                for (int i = 0; i < sent.size(); i++) {
                    if (i % 3 == 0) {
                        c.send(sent.get(i));
                    } else {
                        c.send(me, sent.get(i));
                    }
                }
                done.send(me, true);
            });
            G me = GoRuntime.getg();
            for (int i = 0; i < sent.size(); i++) {
                received.add(i % 2 == 0 ? c.recv(me) : c.recv2(me).value());
            }
            done.recv();
        });
        assertThat(received).isEqualTo(sent);
    }

    @Test
    void aGoroutineParksEveryTimeWithItsOneSudogAndTheSudogForgetsTheValue() throws InterruptedException {
        AtomicReference<Sudog> first = new AtomicReference<>();
        AtomicReference<Sudog> last = new AtomicReference<>();
        AtomicReference<Object> lastElem = new AtomicReference<>("unset");
        List<Integer> got = new ArrayList<>();
        GoRuntime.run(1, () -> {
            UnbufferedChan<Integer> c = new UnbufferedChan<>();
            G me = GoRuntime.getg();
            // On one P the sender only runs once main parks, so every receive below parks.
            GoRuntime.go(() -> {
                G self = GoRuntime.getg();
                for (int i = 0; i < 5; i++) {
                    c.send(self, 100 + i);
                    GoRuntime.gosched(self);
                }
            });
            for (int i = 0; i < 5; i++) {
                got.add(c.recv(me));
                if (i == 0) {
                    first.set(me.sudogcache);
                }
            }
            last.set(me.sudogcache);
            lastElem.set(me.sudogcache.elem);
        });
        assertThat(got).containsExactly(100, 101, 102, 103, 104);
        assertThat(first.get()).isNotNull();
        assertThat(last.get()).isSameAs(first.get());
        assertThat(lastElem.get()).isNull();
    }

    @Test
    void closeWakesAParkedReceiverWithOkFalseAndAParkedSenderWithAPanic() throws InterruptedException {
        AtomicReference<UnbufferedChan.Recv<Integer>> recv = new AtomicReference<>();
        AtomicReference<String> sendFailure = new AtomicReference<>();
        GoRuntime.run(1, () -> {
            UnbufferedChan<Integer> in = new UnbufferedChan<>();
            UnbufferedChan<Integer> out = new UnbufferedChan<>();
            Sema finished = new Sema(0);
            GoRuntime.go(() -> {
                recv.set(in.recv2(GoRuntime.getg()));
                finished.release();
            });
            GoRuntime.go(() -> {
                try {
                    out.send(GoRuntime.getg(), 7);
                } catch (IllegalStateException e) {
                    sendFailure.set(e.getMessage());
                }
                finished.release();
            });
            GoRuntime.gosched(); // both goroutines run and park
            in.close();
            out.close();
            finished.acquire();
            finished.acquire();
        });
        assertThat(recv.get()).isEqualTo(new UnbufferedChan.Recv<Integer>(null, false));
        assertThat(sendFailure.get()).isEqualTo("send on closed channel");
    }
}
