package glassgo.compiler.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of comments with no other tokens and no empty lines between them (go/ast CommentGroup).
 * Doc comments of declarations are comment groups.
 */
public final class CommentGroup implements Node {
    /** Never empty. */
    public final List<Comment> list;

    public CommentGroup(List<Comment> list) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("ast: empty CommentGroup");
        }
        this.list = List.copyOf(list);
    }

    @Override
    public int pos() {
        return list.get(0).pos();
    }

    @Override
    public int end() {
        return list.get(list.size() - 1).end();
    }

    /**
     * The text of the comments without the comment markers, without directive lines ({@code //go:...},
     * {@code //line ...}), with leading and trailing blank lines removed and a final newline, as
     * go/ast CommentGroup.Text does.
     */
    public String text() {
        List<String> lines = new ArrayList<>();
        for (Comment c : list) {
            String t = c.text;
            if (t.startsWith("//")) {
                t = t.substring(2);
                if (isDirective(t)) {
                    continue;
                }
                if (!t.isEmpty() && t.charAt(0) == ' ') {
                    t = t.substring(1);
                }
            } else {
                t = t.substring(2, Math.max(2, t.length() - 2));
            }
            for (String line : t.split("\n", -1)) {
                lines.add(line.stripTrailing());
            }
        }
        // Collapse runs of blank lines into one, and drop leading and trailing ones.
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty() && (out.isEmpty() || out.get(out.size() - 1).isEmpty())) {
                continue;
            }
            out.add(line);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }

    /** A {@code //line} comment or a {@code //tool:cmd} directive (go/ast isDirective). */
    static boolean isDirective(String c) {
        if (c.startsWith("line ")) {
            return true;
        }
        int colon = c.indexOf(':');
        if (colon <= 0 || colon + 1 >= c.length()) {
            return false;
        }
        for (int i = 0; i <= colon + 1; i++) {
            if (i == colon) {
                continue;
            }
            char b = c.charAt(i);
            if (!('a' <= b && b <= 'z' || '0' <= b && b <= '9')) {
                return false;
            }
        }
        return true;
    }
}
