package glassgo.compiler.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gc's checks of labels and branch statements, run by the parser on each cleanly parsed body. */
class BranchesTest {
    private static List<String> errors(String body) {
        List<String> out = new ArrayList<>();
        String src = "package p\n\nfunc f(x int) {\n" + body + "\n}\n";
        Parser.parseFile(new FileSet(), "b.go", src.getBytes(StandardCharsets.UTF_8), (p, m) -> out.add(p + ": " + m));
        return out;
    }

    @Test
    void validBranchesAreAccepted() {
        assertThat(errors("""
                L:
                \tfor {
                \t\tswitch x {
                \t\tcase 1:
                \t\t\tfallthrough
                \t\tcase 2:
                \t\t\tcontinue L
                \t\tdefault:
                \t\t\tbreak L
                \t\t}
                \t}
                \tgoto M
                M:
                \tselect {
                \tdefault:
                \t\tbreak
                \t}""")).isEmpty();
    }

    @Test
    void unusedAndUndefinedLabels() {
        assertThat(errors("U:\n\tx++\n\tgoto V")).containsExactly(
                "b.go:4:1: label U defined and not used", "b.go:6:7: label V not defined");
    }

    @Test
    void duplicateLabelNamesTheFirst() {
        assertThat(errors("L:\n\tgoto L\nL:\n\tx++")).containsExactly("b.go:6:1: label L already defined at b.go:4:1");
    }

    @Test
    void gotoIntoBlockAndOverDeclaration() {
        assertThat(errors("goto L\n\t{\n\tL:\n\t}")).containsExactly(
                "b.go:4:6: goto L jumps into block starting at b.go:5:2");
        assertThat(errors("goto L\n\ty := 1\n\t_ = y\nL:")).containsExactly(
                "b.go:4:6: goto L jumps over declaration of y at b.go:5:4");
    }

    @Test
    void breakContinueAndFallthroughOutOfPlace() {
        assertThat(errors("break\n\tcontinue")).containsExactly(
                "b.go:4:1: break is not in a loop, switch, or select", "b.go:5:2: continue is not in a loop");
        assertThat(errors("switch x {\n\tcase 1:\n\t\tfallthrough\n\t}")).containsExactly(
                "b.go:6:3: cannot fallthrough final case in switch");
        assertThat(errors("switch interface{}(x).(type) {\n\tcase int:\n\t\tfallthrough\n\tdefault:\n\t}"))
                .containsExactly("b.go:6:3: cannot fallthrough in type switch");
        assertThat(errors("for {\n\t\tfallthrough\n\t}")).containsExactly("b.go:5:3: fallthrough statement out of place");
    }

    @Test
    void labelsMustLabelTheRightStatement() {
        assertThat(errors("L:\n\tif x > 0 {\n\t\tbreak L\n\t}")).containsExactly("b.go:6:9: invalid break label L");
        assertThat(errors("L:\n\tswitch {\n\tdefault:\n\t\tcontinue L\n\t}")).containsExactly(
                "b.go:7:12: invalid continue label L");
        assertThat(errors("for {\n\t\tbreak M\n\t}")).containsExactly("b.go:5:9: break label not defined: M");
    }

    @Test
    void bodiesWithSyntaxErrorsAreNotBranchChecked() {
        assertThat(errors("L:\n\tx := )")).hasSize(1).allMatch(e -> e.contains("syntax error"));
    }

    @Test
    void branchErrorsDoNotSilenceALaterUnexpectedEof() {
        // Fuzz finding: the branch error counted as a syntax error, so the truncated g lost gc's EOF error
        // and went on to the type checker, which said "missing return" with no position.
        List<String> out = new ArrayList<>();
        String src = "package p\n\nfunc f() {\n_:\n\tgoto _\n}\n\nfunc g() int {\n\tx := 1\n\t_ = x\n\t// c";
        Parser.parseFile(new FileSet(), "b.go", src.getBytes(StandardCharsets.UTF_8), (p, m) -> out.add(p + ": " + m));
        assertThat(out).containsExactly("b.go:5:7: label _ not defined", "b.go:11:6: syntax error: unexpected EOF, expecting }");
    }

    @Test
    void functionLiteralsHaveTheirOwnLabels() {
        assertThat(errors("L:\n\tfor {\n\t\t_ = func() {\n\t\t\tbreak L\n\t\t}\n\t\tbreak L\n\t}")).containsExactly(
                "b.go:7:10: break label not defined: L");
    }

    @Test
    void lineDirectivesMovePositions() {
        List<String> out = new ArrayList<>();
        String src = "package p\n//line other.go:100\nfunc f() {\n/*line :7:3*/\tbreak\n}\n";
        Parser.parseFile(new FileSet(), "b.go", src.getBytes(StandardCharsets.UTF_8), (p, m) -> out.add(p + ": " + m));
        assertThat(out).containsExactly("other.go:7:4: break is not in a loop, switch, or select");
    }

    @Test
    void malformedLineDirectivesAreReported() {
        List<String> out = new ArrayList<>();
        String src = "package p\n//line x.go:0\n//line x.go:1:0\n//line x.go:abc\n//line nocolon\n//line é.go:0\nvar v = 1\n";
        Parser.parseFile(new FileSet(), "b.go", src.getBytes(StandardCharsets.UTF_8), (p, m) -> out.add(p + ": " + m));
        assertThat(out).containsExactly("b.go:2:13: invalid line number: 0", "b.go:3:15: invalid column number: 0",
                "b.go:4:13: invalid line number: abc", "b.go:6:14: invalid line number: 0");
    }
}
