package glassgo.compiler.syntax;

import java.util.Arrays;

/**
 * One file of a {@link FileSet} (go/token File): its name, its base Pos and size, and the byte offset
 * at which each line starts. Pos {@code base + offset} denotes byte {@code offset} of the file; Pos
 * {@code base + size} is the end of file.
 */
public final class SourceFile {
    private final String name;
    private final int base;
    private final int size;
    /** lineStarts[i] is the offset of line i+1; lineStarts[0] == 0. */
    private final int[] lineStarts;

    SourceFile(String name, int base, byte[] src) {
        this.name = name;
        this.base = base;
        this.size = src.length;
        int n = 1;
        for (byte b : src) {
            if (b == '\n') {
                n++;
            }
        }
        int[] starts = new int[n];
        int line = 1;
        for (int i = 0; i < src.length; i++) {
            if (src[i] == '\n') {
                starts[line++] = i + 1;
            }
        }
        this.lineStarts = starts;
    }

    public String name() {
        return name;
    }

    public int base() {
        return base;
    }

    public int size() {
        return size;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The Pos of byte {@code offset} (0 ≤ offset ≤ size). */
    public int pos(int offset) {
        if (offset < 0 || offset > size) {
            throw new IllegalArgumentException("syntax: offset " + offset + " out of range [0," + size + "] in " + name);
        }
        return base + offset;
    }

    /** The byte offset of {@code pos}, which must belong to this file. */
    public int offset(int pos) {
        if (pos < base || pos > base + size) {
            throw new IllegalArgumentException("syntax: pos " + pos + " not in file " + name);
        }
        return pos - base;
    }

    /** The Pos at which 1-based {@code line} starts. */
    public int lineStart(int line) {
        return base + lineStarts[line - 1];
    }

    public Position position(int pos) {
        int offset = offset(pos);
        int i = Arrays.binarySearch(lineStarts, offset);
        int lineIdx = i >= 0 ? i : -i - 2;
        return new Position(name, offset, lineIdx + 1, offset - lineStarts[lineIdx] + 1);
    }
}
