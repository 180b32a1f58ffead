package glassgo.compiler.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One file of a {@link FileSet} (go/token File): its name, its base Pos and size, and the byte offset
 * at which each line starts. Pos {@code base + offset} denotes byte {@code offset} of the file; Pos
 * {@code base + size} is the end of file. {@code //line} directives recorded by the scanner make
 * {@link #position} report other file names and lines, as gc does.
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

    /**
     * The position of {@code pos} as Go reports it: adjusted by {@code //line} directives
     * (go/token PositionFor(pos, true)). A directive without a column makes columns unknown (0).
     */
    public Position position(int pos) {
        Position raw = rawPosition(pos);
        LineInfo info = lineInfoFor(raw.offset());
        if (info == null) {
            return raw;
        }
        Position at = rawPosition(base + info.offset);
        int line = info.line + (raw.line() - at.line());
        int col;
        if (info.col == 0) {
            col = 0;
        } else if (raw.line() == at.line()) {
            col = info.col + (raw.column() - at.column());
        } else {
            col = raw.column();
        }
        return new Position(info.filename, raw.offset(), line, col);
    }

    /** The position of {@code pos} in this file's own lines, ignoring {@code //line} directives. */
    public Position rawPosition(int pos) {
        int offset = offset(pos);
        int i = Arrays.binarySearch(lineStarts, offset);
        int lineIdx = i >= 0 ? i : -i - 2;
        return new Position(name, offset, lineIdx + 1, offset - lineStarts[lineIdx] + 1);
    }

    /**
     * What a {@code //line filename:line[:col]} directive says: the byte at {@code offset} is at
     * {@code filename:line:col} (col 0 when the directive gives none).
     */
    public record LineInfo(int offset, String filename, int line, int col) {}

    private final List<LineInfo> lineInfos = new ArrayList<>();

    /** Records a line directive (go/token AddLineColumnInfo); directives must come in offset order. */
    public synchronized void addLineInfo(LineInfo info) {
        if (info.offset < 0 || info.offset > size) {
            throw new IllegalArgumentException("syntax: line directive offset " + info.offset + " outside " + name);
        }
        if (!lineInfos.isEmpty() && lineInfos.get(lineInfos.size() - 1).offset > info.offset) {
            throw new IllegalArgumentException("syntax: line directives out of order in " + name);
        }
        lineInfos.add(info);
    }

    /**
     * How many line directives take effect at or before {@code offset}: gc sorts diagnostics by
     * this "position base" first, then by line and column.
     */
    public synchronized int lineBaseIndex(int offset) {
        int n = 0;
        for (LineInfo info : lineInfos) {
            if (info.offset <= offset) {
                n++;
            }
        }
        return n;
    }

    /** The filename that positions at {@code offset} report: the file's own or a line directive's. */
    public synchronized String filenameAt(int offset) {
        LineInfo info = lineInfoFor(offset);
        return info == null ? name : info.filename;
    }

    private synchronized LineInfo lineInfoFor(int offset) {
        LineInfo found = null;
        int lo = 0;
        int hi = lineInfos.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (lineInfos.get(mid).offset <= offset) {
                found = lineInfos.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
