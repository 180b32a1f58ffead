package glassgo.compiler.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed Go source file (go/ast File): package clause, declarations, and every comment in source
 * order. Go's field {@code Package} is {@code packagePos} here, {@code package} being a Java keyword.
 */
public final class File implements Node {
    /** Doc comment of the package clause; null if none. */
    public final CommentGroup doc;
    /** Position of "package". */
    public final int packagePos;
    /** The package name. */
    public final Ident name;
    public final List<Decl> decls;
    /** Start and end of the whole file, as go/ast's FileStart and FileEnd. */
    public final int fileStart;
    public final int fileEnd;
    /** The import specs of this file, in source order. */
    public final List<ImportSpec> imports;
    /** All comments of the file, in source order. */
    public final List<CommentGroup> comments;

    public File(CommentGroup doc, int packagePos, Ident name, List<Decl> decls, int fileStart, int fileEnd,
            List<ImportSpec> imports, List<CommentGroup> comments) {
        this.doc = doc;
        this.packagePos = packagePos;
        this.name = name;
        this.decls = List.copyOf(decls);
        this.fileStart = fileStart;
        this.fileEnd = fileEnd;
        this.imports = List.copyOf(imports);
        this.comments = List.copyOf(comments);
    }

    @Override
    public int pos() {
        return packagePos;
    }

    @Override
    public int end() {
        return decls.isEmpty() ? name.end() : decls.get(decls.size() - 1).end();
    }

    /**
     * A compiler directive or build constraint line: {@code //go:noinline}, {@code //go:linkname a b},
     * {@code //go:build linux}, {@code // +build linux} or {@code //line file.go:10}. Text is the whole
     * comment, markers included.
     */
    public record Directive(int pos, String text) {
        /** The directive's name, e.g. {@code go:linkname}, {@code go:build}, {@code +build} or {@code line}. */
        public String name() {
            String t = text.startsWith("// +build") ? text.substring(3) : text.substring(2);
            int sp = indexOfSpace(t);
            return sp < 0 ? t : t.substring(0, sp);
        }

        /** The words after the name, e.g. {@code a b} for {@code //go:linkname a b}; empty if none. */
        public String args() {
            String t = text.startsWith("// +build") ? text.substring(3) : text.substring(2);
            int sp = indexOfSpace(t);
            return sp < 0 ? "" : t.substring(sp + 1).strip();
        }

        private static int indexOfSpace(String t) {
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) == ' ' || t.charAt(i) == '\t') {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * Every {@code //go:}, {@code //line} and {@code // +build} line comment of the file, in source
     * order. Build constraints only count before the package clause; callers filter by
     * {@code pos < packagePos} when they need that rule.
     */
    public List<Directive> directives() {
        List<Directive> out = new ArrayList<>();
        for (CommentGroup g : comments) {
            for (Comment c : g.list) {
                String t = c.text;
                if (t.startsWith("//go:") || t.startsWith("//line ") || t.startsWith("// +build")) {
                    out.add(new Directive(c.slash, t));
                }
            }
        }
        return out;
    }
}
