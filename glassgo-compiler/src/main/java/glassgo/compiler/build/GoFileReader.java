// Reads the package clause and imports of a Go file: go/build's readGoInfo (read.go).
package glassgo.compiler.build;

import glassgo.compiler.constant.Constant;
import glassgo.compiler.constant.Kind;
import glassgo.compiler.constant.Value;
import glassgo.compiler.syntax.Token;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;

/**
 * A small reader over a file's bytes that stops after the import declarations, so deciding what
 * a package imports costs a fraction of a parse (and does not depend on the parser). Like
 * go/build's importReader it treats spaces, newlines, semicolons and comments as blanks, and
 * accepts {@code import "p"}, {@code import name "p"}, {@code import . "p"},
 * {@code import _ "p"} and parenthesised lists, with interpreted or raw string paths.
 */
public final class GoFileReader {
    private final Path file;
    private final byte[] src;
    private int pos;
    private int[] lineStarts;

    private GoFileReader(Path file, byte[] src) {
        this.file = file;
        this.src = src;
        // A leading byte order mark is ignored, as Go's scanner does.
        if (src.length >= 3 && (src[0] & 0xff) == 0xef && (src[1] & 0xff) == 0xbb && (src[2] & 0xff) == 0xbf) {
            pos = 3;
        }
    }

    /** Reads the header of {@code src}, the contents of {@code file}. */
    public static GoFileInfo read(Path file, byte[] src) {
        return new GoFileReader(file, src).read();
    }

    /** A file's leading bytes, enough to hold its build constraints, package clause and imports. */
    public record Header(byte[] bytes, GoFileInfo info) {}

    /** How much of a file to read first; most headers (license, constraints, imports) fit. */
    private static final int FIRST_READ = 8192;

    /**
     * Reads only as much of the file as its header needs, as go/build does: a first block, and
     * the whole file only if the header does not end inside that block.
     */
    public static Header readFile(Path file) throws IOException {
        byte[] prefix;
        try (InputStream in = Files.newInputStream(file)) {
            prefix = in.readNBytes(FIRST_READ);
            if (prefix.length == FIRST_READ) {
                GoFileReader r = new GoFileReader(file, prefix);
                GoFileInfo info = r.read();
                // Stopping near the end of the block may mean a cut-off "import" keyword.
                if (info.error() == null && r.pos + "import".length() + 2 < prefix.length) {
                    return new Header(prefix, info);
                }
                byte[] rest = in.readAllBytes();
                byte[] all = Arrays.copyOf(prefix, prefix.length + rest.length);
                System.arraycopy(rest, 0, all, prefix.length, rest.length);
                prefix = all;
            }
        }
        return new Header(prefix, read(file, prefix));
    }

    private static final class HeaderSyntaxError extends Exception {
        HeaderSyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private GoFileInfo read() {
        String name = null;
        List<Import> imports = new ArrayList<>();
        try {
            skipBlanks();
            expectKeyword("package");
            skipBlanks();
            int at = pos;
            name = identOrNull();
            if (name == null) {
                throw error(at, "expected 'IDENT', found " + describeNext(at));
            }
            while (true) {
                skipBlanks();
                if (!atKeyword("import")) {
                    break;
                }
                pos += "import".length();
                skipBlanks();
                if (peek() == '(') {
                    pos++;
                    while (true) {
                        skipBlanks();
                        if (peek() == ')') {
                            pos++;
                            break;
                        }
                        if (peek() < 0) {
                            throw error(pos, "expected ')', found 'EOF'");
                        }
                        imports.add(readImportSpec());
                    }
                } else {
                    imports.add(readImportSpec());
                }
            }
            return new GoFileInfo(file, name, imports, null);
        } catch (HeaderSyntaxError e) {
            return new GoFileInfo(file, name, imports, e.getMessage());
        }
    }

    private Import readImportSpec() throws HeaderSyntaxError {
        int start = pos;
        if (peek() == '.') {
            pos++;
        } else {
            identOrNull();
        }
        if (pos != start) {
            skipBlanks();
        }
        int litStart = pos;
        String lit = stringLiteral();
        if (lit == null) {
            throw error(litStart, "expected 'STRING', found " + describeNext(litStart));
        }
        Value v = Constant.makeFromLiteral(lit, Token.STRING);
        if (v.kind() != Kind.STRING || !isValidImport(Constant.stringVal(v))) {
            throw error(litStart, "invalid import path: " + lit);
        }
        return new Import(Constant.stringVal(v), position(start));
    }

    /** go/parser's isValidImport: non-empty, every rune graphic, no space, none of Go's illegal characters. */
    static boolean isValidImport(String path) {
        if (path.isEmpty()) {
            return false;
        }
        String illegal = "!\"#$%&'()*,:;<=>?[\\]^{|}`\uFFFD";
        return path.codePoints().allMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && !Character.isISOControl(c) && Character.isDefined(c) && illegal.indexOf(c) < 0);
    }

    /** An interpreted or raw string literal's source text, or null (pos unchanged) if none. */
    private String stringLiteral() throws HeaderSyntaxError {
        int c = peek();
        if (c != '"' && c != '`') {
            return null;
        }
        int start = pos;
        pos++;
        while (pos < src.length) {
            int b = src[pos] & 0xff;
            if (b == c) {
                pos++;
                return new String(src, start, pos - start, StandardCharsets.UTF_8);
            }
            if (c == '"' && b == '\n') {
                break;
            }
            pos += (c == '"' && b == '\\') ? 2 : 1;
        }
        throw error(start, "string literal not terminated");
    }

    private boolean atKeyword(String kw) {
        int end = pos + kw.length();
        if (end > src.length) {
            return false;
        }
        for (int i = 0; i < kw.length(); i++) {
            if (src[pos + i] != kw.charAt(i)) {
                return false;
            }
        }
        return end == src.length || !isIdentByte(src[end] & 0xff);
    }

    private void expectKeyword(String kw) throws HeaderSyntaxError {
        if (!atKeyword(kw)) {
            throw error(pos, "expected '" + kw + "', found " + describeNext(pos));
        }
        pos += kw.length();
    }

    /** Reads an identifier (ASCII or UTF-8 letters, digits, underscore); null if there is none. */
    private String identOrNull() {
        int start = pos;
        while (pos < src.length) {
            int b = src[pos] & 0xff;
            if (b < 0x80) {
                if (!isIdentByte(b) || pos == start && b >= '0' && b <= '9') {
                    break;
                }
                pos++;
            } else {
                int cp = new String(src, pos, Math.min(4, src.length - pos), StandardCharsets.UTF_8).codePointAt(0);
                if (!Character.isLetterOrDigit(cp)) {
                    break;
                }
                pos += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return pos == start ? null : new String(src, start, pos - start, StandardCharsets.UTF_8);
    }

    private static boolean isIdentByte(int b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b >= 0x80;
    }

    private int peek() {
        return pos < src.length ? src[pos] & 0xff : -1;
    }

    /** Skips spaces, newlines, semicolons and comments. */
    private void skipBlanks() throws HeaderSyntaxError {
        while (pos < src.length) {
            int b = src[pos] & 0xff;
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == ';') {
                pos++;
            } else if (b == '/' && pos + 1 < src.length && src[pos + 1] == '/') {
                while (pos < src.length && src[pos] != '\n') {
                    pos++;
                }
            } else if (b == '/' && pos + 1 < src.length && src[pos + 1] == '*') {
                int start = pos;
                pos += 2;
                while (pos + 1 < src.length && !(src[pos] == '*' && src[pos + 1] == '/')) {
                    pos++;
                }
                if (pos + 1 >= src.length) {
                    throw error(start, "comment not terminated");
                }
                pos += 2;
            } else {
                return;
            }
        }
    }

    /** The next token as go/parser names it in "expected X, found Y". */
    private String describeNext(int at) {
        if (at >= src.length) {
            return "'EOF'";
        }
        int save = pos;
        pos = at;
        String id = identOrNull();
        pos = save;
        if (id != null) {
            return Token.lookup(id) == Token.IDENT ? id : "'" + id + "'";
        }
        return "'" + (char) (src[at] & 0xff) + "'";
    }

    private HeaderSyntaxError error(int offset, String message) {
        return new HeaderSyntaxError(position(offset) + ": " + message);
    }

    /** 1-based line and byte column of an offset. */
    Position position(int offset) {
        if (lineStarts == null) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < src.length; i++) {
                if (src[i] == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Position(file, lo + 1, offset - lineStarts[lo] + 1);
    }
}
