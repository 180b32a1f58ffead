package glassgo.compiler.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import glassgo.compiler.ast.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Parses Go's standard library and test suite: every file that Go accepts must parse without a
 * diagnostic, and every line of test/syntax that Go's tests expect an error on must get one.
 */
class GoCorpusParseTest {
    private record Result(int files, long lines, long nanos, List<String> errors) {}

    private static Result parseAll(List<Path> files) {
        FileSet fset = new FileSet();
        List<String> errors = new ArrayList<>();
        long lines = 0;
        long t0 = System.nanoTime();
        for (Path p : files) {
            byte[] src = GoCorpus.read(p);
            lines += GoCorpus.lines(src);
            File f = Parser.parseFile(fset, p.toString(), src, (pos, msg) -> errors.add(pos + ": " + msg));
            assertThat(f).isNotNull();
        }
        return new Result(files.size(), lines, System.nanoTime() - t0, errors);
    }

    /** Every other file by default, to stay well under 20 s on a busy machine; all with glassgo.long. */
    @Test
    void standardLibraryFilesParseWithoutErrors() {
        boolean all = Boolean.getBoolean("glassgo.long");
        List<Path> files = GoCorpus.goFiles(GoCorpus.goroot().resolve("src"));
        assertThat(files).hasSizeGreaterThan(1000);
        List<Path> chosen = new ArrayList<>();
        for (int i = 0; i < files.size(); i += all ? 1 : 2) {
            chosen.add(files.get(i));
        }
        Result r = parseAll(chosen);
        double secs = r.nanos / 1e9;
        System.out.printf("GOROOT/src (%s): %d files, %d lines parsed in %.2f s: %.0f lines/s%n",
                all ? "all" : "every other file", r.files, r.lines, secs, r.lines / secs);
        assertThat(r.errors).isEmpty();
    }

    @Test
    void everyTestSuiteFileThatGoAcceptsParsesWithoutErrors() {
        Path dir = GoCorpus.testDir();
        List<Path> accepted = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (Path p : GoCorpus.goFiles(dir)) {
            byte[] src = GoCorpus.read(p);
            String recipe = GoCorpus.recipe(src);
            // errorcheck tests may hold errors on purpose; *dir recipes with no package clause are stubs
            // standing for a directory that the test driver compiles instead.
            if (GoCorpus.expectsErrors(recipe) || recipe.endsWith("dir") && !new String(src).contains("\npackage ")) {
                skipped.merge(recipe, 1, Integer::sum);
                continue;
            }
            accepted.add(p);
        }
        Result r = parseAll(accepted);
        System.out.printf("GOROOT/test: %d files without expected errors parsed (%d lines); skipped %s%n",
                r.files, r.lines, skipped);
        assertThat(accepted).hasSizeGreaterThan(1500);
        assertThat(r.errors).isEmpty();
    }

    private static final Pattern ERROR_COMMENT = Pattern.compile("//\\s*ERROR\\s+\"");

    @Test
    void everyLineOfTestSyntaxMarkedErrorGetsADiagnostic() {
        Path dir = GoCorpus.testDir().resolve("syntax");
        List<String> missing = new ArrayList<>();
        int expected = 0;
        for (Path p : GoCorpus.goFiles(dir)) {
            byte[] src = GoCorpus.read(p);
            String[] lines = new String(src, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
            List<Integer> errorLines = new ArrayList<>();
            Parser.parseFile(new FileSet(), p.toString(), src, (pos, msg) -> errorLines.add(pos.line()));
            for (int i = 0; i < lines.length; i++) {
                Matcher m = ERROR_COMMENT.matcher(lines[i]);
                if (m.find()) {
                    expected++;
                    if (!errorLines.contains(i + 1)) {
                        missing.add(p.getFileName() + ":" + (i + 1) + ": " + lines[i].strip());
                    }
                }
            }
        }
        assertThat(expected).isGreaterThan(20);
        assertThat(missing).isEmpty();
    }
}
