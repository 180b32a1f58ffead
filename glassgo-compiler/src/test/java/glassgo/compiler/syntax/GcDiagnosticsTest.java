package glassgo.compiler.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Our diagnostics against gc's own, recorded from Go 1.19.8 in
 * {@code resources/syntax/gc-syntax-diagnostics.txt}, for every errorcheck test of GOROOT/test:
 * same positions (file:line:col, //line directives included), same words, same order.
 *
 * <p>gc stops after parsing only if a message starts with "syntax error"; otherwise its type
 * checker adds its own errors, and only the messages that gc's syntax package can produce are
 * compared. An errorcheck file gc reports no syntax-package error for must get no diagnostic here.
 */
class GcDiagnosticsTest {
    /** Every message of gc's syntax package (scanner.go, source.go, parser.go, branches.go). */
    private static final Pattern SYNTAX_PACKAGE_MESSAGE = Pattern.compile("^\\S+:\\d+(:\\d+)?: (" + String.join("|",
            "syntax error: ", "invalid character ", "identifier cannot begin with digit", "invalid radix point in",
            "\\w+ literal has no digits", "\\S+ exponent requires (decimal|hexadecimal) mantissa", "exponent has no digits",
            "hexadecimal mantissa requires a 'p' exponent", "invalid digit .* in \\w+ literal",
            "'_' must separate successive digits", "empty rune literal or unescaped '",
            "more than one character in rune literal", "newline in rune literal", "rune literal not terminated",
            "newline in string", "string not terminated", "comment not terminated", "unknown escape",
            "octal escape value", "escape is invalid Unicode code point", "invalid NUL character",
            "invalid UTF-8 encoding", "invalid BOM in the middle of the file", "invalid line number: ",
            "invalid column number: ", "method has no receiver", "method has multiple receivers",
            "expression in \\w+ must not be parenthesized", "expression in \\w+ must be function call",
            "middle index required in 3-index slice", "final index required in 3-index slice",
            "empty type parameter list", "empty type argument list", "interface method must have no type parameters",
            "label \\S+ not defined$", "label \\S+ defined and not used", "label \\S+ already defined at",
            "goto \\S+ jumps into block starting at", "goto \\S+ jumps over declaration of", "\\w+ is not in a loop",
            "fallthrough statement out of place", "cannot fallthrough", "invalid break label", "invalid continue label",
            "break label not defined", "continue label not defined") + ")");

    /**
     * Known differences, each with its reason. gc's parser accepts {@code for a, b, c := range x}
     * and its type checker rejects it (in words that depend on x's type); go/ast's RangeStmt has
     * room for two variables only, so glassgo's parser reports it.
     */
    private static final Set<String> KNOWN_DIFFERENCES = Set.of("./fixedbugs/issue50372.go");

    private static Map<String, List<String>> gcDiagnostics() throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (InputStream in = GcDiagnosticsTest.class.getResourceAsStream("/syntax/gc-syntax-diagnostics.txt")) {
            assertThat(in).as("gc-syntax-diagnostics.txt on the test class path").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                out.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
            }
        }
        return out;
    }

    private static List<String> sorted(SourceFile file, List<Diagnostic> diags) {
        return diags.stream().sorted(Diagnostic.gcOrder(file)).map(Diagnostic::toString).toList();
    }

    @Test
    void errorcheckTestsGetGcsSyntaxDiagnostics() throws IOException {
        Path dir = GoCorpus.testDir();
        Map<String, List<String>> gc = gcDiagnostics();
        assertThat(gc).hasSizeGreaterThan(50);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (Path p : GoCorpus.goFiles(dir)) {
            byte[] src = GoCorpus.read(p);
            if (!GoCorpus.expectsErrors(GoCorpus.recipe(src))) {
                continue;
            }
            String name = "./" + dir.relativize(p);
            if (KNOWN_DIFFERENCES.contains(name)) {
                continue;
            }
            List<Diagnostic> ours = new ArrayList<>();
            FileSet fset = new FileSet();
            Parser.parseFile(fset, name, src, (pos, msg) -> ours.add(new Diagnostic(pos, msg)));
            List<String> all = gc.getOrDefault(name, List.of());
            boolean stoppedAfterParsing = all.stream().anyMatch(d -> d.contains(": syntax error: "));
            List<String> expected = stoppedAfterParsing ? all
                    : all.stream().filter(d -> SYNTAX_PACKAGE_MESSAGE.matcher(d).find()).toList();
            compared++;
            List<String> got = sorted(fset.file(1), ours);
            if (!got.equals(expected)) {
                mismatches.add(name + "\n  gc:   " + String.join("\n        ", expected)
                        + "\n  ours: " + String.join("\n        ", got));
            }
        }
        System.out.printf("compared syntax diagnostics of %d errorcheck files with gc's%n", compared);
        assertThat(compared).isGreaterThan(500);
        assertThat(mismatches).isEmpty();
    }
}
