// Tests of glassgo's string runtime: UTF-8 decoding and encoding against the real Go toolchain's answers
// (GoUtf8Golden) and against Java's own UTF-8 for valid text; concatenation and the conversions between
// strings, []byte and []rune, with the collector running; comparison.
package glassgo.runtime.strings;

import glassgo.runtime.gc.GcSettings;
import glassgo.runtime.gc.classic.ClassicCollector;
import glassgo.runtime.maps.TypedMem;
import glassgo.runtime.mutator.Body;
import glassgo.runtime.mutator.Frame;
import glassgo.runtime.mutator.Goroutine;
import glassgo.runtime.mutator.Mutator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class StringsTest {
    private static final HexFormat HEX = HexFormat.of();

    private static long scratch(long bytes) {
        return Arena.global().allocate(Math.max(bytes, 1), 8).address();
    }

    /** Native bytes holding b. */
    private static long bytes(byte[] b) {
        long p = scratch(b.length);
        for (int i = 0; i < b.length; i++) {
            TypedMem.putByte(p + i, b[i]);
        }
        return p;
    }

    private static byte[] read(long p, long n) {
        byte[] b = new byte[(int) n];
        for (int i = 0; i < n; i++) {
            b[i] = TypedMem.getByte(p + i);
        }
        return b;
    }

    /** The (index, rune) pairs of for-range over b, as the golden file writes them. */
    private static String rangeOver(byte[] b) {
        long p = bytes(b);
        List<String> parts = new ArrayList<>();
        for (long k = 0; k < b.length; ) {
            long d = Utf8.next(p, b.length, k);
            parts.add(k + ":" + Integer.toHexString(Utf8.rune(d)));
            k = Utf8.pos(d);
        }
        return String.join(",", parts);
    }

    private static void run(Body body) throws InterruptedException {
        GcSettings s = GcSettings.defaults().withGodebug("gcpoison=1,gcverify=1,gcstress=30");
        try (Mutator mu = Mutator.create(new Mutator.Config(1, 1L << 30, 1))) {
            ClassicCollector.attach(mu, s, new PrintStream(OutputStream.nullOutputStream()));
            mu.run(body);
        }
    }

    @Test
    void forRangeDecodesEveryByteStringExactlyAsGoDoes() {
        int checked = 0;
        for (String line : GoUtf8Golden.GOLDEN.split("\n")) {
            if (!line.startsWith("R ")) {
                continue;
            }
            String[] f = line.substring(2).split("\\|", -1);
            byte[] b = HEX.parseHex(f[0]);
            assertThat(rangeOver(b)).as("for range over %s", f[0]).isEqualTo(f[1]);
            assertThat(Utf8.countrunes(bytes(b), b.length)).isEqualTo(f[1].isEmpty() ? 0 : f[1].split(",").length);
            checked++;
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void validTextDecodesAndEncodesLikeJavasUtf8() {
        Random rnd = new Random(7);
        for (int t = 0; t < 2000; t++) {
            int[] cps = new int[rnd.nextInt(20)];
            for (int i = 0; i < cps.length; i++) {
                int cp;
                do {
                    cp = switch (rnd.nextInt(4)) {
                        case 0 -> rnd.nextInt(0x80);
                        case 1 -> rnd.nextInt(0x800);
                        case 2 -> rnd.nextInt(0x10000);
                        default -> rnd.nextInt(Utf8.MAX_RUNE + 1);
                    };
                } while (cp >= 0xD800 && cp <= 0xDFFF);
                cps[i] = cp;
            }
            byte[] java = new String(cps, 0, cps.length).getBytes(StandardCharsets.UTF_8);
            long p = bytes(java);
            List<Integer> decoded = new ArrayList<>();
            for (long k = 0; k < java.length; ) {
                long d = Utf8.next(p, java.length, k);
                decoded.add(Utf8.rune(d));
                k = Utf8.pos(d);
            }
            assertThat(decoded).containsExactlyElementsOf(Arrays.stream(cps).boxed().toList());
            long out = scratch(4L * cps.length + 4);
            long off = 0;
            for (int cp : cps) {
                assertThat(Utf8.runeLen(cp)).isEqualTo(new String(new int[] {cp}, 0, 1).getBytes(StandardCharsets.UTF_8).length);
                off += Utf8.encoderune(out + off, cp);
            }
            assertThat(read(out, off)).isEqualTo(java);
        }
    }

    @Test
    void runeAndIntegerConversionsToStringFollowGo() throws InterruptedException {
        run(g -> {
            Mutator mu = g.mutator();
            long res = scratch(16);
            long runes = scratch(8);
            int checked = 0;
            for (String line : GoUtf8Golden.GOLDEN.split("\n")) {
                String[] f = line.length() > 2 ? line.substring(2).split("\\|", -1) : new String[0];
                if (line.startsWith("I ")) {
                    Strings.intstring(g, 0, Long.parseLong(f[0]), res);
                } else if (line.startsWith("S ")) {
                    TypedMem.putInt(runes, (int) Long.parseLong(f[0]));
                    TypedMem.putInt(runes + 4, 'x');
                    Strings.slicerunetostring(g, 0, runes, 2, res);
                } else {
                    continue;
                }
                assertThat(HEX.formatHex(read(TypedMem.getLong(res), TypedMem.getLong(res + 8)))).as(line).isEqualTo(f[1]);
                checked++;
            }
            assertThat(checked).isGreaterThan(30);
            // A 4-byte scratch buffer is used instead of the heap when the caller offers one.
            long buf = scratch(4);
            Strings.intstring(g, buf, 0x20AC, res);
            assertThat(TypedMem.getLong(res)).isEqualTo(buf);
            assertThat(mu.heap().space().contains(TypedMem.getLong(res))).isFalse();
        });
    }

    /** Builds a Go string in the heap (its bytes rooted in frame slot {@code slot}) and its header at hdr. */
    private static void heapString(Goroutine g, Frame f, int slot, String s, long hdr) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        long data = g.mutator().allocBytes(b.length);
        for (int i = 0; i < b.length; i++) {
            TypedMem.putByte(data + i, b[i]);
        }
        f.set(slot, data);
        TypedMem.putLong(hdr, data);
        TypedMem.putLong(hdr + 8, b.length);
    }

    private static String goString(long hdr) {
        return new String(read(TypedMem.getLong(hdr), TypedMem.getLong(hdr + 8)), StandardCharsets.UTF_8);
    }

    @Test
    void concatenationAllocatesOnceAndReturnsALoneOperandAsIs() throws InterruptedException {
        run(g -> {
            Random rnd = new Random(3);
            int n = 6;
            long a = scratch(16L * n);
            long res = scratch(16);
            try (Frame f = g.frame(n + 1)) {
                for (int t = 0; t < 3000; t++) {
                    g.preemptPoll();
                    StringBuilder want = new StringBuilder();
                    int nonEmpty = 0;
                    int lone = -1;
                    for (int i = 0; i < n; i++) {
                        String s = rnd.nextInt(3) == 0 ? "" : "é".repeat(rnd.nextInt(3)) + "part" + rnd.nextInt(1000);
                        heapString(g, f, i, s, a + 16L * i);
                        if (!s.isEmpty()) {
                            nonEmpty++;
                            lone = i;
                        }
                        want.append(s);
                    }
                    Strings.concatstrings(g, 0, a, n, res);
                    f.set(n, TypedMem.getLong(res));
                    assertThat(goString(res)).isEqualTo(want.toString());
                    if (nonEmpty == 1) {
                        assertThat(TypedMem.getLong(res)).isEqualTo(TypedMem.getLong(a + 16L * lone));
                    }
                    g.mutator().allocBytes(64);      // garbage: cycles run between concatenations
                }
                // Short results may go to the caller's 32-byte buffer.
                long buf = scratch(Strings.TMP_STRING_BUF_SIZE);
                heapString(g, f, 0, "ab", a);
                heapString(g, f, 1, "cd", a + 16);
                Strings.concatstrings(g, buf, a, 2, res);
                assertThat(TypedMem.getLong(res)).isEqualTo(buf);
                assertThat(goString(res)).isEqualTo("abcd");
            }
        });
    }

    @Test
    void byteAndRuneSliceConversionsRoundTripAndMatchGo() throws InterruptedException {
        run(g -> {
            Mutator mu = g.mutator();
            long s = scratch(16);
            long sl = scratch(24);
            long back = scratch(16);
            try (Frame f = g.frame(3)) {
                for (String line : GoUtf8Golden.GOLDEN.split("\n")) {
                    if (!line.startsWith("R ")) {
                        continue;
                    }
                    String[] parts = line.substring(2).split("\\|", -1);
                    byte[] b = HEX.parseHex(parts[0]);
                    long data = bytes(b);
                    // []byte(s): a copy, cap rounded to the size class; string(b) copies back.
                    Strings.stringtoslicebyte(g, 0, data, b.length, sl);
                    f.set(0, TypedMem.getLong(sl));
                    assertThat(TypedMem.getLong(sl + 8)).isEqualTo(b.length);
                    assertThat(TypedMem.getLong(sl + 16)).isGreaterThanOrEqualTo(b.length);
                    assertThat(read(TypedMem.getLong(sl), b.length)).isEqualTo(b);
                    Strings.slicebytetostring(g, 0, TypedMem.getLong(sl), b.length, back);
                    assertThat(read(TypedMem.getLong(back), b.length)).isEqualTo(b);
                    if (b.length == 1) {
                        assertThat(mu.heap().space().contains(TypedMem.getLong(back)))
                                .as("one-byte strings come from the static table").isFalse();
                    }
                    // []rune(s): Go's runes, one per for-range step.
                    Strings.stringtoslicerune(g, data, b.length, sl);
                    f.set(1, TypedMem.getLong(sl));
                    long n = TypedMem.getLong(sl + 8);
                    List<String> runes = new ArrayList<>();
                    for (long i = 0; i < n; i++) {
                        runes.add(Integer.toHexString(TypedMem.getInt(TypedMem.getLong(sl) + 4 * i)));
                    }
                    List<String> want = new ArrayList<>();
                    for (String pr : parts[1].isEmpty() ? new String[0] : parts[1].split(",")) {
                        want.add(pr.substring(pr.indexOf(':') + 1));
                    }
                    assertThat(runes).as(line).isEqualTo(want);
                    // string([]rune(s)) re-encodes: invalid bytes became U+FFFD.
                    Strings.slicerunetostring(g, 0, TypedMem.getLong(sl), n, s);
                    f.set(2, TypedMem.getLong(s));
                    String java = new String(b, StandardCharsets.UTF_8);
                    if (java.getBytes(StandardCharsets.UTF_8).length == b.length && !java.contains("\uFFFD")) {
                        assertThat(read(TypedMem.getLong(s), TypedMem.getLong(s + 8))).isEqualTo(b);
                    }
                    g.preemptPoll();
                }
            }
        });
    }

    @Test
    void cmpstringOrdersBytesUnsignedThenByLength() {
        Random rnd = new Random(5);
        for (int t = 0; t < 5000; t++) {
            byte[] a = new byte[rnd.nextInt(6)];
            byte[] b = new byte[rnd.nextInt(6)];
            rnd.nextBytes(a);
            rnd.nextBytes(b);
            if (rnd.nextBoolean() && a.length <= b.length) {
                System.arraycopy(a, 0, b, 0, a.length);     // prefixes
            }
            int want = Integer.signum(Arrays.compareUnsigned(a, b));
            long pa = bytes(a);
            long pb = bytes(b);
            assertThat(Strings.cmpstring(pa, a.length, pb, b.length)).isEqualTo(want);
            assertThat(Strings.eqstring(pa, a.length, pb, b.length)).isEqualTo(want == 0);
        }
        long p = bytes("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(Strings.cmpstring(p, 2, p, 3)).isEqualTo(-1);
        assertThat(Strings.cmpstring(p, 3, p, 3)).isZero();
    }

    @Test
    @EnabledIfSystemProperty(named = "glassgo.long", matches = "true")
    void goldenAnswersAreStillWhatTheRealGoToolchainSays() throws Exception {
        Path gobin = Path.of("/usr/lib/go-1.19/bin/go");
        assertThat(gobin).as("the Go 1.19 toolchain").exists();
        Path dir = Files.createTempDirectory("utf8golden");
        Files.writeString(dir.resolve("main.go"), GoUtf8Golden.GO_PROGRAM);
        Process p = new ProcessBuilder(gobin.toString(), "run", "main.go").directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).isEqualTo(GoUtf8Golden.GOLDEN);
    }
}
