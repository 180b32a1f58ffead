package glassgo.compiler.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pos values and their resolution to file:line:col, as go/token does it. */
class FileSetTest {
    @Test
    void filesGetDisjointPosRangesStartingAtOne() {
        FileSet fs = new FileSet();
        SourceFile a = fs.addFile("a.go", "abc\n".getBytes(StandardCharsets.UTF_8));
        SourceFile b = fs.addFile("b.go", "xy".getBytes(StandardCharsets.UTF_8));
        assertThat(a.base()).isEqualTo(1);
        assertThat(b.base()).isEqualTo(a.base() + a.size() + 1);
        assertThat(fs.file(a.pos(4))).isSameAs(a);
        assertThat(fs.file(b.pos(0))).isSameAs(b);
        assertThat(fs.file(0)).isNull();
        assertThat(fs.position(0)).isEqualTo(Position.NONE);
        assertThat(Position.NONE.toString()).isEqualTo("-");
    }

    @Test
    void linesAndByteColumns() {
        FileSet fs = new FileSet();
        SourceFile f = fs.addFile("f.go", "ab\n\tπx\n\nz".getBytes(StandardCharsets.UTF_8));
        assertThat(fs.position(f.pos(1)).toString()).isEqualTo("f.go:1:2");
        assertThat(fs.position(f.pos(3)).toString()).isEqualTo("f.go:2:1");
        // π is two bytes, so x is in column 4.
        assertThat(fs.position(f.pos(6)).toString()).isEqualTo("f.go:2:4");
        assertThat(fs.position(f.pos(8)).toString()).isEqualTo("f.go:3:1");
        assertThat(fs.position(f.pos(9))).isEqualTo(new Position("f.go", 9, 4, 1));
        assertThat(f.lineCount()).isEqualTo(4);
        assertThat(f.lineStart(4)).isEqualTo(f.pos(9));
    }

    @Test
    void rejectsPositionsOutsideTheFile() {
        FileSet fs = new FileSet();
        SourceFile f = fs.addFile("f.go", new byte[3]);
        assertThatThrownBy(() -> f.pos(4)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> f.offset(f.base() + 10)).hasMessageContaining("not in file");
    }
}
