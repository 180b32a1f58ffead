package glassgo.compiler.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import glassgo.compiler.ast.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Go's own parser as the oracle for the tree: resources/syntax/astdump.go prints go/ast trees (node
 * kinds, byte offsets of pos and end, names, literals, operators, comments) and {@link AstDump}
 * prints ours the same way; for every file go/parser accepts they must be identical, doc and line
 * comments included. Needs the go command (skipped without it). Default: every 40th file of
 * GOROOT/src and every 15th of GOROOT/test; all of them with {@code -Dglassgo.long=true}.
 */
class AstOracleTest {
    /** The go command: GOROOT/bin/go, one on PATH, or Debian's. */
    private static Path goCommand(Path goroot) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(goroot.resolve("bin/go"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(dir.isEmpty() ? "." : dir, "go"));
            }
        }
        candidates.add(Path.of("/usr/lib/go-1.19/bin/go"));
        for (Path c : candidates) {
            if (Files.isExecutable(c)) {
                return c;
            }
        }
        assumeTrue(false, "no go command to build the go/ast oracle");
        return null;
    }

    private static Path buildDumper(Path go, Path work) throws IOException, InterruptedException {
        Path src = work.resolve("astdump.go");
        try (InputStream in = AstOracleTest.class.getResourceAsStream("/syntax/astdump.go")) {
            assertThat(in).isNotNull();
            Files.write(src, in.readAllBytes());
        }
        Path exe = work.resolve("astdump");
        ProcessBuilder pb = new ProcessBuilder(go.toString(), "build", "-o", exe.toString(), src.toString())
                .directory(work.toFile())
                .redirectErrorStream(true);
        pb.environment().put("GOCACHE", work.resolve("gocache").toString());
        pb.environment().put("GOFLAGS", "");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("go build finished").isTrue();
        assertThat(p.exitValue()).as("go build astdump: %s", out).isZero();
        return exe;
    }

    /** go/ast dumps by file name; a file go/parser rejects maps to null. */
    private static Map<String, List<String>> goDumps(Path exe, List<Path> files, Path work)
            throws IOException, InterruptedException {
        Map<String, List<String>> dumps = new LinkedHashMap<>();
        for (int from = 0; from < files.size(); from += 200) {
            List<String> cmd = new ArrayList<>();
            cmd.add(exe.toString());
            for (Path f : files.subList(from, Math.min(files.size(), from + 200))) {
                cmd.add(f.toString());
            }
            Path out = work.resolve("dump.txt");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
            List<String> cur = null;
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.startsWith("== ")) {
                    cur = new ArrayList<>();
                    dumps.put(line.substring(3), cur);
                } else if (line.startsWith("error ")) {
                    dumps.put(dumps.keySet().stream().reduce((a, b) -> b).orElseThrow(), null);
                    cur = null;
                } else if (cur != null) {
                    cur.add(line);
                }
            }
        }
        return dumps;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                // Go's build cache marks files read-only; deleting needs write permission on the directory only.
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<Path> sample(List<Path> files, int every) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i += every) {
            out.add(files.get(i));
        }
        return out;
    }

    @Test
    void treesMatchGoAstForEveryFileGoParserAccepts() throws IOException, InterruptedException {
        Path goroot = GoCorpus.goroot();
        Path go = goCommand(goroot);
        boolean all = Boolean.getBoolean("glassgo.long");
        List<Path> files = new ArrayList<>(sample(GoCorpus.goFiles(goroot.resolve("src")), all ? 1 : 40));
        files.addAll(sample(GoCorpus.goFiles(GoCorpus.testDir()), all ? 1 : 15));
        Path work = Files.createTempDirectory("glassgo-astoracle");
        Map<String, List<String>> expected;
        try {
            expected = goDumps(buildDumper(go, work), files, work);
        } finally {
            deleteTree(work);
        }
        int compared = 0;
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            if (e.getValue() == null) {
                continue; // go/parser rejects the file
            }
            FileSet fset = new FileSet();
            File f = Parser.parseFile(fset, e.getKey(), GoCorpus.read(Path.of(e.getKey())), (p, m) -> { });
            List<String> ours = AstDump.dump(fset, f);
            compared++;
            if (!ours.equals(e.getValue())) {
                int i = 0;
                while (i < ours.size() && i < e.getValue().size() && ours.get(i).equals(e.getValue().get(i))) {
                    i++;
                }
                mismatches.add(e.getKey() + " node " + i + "\n  go/ast: "
                        + (i < e.getValue().size() ? e.getValue().get(i) : "(end)") + "\n  ours:   "
                        + (i < ours.size() ? ours.get(i) : "(end)"));
            }
        }
        System.out.printf("go/ast oracle: %d files compared node by node%n", compared);
        assertThat(compared).isGreaterThan(all ? 7000 : 250);
        // The one known difference is in a file go/parser accepts but gc rejects: test/fixedbugs/bug299.go
        // embeds "(complex128)"; glassgo follows gc, reports it and drops the parentheses.
        assertThat(mismatches).allMatch(m -> m.contains("fixedbugs/bug299.go"));
    }
}
