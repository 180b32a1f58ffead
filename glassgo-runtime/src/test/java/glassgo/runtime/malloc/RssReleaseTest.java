// RSS test: touched heap memory that is freed and scavenged leaves the process's resident set
// (madvise(MADV_DONTNEED), as Go's sysUnused), visible in /proc/self/status.
package glassgo.runtime.malloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class RssReleaseTest {
    private static final long MIB = 1 << 20;

    static long vmRssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    @Test
    void freeingAndScavenging256MiBDropsVmRss() throws IOException {
        try (MHeap heap = MHeap.create(1L << 30)) {
            MCache c = heap.newMCache();
            List<Long> objs = new ArrayList<>();
            long before = vmRssBytes();
            // Half in small 32 KiB objects (page-cache spans), half in 1 MiB large objects.
            for (long n = 0; n < 128 * MIB; n += 32 << 10) {
                objs.add(Malloc.mallocgc(c, 32 << 10, null, true));
            }
            for (long n = 0; n < 128 * MIB; n += MIB) {
                objs.add(Malloc.mallocgc(c, MIB, null, true));
            }
            for (long x : objs) {
                long size = heap.spanOf(x).sizeclass() == 0 ? MIB : 32 << 10;
                heap.space().fill(x, size, (byte) 1);
            }
            long touched = vmRssBytes();
            assertThat(touched - before).as("touching 256 MiB shows in RSS").isGreaterThan(240 * MIB);

            for (long x : objs) {
                heap.freeObject(x);
            }
            heap.sweepAll();
            MemStats freed = heap.readMemStats();
            assertThat(freed.heapAlloc()).isZero();
            assertThat(vmRssBytes()).as("freeing alone keeps pages resident").isGreaterThan(touched - 16 * MIB);

            long released = heap.scavengeAll();
            long after = vmRssBytes();
            assertThat(released).isGreaterThan(250 * MIB);
            assertThat(touched - after).as("RSS drops by what was released").isGreaterThan(240 * MIB);
            MemStats ms = heap.readMemStats();
            assertThat(ms.heapReleased()).isEqualTo(ms.heapIdle());
            assertThat(ms.heapInuse()).isZero();
        }
    }
}
