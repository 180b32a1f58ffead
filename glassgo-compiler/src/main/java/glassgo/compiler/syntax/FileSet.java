package glassgo.compiler.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The set of source files of one compilation (go/token FileSet). Each added file gets a distinct
 * range of Pos values so that a single {@code int} identifies a byte of one file; Pos 0 means no
 * position. Thread-safe: packages may be parsed in parallel.
 */
public final class FileSet {
    private final List<SourceFile> files = new ArrayList<>();
    /** Go starts at 1 so that 0 stays "no position". */
    private int nextBase = 1;

    /**
     * A new FileSet holding this one's files at their Pos ranges, to which later files are added
     * without touching this one: what was positioned against this set keeps its positions in the fork.
     */
    public synchronized FileSet fork() {
        FileSet f = new FileSet();
        f.files.addAll(files);
        f.nextBase = nextBase;
        return f;
    }

    /** Adds a file with contents {@code src}; its Pos range is [base, base + src.length]. */
    public synchronized SourceFile addFile(String filename, byte[] src) {
        SourceFile f = new SourceFile(filename, nextBase, src);
        long next = (long) nextBase + src.length + 1;
        if (next > Integer.MAX_VALUE) {
            throw new IllegalStateException("syntax: FileSet Pos space exhausted adding " + filename);
        }
        nextBase = (int) next;
        files.add(f);
        return f;
    }

    /** The file containing {@code pos}, or null for Pos 0 and positions of no file. */
    public synchronized SourceFile file(int pos) {
        if (pos <= 0) {
            return null;
        }
        int lo = 0;
        int hi = files.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            SourceFile f = files.get(mid);
            if (pos < f.base()) {
                hi = mid - 1;
            } else if (pos > f.base() + f.size()) {
                lo = mid + 1;
            } else {
                return f;
            }
        }
        return null;
    }

    /** The file's own line and column of {@code pos}, ignoring {@code //line} directives. */
    public Position rawPosition(int pos) {
        SourceFile f = file(pos);
        return f == null ? Position.NONE : f.rawPosition(pos);
    }

    /**
     * The file, line and column of {@code pos} as Go reports them (after {@code //line}
     * directives); {@link Position#NONE} if it belongs to no file.
     */
    public Position position(int pos) {
        SourceFile f = file(pos);
        return f == null ? Position.NONE : f.position(pos);
    }
}
