// The standard library's packages, as `go list std` lists them (cmd/go/internal/search, MatchPackages).
package glassgo.compiler.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Walks GOROOT/src the way {@code go list std} does: every directory, in lexical order, except
 * {@code cmd}, {@code testdata} and names starting with {@code .} or {@code _}, that holds a
 * package for this build context (at least one package or test file survives the build
 * constraints). The vendored {@code golang.org/x} packages appear as {@code vendor/golang.org/x/...}.
 * Like cmd/go (modload/search.go), it skips {@code builtin}, a pseudo-package that exists only for
 * documentation, and {@code runtime/cgo} when cgo is off.
 */
public final class StdList {
    private StdList() {}

    /** The import paths of the standard packages, in the order {@code go list std} prints them. */
    public static List<String> list(Path goroot, BuildContext ctx) throws IOException {
        return scan(goroot, ctx).stream().map(s -> importPath(goroot, s.dir())).toList();
    }

    /** The scanned directory of every standard package, in {@link #list} order. */
    public static List<DirScan> scan(Path goroot, BuildContext ctx) throws IOException {
        Path src = goroot.resolve("src");
        List<DirScan> out = new ArrayList<>();
        walk(src, src, ctx, out);
        return out;
    }

    static String importPath(Path goroot, Path dir) {
        return goroot.resolve("src").relativize(dir).toString().replace('\\', '/');
    }

    private static void walk(Path src, Path dir, BuildContext ctx, List<DirScan> out) throws IOException {
        String path = dir.equals(src) ? "" : src.relativize(dir).toString().replace('\\', '/');
        boolean skipped = path.isEmpty() || path.equals("builtin") || !ctx.cgoEnabled() && path.equals("runtime/cgo");
        if (!skipped) {
            DirScan s = DirScan.scan(ctx, dir);
            if (!s.noGoFiles()) {
                out.add(s);
            }
        }
        List<Path> children;
        try (Stream<Path> st = Files.list(dir)) {
            children = st.filter(Files::isDirectory).sorted().toList();
        }
        for (Path c : children) {
            String elem = c.getFileName().toString();
            if (elem.equals("testdata") || elem.startsWith(".") || elem.startsWith("_")
                    || dir.equals(src) && elem.equals("cmd")) {
                continue;
            }
            walk(src, c, ctx, out);
        }
    }
}
