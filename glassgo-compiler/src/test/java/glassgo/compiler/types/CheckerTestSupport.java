package glassgo.compiler.types;

import glassgo.compiler.ast.File;
import glassgo.compiler.syntax.FileSet;
import glassgo.compiler.syntax.Parser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Checks one source file as package p (imports only unsafe) and returns its errors as file:line:col: msg. */
final class CheckerTestSupport {
    private CheckerTestSupport() {}

    private static int line(String diag) {
        String[] parts = diag.split(":");
        return Integer.parseInt(parts[1]);
    }

    static List<String> check(String filename, String src) {
        FileSet fset = new FileSet();
        List<String> out = new ArrayList<>();
        boolean[] fatal = new boolean[1];
        File f = Parser.parseFile(fset, filename, src.getBytes(StandardCharsets.UTF_8), (pos, msg) -> {
            out.add(pos + ": " + msg);
            fatal[0] |= !Session.reportedByTypeChecker(msg);
        });
        if (fatal[0]) {
            return out;
        }
        Checker c = new Checker(fset, new Package("p", f.name.name), List.of(f), path -> null);
        for (TypeError e : c.checkFiles()) {
            out.add(fset.position(e.pos()) + ": " + e.msg());
        }
        out.sort(java.util.Comparator.comparingInt(CheckerTestSupport::line));
        return out;
    }
}
