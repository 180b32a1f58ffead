// Tests for SizeClasses against Go 1.19's generated runtime/sizeclasses.go and the lookup formula.
package glassgo.runtime.malloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

class SizeClassesTest {

    static boolean goSourceInstalled() {
        return GoSizeClassSource.available();
    }

    @Test
    @EnabledIf("goSourceInstalled")
    void classToSizeAndPagesEqualGoTables() throws Exception {
        GoSizeClassSource go = new GoSizeClassSource();
        long[] sizes = go.array("class_to_size");
        long[] npages = go.array("class_to_allocnpages");
        assertThat(sizes).hasSize(SizeClasses.NUM_SIZE_CLASSES);
        for (int c = 0; c < SizeClasses.NUM_SIZE_CLASSES; c++) {
            assertThat((long) SizeClasses.classToSize(c)).as("class_to_size[%d]", c).isEqualTo(sizes[c]);
            assertThat((long) SizeClasses.classToAllocNPages(c)).as("class_to_allocnpages[%d]", c).isEqualTo(npages[c]);
        }
    }

    @Test
    @EnabledIf("goSourceInstalled")
    void lookupTablesEqualGoTables() throws Exception {
        GoSizeClassSource go = new GoSizeClassSource();
        long[] c8 = go.array("size_to_class8");
        long[] c128 = go.array("size_to_class128");
        for (int i = 1; i < c8.length; i++) {
            assertThat((long) SizeClasses.sizeToClass(i * 8L)).as("size_to_class8[%d]", i).isEqualTo(c8[i]);
        }
        for (int i = 1; i < c128.length; i++) {
            assertThat((long) SizeClasses.sizeToClass(1024L + i * 128L)).as("size_to_class128[%d]", i).isEqualTo(c128[i]);
        }
    }

    @Test
    @EnabledIf("goSourceInstalled")
    void objectsPerSpanTailWasteAndAlignmentMatchGoCommentTable() throws Exception {
        List<long[]> rows = new GoSizeClassSource().tableRows();
        assertThat(rows).hasSize(SizeClasses.NUM_SIZE_CLASSES - 1);
        for (long[] r : rows) {
            int c = (int) r[0];
            int spanBytes = SizeClasses.classToAllocNPages(c) * 8192;
            assertThat((long) spanBytes).as("bytes/span of %d", c).isEqualTo(r[2]);
            assertThat((long) SizeClasses.objectsPerSpan(c)).as("objects of %d", c).isEqualTo(r[3]);
            assertThat((long) spanBytes % SizeClasses.classToSize(c)).as("tail waste of %d", c).isEqualTo(r[4]);
            assertThat(SizeClasses.minAlign(c)).as("min align of %d", c).isEqualTo(r[5]);
        }
    }

    @Test
    void everySmallSizeMapsToTheSmallestClassThatFitsIt() {
        for (int size = 1; size <= SizeClasses.MAX_SMALL_SIZE; size++) {
            int expected = 1;
            while (SizeClasses.classToSize(expected) < size) {
                expected++;
            }
            assertThat(SizeClasses.sizeToClass(size)).as("size %d", size).isEqualTo(expected);
        }
        assertThat(SizeClasses.sizeToClass(0)).isZero();
    }

    @Test
    void divMagicGivesTheExactObjectIndexForEveryOffsetInASpan() {
        for (int c = 1; c < SizeClasses.NUM_SIZE_CLASSES; c++) {
            long size = SizeClasses.classToSize(c);
            long magic = SizeClasses.classToDivMagic(c);
            long spanBytes = SizeClasses.classToAllocNPages(c) * 8192L;
            for (long off = 0; off < spanBytes; off++) {
                long idx = (off * magic) >>> 32;
                if (idx != off / size) {
                    throw new AssertionError("class " + c + " offset " + off + ": " + idx + " != " + off / size);
                }
            }
        }
    }

    @Test
    void roundUpSizeUsesClassesThenWholePages() {
        assertThat(SizeClasses.roundUpSize(1)).isEqualTo(8);
        assertThat(SizeClasses.roundUpSize(1025)).isEqualTo(1152);
        assertThat(SizeClasses.roundUpSize(32768)).isEqualTo(32768);
        assertThat(SizeClasses.roundUpSize(32769)).isEqualTo(40960);
    }

    @Test
    void spanClassPacksSizeClassAndNoscan() {
        assertThat(SpanClass.NUM_SPAN_CLASSES).isEqualTo(136);
        assertThat(SpanClass.TINY_SPAN_CLASS).isEqualTo(5);
        int spc = SpanClass.make(67, false);
        assertThat(SpanClass.sizeclass(spc)).isEqualTo(67);
        assertThat(SpanClass.noscan(spc)).isFalse();
        assertThat(SpanClass.noscan(SpanClass.make(3, true))).isTrue();
    }
}
