// Tests for AddressSpace and SysMem: reservation at Go's hint, commit, typed access, release.
package glassgo.runtime.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressSpaceTest {

    @Test
    void reservationTakesGosHintUnlessItIsAlreadyTaken() {
        try (AddressSpace a = AddressSpace.reserve(128L << 20)) {
            if (a.base() != AddressSpace.GO_HEAP_HINT) {
                // Someone else holds the hint: then an exact reservation there must fail.
                assertThat(SysMem.sysReserve(AddressSpace.GO_HEAP_HINT, 64L << 20, true)).isZero();
            }
            assertThat(a.base() % AddressSpace.ARENA_BYTES).isZero();
            assertThat(a.size()).isEqualTo(128L << 20);
            assertThat(a.arenaCount()).isEqualTo(2);
            try (AddressSpace b = AddressSpace.reserve(1)) {
                assertThat(b.base()).as("a second heap goes elsewhere").isNotEqualTo(a.base());
                assertThat(b.size()).isEqualTo(AddressSpace.ARENA_BYTES);
            }
        }
    }

    @Test
    void chunksMoveFromReservedToReadyAndSupportTypedAccess() {
        try (AddressSpace a = AddressSpace.reserve(64L << 20)) {
            long base = a.base();
            assertThat(a.state(base)).isEqualTo(MemState.RESERVED);
            assertThat(a.state(base - 1)).isEqualTo(MemState.NONE);
            a.map(base, AddressSpace.CHUNK_BYTES);
            assertThat(a.state(base)).isEqualTo(MemState.PREPARED);
            a.use(base, 8192);
            assertThat(a.state(base)).isEqualTo(MemState.READY);
            assertThat(a.state(base + AddressSpace.CHUNK_BYTES)).isEqualTo(MemState.RESERVED);
            assertThat(a.isZero(base, AddressSpace.CHUNK_BYTES)).as("fresh mappings are zero").isTrue();
            a.putLong(base + 8, 0x1122_3344_5566_7788L);
            a.putInt(base + 16, 42);
            a.putByte(base + 20, (byte) 7);
            assertThat(a.getLong(base + 8)).isEqualTo(0x1122_3344_5566_7788L);
            assertThat(a.getInt(base + 16)).isEqualTo(42);
            assertThat(a.getByte(base + 20)).isEqualTo((byte) 7);
            a.copy(base + 4096, base + 8, 16);
            assertThat(a.getLong(base + 4096)).isEqualTo(0x1122_3344_5566_7788L);
            a.clear(base + 8, 8);
            assertThat(a.getLong(base + 8)).isZero();
            assertThatThrownBy(() -> a.map(base, AddressSpace.CHUNK_BYTES))
                    .hasMessageContaining("AddressSpace.map of chunk in state READY");
            a.fault(base, AddressSpace.CHUNK_BYTES);
            assertThat(a.state(base)).as("sysFault: back to Reserved").isEqualTo(MemState.RESERVED);
            a.map(base, AddressSpace.CHUNK_BYTES);
            assertThat(a.isZero(base, 64)).as("remapped memory is fresh").isTrue();
        }
    }

    @Test
    void releasedPagesReadBackAsZero() {
        try (AddressSpace a = AddressSpace.reserve(64L << 20)) {
            long base = a.base();
            a.map(base, AddressSpace.CHUNK_BYTES);
            a.fill(base, 3 * 8192, (byte) 0x33);
            a.release(base + 8192, 8192);
            assertThat(a.isZero(base + 8192, 8192)).isTrue();
            assertThat(a.getByte(base)).isEqualTo((byte) 0x33);
            assertThat(a.getByte(base + 2 * 8192)).isEqualTo((byte) 0x33);
            assertThatThrownBy(() -> a.release(base + AddressSpace.CHUNK_BYTES, 8192))
                    .hasMessageContaining("range not mapped");
        }
    }

    @Test
    void faultTextIsGosFatalErrorFormat() {
        RuntimeFault f = new RuntimeFault("runtime: out of memory");
        assertThat(f.goText()).isEqualTo("fatal error: runtime: out of memory\n");
    }
}
