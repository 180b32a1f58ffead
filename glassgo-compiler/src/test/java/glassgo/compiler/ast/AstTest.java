package glassgo.compiler.ast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import glassgo.compiler.syntax.FileSet;
import glassgo.compiler.syntax.Parser;
import glassgo.compiler.syntax.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree's helpers: doc text as go/ast computes it, expression printing, traversal, positions. */
class AstTest {
    private static File parse(String src) {
        List<String> errors = new ArrayList<>();
        File f = Parser.parseFile(new FileSet(), "a.go", src.getBytes(StandardCharsets.UTF_8), (p, m) -> errors.add(m));
        assertThat(errors).isEmpty();
        return f;
    }

    private static Expr value(String expr) {
        File f = parse("package p\nvar _ = " + expr + "\n");
        return ((ValueSpec) ((GenDecl) f.decls.get(0)).specs.get(0)).values.get(0);
    }

    @Test
    void commentGroupTextStripsMarkersDirectivesAndBlankRuns() {
        CommentGroup g = new CommentGroup(List.of(
                new Comment(1, "// Hello,"),
                new Comment(12, "//go:noinline"),
                new Comment(30, "//"),
                new Comment(33, "//"),
                new Comment(36, "/* world */"),
                new Comment(50, "//line a.go:3")));
        assertThat(g.text()).isEqualTo("Hello,\n\n world\n");
    }

    @Test
    void emptyCommentGroupIsRejected() {
        assertThatThrownBy(() -> new CommentGroup(List.of())).hasMessageContaining("empty CommentGroup");
    }

    @Test
    void exprStringPrintsLikeGoTypes() {
        assertThat(ExprString.of(value("a.b[c:d:e](f, g...) + -*h"))).isEqualTo("a.b[c:d:e](f, g...) + -*h");
        assertThat(ExprString.of(value("map[string][]chan<- int{}"))).isEqualTo("(map[string][]chan<- int literal)");
        assertThat(ExprString.of(value("func(x int) (int, error) { return 0, nil }")))
                .isEqualTo("(func(x int) (int, error) literal)");
        assertThat(ExprString.of(value("x.(interface{ M() int })"))).isEqualTo("x.(interface{M() int})");
        assertThat(ExprString.of(value("F[int, string]"))).isEqualTo("F[int, string]");
        assertThat(ExprString.of(value("struct{ a, b int }{}"))).isEqualTo("(struct{a, b int} literal)");
    }

    @Test
    void inspectorVisitsInSourceOrderAndPrunes() {
        Expr e = value("f(a + b, g(c))");
        List<String> seen = new ArrayList<>();
        Inspector.inspect(e, n -> {
            if (n instanceof Ident id) {
                seen.add(id.name);
            }
            // Do not descend into the inner call.
            return !(n instanceof CallExpr c && c != e);
        });
        assertThat(seen).containsExactly("f", "a", "b");
    }

    @Test
    void inspectorWalksDeepTreesOnASmallStack() throws InterruptedException {
        Expr chain = value("x" + " + x".repeat(9_000));
        int[] idents = {0};
        Thread t = new Thread(null, () -> Inspector.inspect(chain, n -> {
            if (n instanceof Ident) {
                idents[0]++;
            }
            return true;
        }), "small-stack", 64 * 1024);
        t.start();
        t.join();
        assertThat(idents[0]).isEqualTo(9_001);
    }

    @Test
    void identEndCountsUtf8Bytes() {
        Ident id = new Ident(10, "héllo");
        assertThat(id.end()).isEqualTo(16);
        assertThat(new Ident(1, "Exported").isExported()).isTrue();
        assertThat(new Ident(1, "_x").isExported()).isFalse();
    }

    @Test
    void fieldListCountsEveryName() {
        File f = parse("package p\nfunc f(a, b int, c string) {}\n");
        FuncDecl fd = (FuncDecl) f.decls.get(0);
        assertThat(fd.type.params.numFields()).isEqualTo(3);
        assertThat(fd.type.params.list).hasSize(2);
    }

    @Test
    void nodesAreComparedByIdentity() {
        BasicLit a = new BasicLit(1, Token.INT, "1");
        BasicLit b = new BasicLit(1, Token.INT, "1");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.end()).isEqualTo(2);
    }

    @Test
    void listsAreImmutable() {
        Expr call = value("f(x)");
        assertThatThrownBy(() -> ((CallExpr) call).args.clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
