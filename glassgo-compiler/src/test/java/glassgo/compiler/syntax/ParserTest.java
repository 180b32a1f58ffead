package glassgo.compiler.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import glassgo.compiler.ast.ArrayType;
import glassgo.compiler.ast.AssignStmt;
import glassgo.compiler.ast.BinaryExpr;
import glassgo.compiler.ast.BlockStmt;
import glassgo.compiler.ast.CallExpr;
import glassgo.compiler.ast.ChanDir;
import glassgo.compiler.ast.ChanType;
import glassgo.compiler.ast.CommentGroup;
import glassgo.compiler.ast.CompositeLit;
import glassgo.compiler.ast.Decl;
import glassgo.compiler.ast.Ellipsis;
import glassgo.compiler.ast.Expr;
import glassgo.compiler.ast.ExprStmt;
import glassgo.compiler.ast.ExprString;
import glassgo.compiler.ast.Field;
import glassgo.compiler.ast.File;
import glassgo.compiler.ast.ForStmt;
import glassgo.compiler.ast.FuncDecl;
import glassgo.compiler.ast.GenDecl;
import glassgo.compiler.ast.Ident;
import glassgo.compiler.ast.IfStmt;
import glassgo.compiler.ast.IndexExpr;
import glassgo.compiler.ast.IndexListExpr;
import glassgo.compiler.ast.Inspector;
import glassgo.compiler.ast.InterfaceType;
import glassgo.compiler.ast.Node;
import glassgo.compiler.ast.ParenExpr;
import glassgo.compiler.ast.RangeStmt;
import glassgo.compiler.ast.ReturnStmt;
import glassgo.compiler.ast.Stmt;
import glassgo.compiler.ast.StructType;
import glassgo.compiler.ast.SwitchStmt;
import glassgo.compiler.ast.TypeSpec;
import glassgo.compiler.ast.TypeSwitchStmt;
import glassgo.compiler.ast.UnaryExpr;
import glassgo.compiler.ast.ValueSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The parser: the tree it builds for every construct, and its diagnostics for broken input. */
class ParserTest {
    private final List<Diagnostic> errors = new ArrayList<>();
    private FileSet fset;

    private File parse(String src) {
        fset = new FileSet();
        return Parser.parseFile(fset, "p.go", src.getBytes(StandardCharsets.UTF_8), (p, m) -> errors.add(new Diagnostic(p, m)));
    }

    private File parseOK(String src) {
        File f = parse(src);
        assertThat(errors).as("errors").isEmpty();
        return f;
    }

    /** The single statement of func f's body in {@code package p; func f() { <stmt> }}. */
    private Stmt stmt(String s) {
        File f = parseOK("package p\nfunc f() {\n" + s + "\n}\n");
        List<Stmt> list = ((FuncDecl) f.decls.get(0)).body.list;
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private List<String> messages() {
        return errors.stream().map(Diagnostic::toString).toList();
    }

    private static final String EVERYTHING = """
            // Package p has one of everything.
            package p

            import (
            \t"fmt"
            \tm "math"
            \t. "strings"
            \t_ "unsafe"
            )

            const (
            \tA, B = iota, iota * 2 // line comment
            \tC
            )

            var x, y int = 1, 2
            var z = [...]int{1, 2, 3}

            type (
            \tT struct {
            \t\ta, b int `tag`
            \t\t*fmt.Stringer
            \t\tE
            \t}
            \tI interface {
            \t\tM(x int) (y int, err error)
            \t\tfmt.Stringer
            \t\t~int | ~string
            \t}
            \tAlias = T
            \tG[K comparable, V any] map[K]V
            \tC chan<- <-chan int
            \tF func(...int) error
            \tP *[]T
            )

            func (t *T) Method(a, b int, c ...string) (r int) { return a }

            func Gen[S ~[]E, E any](s S) E { var e E; return e }

            func f() {
            \tvar i interface{} = 1
            \tg := Gen[[]int, int]
            \t_ = Gen[[]int]
            \tx := T{a: 1, b: 2}
            \ts := []int{1, 2, 3}[1:2:3]
            \t_ = s[:]
            \tch := make(chan int, 1)
            \tch <- 1
            \tprintln(x.a)
            \tv, ok := <-ch
            \tx.a++
            \tx.b -= 1
            \tgo func() {}()
            \tdefer fmt.Println(v, ok, g, -(x.a), !ok, *&x.a, m.Pi, i.(int), s...)
            \tif n := len(s); n > 0 && s[0] == 1 {
            \t} else if ok {
            \t} else {
            \t}
            loop:
            \tfor i := 0; i < 10; i++ {
            \t\tswitch {
            \t\tcase i == 1:
            \t\t\tcontinue loop
            \t\tcase i == 2:
            \t\t\tfallthrough
            \t\tdefault:
            \t\t\tbreak loop
            \t\t}
            \t}
            \tfor k, v := range s {
            \t\t_, _ = k, v
            \t}
            \tswitch t := i.(type) {
            \tcase int, string:
            \t\t_ = t
            \t}
            \tselect {
            \tcase v := <-ch:
            \t\t_ = v
            \tcase ch <- 2:
            \tdefault:
            \t}
            \tgoto end
            end:
            \t;
            \t{
            \t}
            \ttype local int
            \tconst c = 1.5i + 'x' + 0x1p4
            }
            """;

    @Test
    void parsesOneOfEverythingWithoutErrors() {
        File f = parseOK(EVERYTHING);
        Set<String> kinds = new TreeSet<>();
        Inspector.inspect(f, n -> {
            kinds.add(n.getClass().getSimpleName());
            return true;
        });
        assertThat(kinds).contains("File", "Ident", "BasicLit", "CompositeLit", "FuncLit", "ParenExpr", "SelectorExpr",
                "IndexExpr", "IndexListExpr", "SliceExpr", "TypeAssertExpr", "CallExpr", "StarExpr", "UnaryExpr",
                "BinaryExpr", "KeyValueExpr", "Ellipsis", "ArrayType", "StructType", "FuncType", "InterfaceType",
                "MapType", "ChanType", "Field", "FieldList", "CommentGroup", "Comment", "DeclStmt", "EmptyStmt",
                "LabeledStmt", "ExprStmt", "SendStmt", "IncDecStmt", "AssignStmt", "GoStmt", "DeferStmt",
                "ReturnStmt", "BranchStmt", "BlockStmt", "IfStmt", "CaseClause", "SwitchStmt", "TypeSwitchStmt",
                "CommClause", "SelectStmt", "ForStmt", "RangeStmt", "GenDecl", "FuncDecl", "ImportSpec",
                "ValueSpec", "TypeSpec");
        assertThat(f.imports).hasSize(4);
        assertThat(f.doc.text()).isEqualTo("Package p has one of everything.\n");
        assertThat(f.name.name).isEqualTo("p");
    }

    @Test
    void everyNodeLiesWithinItsParent() {
        checkNesting(parseOK(EVERYTHING));
    }

    /** Every node has pos <= end, and (below the File, whose doc precedes "package") lies inside its parent. */
    private static void checkNesting(Node parent) {
        Inspector.inspect(parent, n -> {
            if (n instanceof CommentGroup) {
                return false; // line comments follow the node they belong to
            }
            if (n != parent) {
                assertThat(n.end()).as("%s end", n.getClass().getSimpleName()).isGreaterThanOrEqualTo(n.pos());
                if (!(parent instanceof File)) {
                    assertThat(n.pos()).as("%s inside %s", n.getClass().getSimpleName(), parent.getClass().getSimpleName())
                            .isGreaterThanOrEqualTo(parent.pos());
                    assertThat(n.end()).as("%s inside %s", n.getClass().getSimpleName(), parent.getClass().getSimpleName())
                            .isLessThanOrEqualTo(parent.end());
                }
                checkNesting(n);
                return false;
            }
            return true;
        });
    }

    @Test
    void nodePositionsMatchTheSource() {
        File f = parseOK("package p\n\nfunc (r T) M(x int) string { return \"é\" + x }\n");
        FuncDecl fd = (FuncDecl) f.decls.get(0);
        assertThat(fset.position(fd.pos()).toString()).isEqualTo("p.go:3:1");
        assertThat(fset.position(fd.name.pos()).toString()).isEqualTo("p.go:3:12");
        ReturnStmt r = (ReturnStmt) fd.body.list.get(0);
        BinaryExpr b = (BinaryExpr) r.results.get(0);
        assertThat(fset.position(b.opPos).column()).isEqualTo(42);
        assertThat(fset.position(fd.end()).toString()).isEqualTo("p.go:3:47");
        assertThat(fd.recv.numFields()).isEqualTo(1);
    }

    @Test
    void groupsParametersSharingATypeAsGoAstDoes() {
        File f = parseOK("package p\nfunc f(a, b int, c string, d ...int) (int, error)\n");
        FuncDecl fd = (FuncDecl) f.decls.get(0);
        List<Field> ps = fd.type.params.list;
        assertThat(ps).hasSize(3);
        assertThat(ps.get(0).names).extracting(i -> i.name).containsExactly("a", "b");
        assertThat(ps.get(2).type).isInstanceOf(Ellipsis.class);
        assertThat(fd.type.params.numFields()).isEqualTo(4);
        assertThat(fd.type.results.list).allSatisfy(r -> assertThat(r.names).isEmpty());
        assertThat(fd.body).isNull();
    }

    @Test
    void parsesGenericTypesFunctionsAndInstantiations() {
        File f = parseOK("""
                package p
                type List[T any] struct{ next *List[T]; v T }
                type Num interface{ ~int | ~float64 }
                type Pair[K comparable, V interface{ ~[]byte | string }] struct{}
                type A [N]int
                type S[P *C] struct{}
                type Q[P *C,] struct{}
                func Map[T, U any](s []T, f func(T) U) []U { return nil }
                var _ = Map[int, string]
                var _ = List[int]{}
                """);
        TypeSpec list = (TypeSpec) ((GenDecl) f.decls.get(0)).specs.get(0);
        assertThat(list.typeParams.list.get(0).names.get(0).name).isEqualTo("T");
        TypeSpec num = (TypeSpec) ((GenDecl) f.decls.get(1)).specs.get(0);
        Expr union = ((InterfaceType) num.type).methods.list.get(0).type;
        assertThat(ExprString.of(union)).isEqualTo("~int | ~float64");
        TypeSpec arr = (TypeSpec) ((GenDecl) f.decls.get(3)).specs.get(0);
        assertThat(arr.typeParams).isNull();
        assertThat(arr.type).isInstanceOf(ArrayType.class);
        // type S[P *C] is ambiguous: gc reads an array type of length P*C; the trailing comma makes it generic.
        assertThat(((TypeSpec) ((GenDecl) f.decls.get(4)).specs.get(0)).typeParams).isNull();
        assertThat(((TypeSpec) ((GenDecl) f.decls.get(5)).specs.get(0)).typeParams).isNotNull();
        FuncDecl map = (FuncDecl) f.decls.get(6);
        assertThat(map.type.typeParams.list.get(0).names).extracting(i -> i.name).containsExactly("T", "U");
        ValueSpec inst = (ValueSpec) ((GenDecl) f.decls.get(7)).specs.get(0);
        assertThat(inst.values.get(0)).isInstanceOf(IndexListExpr.class);
        ValueSpec lit = (ValueSpec) ((GenDecl) f.decls.get(8)).specs.get(0);
        assertThat(((CompositeLit) lit.values.get(0)).type).isInstanceOf(IndexExpr.class);
    }

    @Test
    void aliasRecordsTheAssignPosition() {
        File f = parseOK("package p\ntype A = int\ntype B int\n");
        assertThat(((TypeSpec) ((GenDecl) f.decls.get(0)).specs.get(0)).assign).isNotZero();
        assertThat(((TypeSpec) ((GenDecl) f.decls.get(1)).specs.get(0)).assign).isZero();
    }

    @Test
    void braceAfterHeaderExpressionOpensTheBlock() {
        IfStmt s = (IfStmt) stmt("if x == T {}");
        assertThat(s.cond).isInstanceOf(BinaryExpr.class);
        assertThat(s.body.list).isEmpty();
        IfStmt paren = (IfStmt) stmt("if x == (T{}) {}");
        assertThat(ExprString.of(paren.cond)).isEqualTo("x == ((T literal))");
        ForStmt loop = (ForStmt) stmt("for i := 0; i < len([]int{1}); i++ {}");
        assertThat(loop.post).isNotNull();
        RangeStmt r = (RangeStmt) stmt("for k := range []int{1, 2} {}");
        assertThat(r.x).isInstanceOf(CompositeLit.class);
        assertThat(r.value).isNull();
        RangeStmt bare = (RangeStmt) stmt("for range ch {}");
        assertThat(bare.key).isNull();
        assertThat(bare.tok).isEqualTo(Token.ILLEGAL);
    }

    @Test
    void receiveOfChannelTypeIsAReceiveOnlyChannelType() {
        File f = parseOK("package p\nvar a = (<-chan int)(nil)\nvar b <-chan chan<- int\nvar c = <-ch\n");
        Expr conv = ((CallExpr) ((ValueSpec) ((GenDecl) f.decls.get(0)).specs.get(0)).values.get(0)).fun;
        ChanType t = (ChanType) ((ParenExpr) conv).x;
        assertThat(t.dir).isEqualTo(ChanDir.RECV);
        ChanType b = (ChanType) ((ValueSpec) ((GenDecl) f.decls.get(1)).specs.get(0)).type;
        assertThat(b.dir).isEqualTo(ChanDir.RECV);
        assertThat(((ChanType) b.value).dir).isEqualTo(ChanDir.SEND);
        Expr recv = ((ValueSpec) ((GenDecl) f.decls.get(2)).specs.get(0)).values.get(0);
        assertThat(((UnaryExpr) recv).op).isEqualTo(Token.ARROW);
    }

    @Test
    void typeSwitchesWithAndWithoutBinding() {
        TypeSwitchStmt a = (TypeSwitchStmt) stmt("switch v := x.(type) { case int: }");
        assertThat(a.assign).isInstanceOf(AssignStmt.class);
        TypeSwitchStmt b = (TypeSwitchStmt) stmt("switch x.(type) { default: }");
        assertThat(b.assign).isInstanceOf(ExprStmt.class);
        SwitchStmt c = (SwitchStmt) stmt("switch x := 1; x { }");
        assertThat(c.init).isInstanceOf(AssignStmt.class);
    }

    @Test
    void structFieldsKeepTagsEmbeddingsAndComments() {
        File f = parseOK("""
                package p
                type T struct {
                \t// doc of a
                \ta int `json:"a"` // line of a
                \tfmt.Stringer
                \t*U
                \tV[int]
                \tw [4]int
                }
                """);
        StructType st = (StructType) ((TypeSpec) ((GenDecl) f.decls.get(0)).specs.get(0)).type;
        List<Field> fs = st.fields.list;
        assertThat(fs).hasSize(5);
        assertThat(fs.get(0).doc.text()).isEqualTo("doc of a\n");
        assertThat(fs.get(0).comment.text()).isEqualTo("line of a\n");
        assertThat(fs.get(0).tag.value).isEqualTo("`json:\"a\"`");
        assertThat(fs.get(1).names).isEmpty();
        assertThat(fs.get(3).type).isInstanceOf(IndexExpr.class);
        assertThat(fs.get(4).type).isInstanceOf(ArrayType.class);
    }

    @Test
    void docCommentsAttachToDeclarations() {
        File f = parseOK("""
                package p

                // F does things.
                //
                // More.
                func F() {}

                // not a doc

                func G() {}
                """);
        assertThat(((FuncDecl) f.decls.get(0)).doc.text()).isEqualTo("F does things.\n\nMore.\n");
        assertThat(((FuncDecl) f.decls.get(1)).doc).isNull();
        assertThat(f.comments).hasSize(2);
    }

    @Test
    void listsDirectivesAndBuildConstraints() {
        File f = parseOK("""
                //go:build linux && amd64
                // +build linux,amd64

                package p

                import _ "unsafe"

                //go:linkname now time.now
                func now() (int64, int32)

                //go:noinline
                func g() {}
                """);
        List<File.Directive> ds = f.directives();
        assertThat(ds).extracting(File.Directive::name).containsExactly("go:build", "+build", "go:linkname", "go:noinline");
        assertThat(ds.get(2).args()).isEqualTo("now time.now");
        assertThat(ds.get(0).pos()).isLessThan(f.packagePos);
        assertThat(fset.position(ds.get(3).pos()).line()).isEqualTo(11);
    }

    // ---- errors, with gc's wording

    @Test
    void missingCommaInCompositeLiteral() {
        parse("package p\nvar x = []int{\n\t1,\n\t2\n}\n");
        assertThat(messages()).containsExactly(
                "p.go:4:3: syntax error: unexpected newline in composite literal; possibly missing comma or }");
    }

    @Test
    void statementOutsideFunctionBody() {
        parse("package p\nx++\nfunc f() {}\n");
        assertThat(messages()).containsExactly("p.go:2:1: syntax error: non-declaration statement outside function body");
    }

    @Test
    void missingPackageClause() {
        File f = parse("func f() {}\n");
        assertThat(messages()).containsExactly("p.go:1:1: syntax error: package statement must be first");
        assertThat(f.decls).isEmpty();
    }

    @Test
    void assignmentUsedAsIfCondition() {
        parse("package p\nfunc f() {\n\tif x = 1 {\n\t}\n}\n");
        assertThat(messages()).containsExactly("p.go:3:7: syntax error: cannot use assignment (x) = (1) as value");
    }

    @Test
    void sendUsedAsIfCondition() {
        parse("package p\nfunc f() {\n\tif c <- v {\n\t}\n}\n");
        assertThat(messages()).containsExactly("p.go:3:7: syntax error: cannot use c <- v as value");
    }

    @Test
    void elseOnItsOwnLine() {
        parse("package p\nfunc f() {\n\tif x {\n\t}\n\telse {\n\t}\n}\n");
        assertThat(messages()).containsExactly("p.go:5:2: syntax error: unexpected else, expecting }");
    }

    @Test
    void reportsAtMostOneSyntaxErrorPerLine() {
        parse("package p\nfunc f() {\n\tx := [)]( ) ) )\n}\n");
        assertThat(messages()).hasSize(1);
        assertThat(messages().get(0)).startsWith("p.go:3:");
    }

    @Test
    void varInForInitializer() {
        parse("package p\nfunc f() {\n\tfor var i = 0; i < 1; i++ {}\n}\n");
        assertThat(messages()).containsExactly("p.go:3:10: syntax error: var declaration not allowed in for initializer");
    }

    @Test
    void mixedNamedAndUnnamedParameters() {
        parse("package p\nfunc f(a int, string) {}\n");
        assertThat(messages()).containsExactly("p.go:2:15: syntax error: mixed named and unnamed parameters");
    }

    @Test
    void recoversAndKeepsLaterDeclarations() {
        File f = parse("package p\nfunc f() {\n\tx := )\n}\nfunc g() {}\ntype T int\n");
        assertThat(messages()).isNotEmpty();
        assertThat(f.decls).extracting(d -> d instanceof FuncDecl fd ? fd.name.name : d.getClass().getSimpleName())
                .contains("g");
    }

    @Test
    void truncatedInputYieldsTreeAndErrors() {
        String src = "package p\nfunc f(a int) { if a > 1 { return [](";
        File f = parse(src);
        assertThat(f).isNotNull();
        assertThat(messages()).isNotEmpty();
        assertThat(messages().get(messages().size() - 1)).contains("syntax error");
    }

    @Test
    void deepNestingIsReportedNotCrashed() {
        String deep = "package p\nvar x = " + "(".repeat(200_000) + "1" + ")".repeat(200_000) + "\n";
        File f = parse(deep);
        assertThat(f).isNotNull();
        assertThat(messages()).anyMatch(m -> m.endsWith("exceeded max nesting depth"));
    }

    @Test
    void deepNestingOfEveryShapeHitsTheLimitNotTheStack() {
        int n = 30_000;
        List<String> shapes = List.of(
                "var x = " + "(".repeat(n) + "x" + ")".repeat(n),
                "func f() " + "{".repeat(n) + "}".repeat(n),
                "func f() {" + "if x {".repeat(n) + "}".repeat(n) + "}",
                "func f() {" + "switch { case true: ".repeat(n) + "}".repeat(n) + "}",
                "var x = " + "func() {".repeat(n) + "}".repeat(n),
                "var x = T" + "{".repeat(n) + "}".repeat(n),
                "var x " + "[]".repeat(n) + "int",
                "var x " + "map[int]".repeat(n) + "int",
                "var x " + "struct{ f ".repeat(n) + "int" + "}".repeat(n),
                "var x " + "func(".repeat(n) + ")".repeat(n),
                "type x " + "interface{ ".repeat(n) + "}".repeat(n),
                "var x " + "chan ".repeat(n) + "int",
                "var x = " + "<-".repeat(n) + "c",
                "var x = a" + "[b".repeat(n) + "]".repeat(n));
        for (String shape : shapes) {
            errors.clear();
            parse("package p\n" + shape + "\n");
            // The nesting limit reports where it is exceeded, on line 2; a stack overflow would report 1:1.
            assertThat(messages()).as(shape.substring(0, 20)).hasSize(1)
                    .allMatch(m -> m.startsWith("p.go:2:") && m.endsWith("exceeded max nesting depth"));
        }
    }

    @Test
    void longSelectorAndCallChainsCountAsNesting() {
        parse("package p\nvar x = a" + ".f()[0]".repeat(100_000) + "\n");
        assertThat(messages()).anyMatch(m -> m.endsWith("exceeded max nesting depth"));
    }

    @Test
    void deepTreesAnswerPosAndEndWithoutRecursing() {
        File f = parseOK("package p\nvar x = a" + "[0]".repeat(3_000) + " + b" + " + c".repeat(3_000) + "\n");
        Expr v = ((ValueSpec) ((GenDecl) f.decls.get(0)).specs.get(0)).values.get(0);
        // On a small stack, a recursive pos() of a 6000-deep left spine would overflow.
        int[] pe = new int[2];
        Thread t = new Thread(null, () -> {
            pe[0] = v.pos();
            pe[1] = v.end();
        }, "small-stack", 64 * 1024);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(fset.position(pe[0]).toString()).isEqualTo("p.go:2:9");
        assertThat(pe[1]).isEqualTo(f.fileEnd - 1);
    }

    @Test
    void longOperatorChainsWithinTheLimitParse() {
        String chain = "package p\nvar x = " + "1 + ".repeat(5_000) + "1\n";
        File f = parseOK(chain);
        assertThat(((GenDecl) f.decls.get(0)).specs).hasSize(1);
    }

    @Test
    void parsesASingleExpression() {
        fset = new FileSet();
        Expr x = Parser.parseExpr(fset, "e.go", "a[i] * (b + 1)".getBytes(StandardCharsets.UTF_8),
                (p, m) -> errors.add(new Diagnostic(p, m)));
        assertThat(errors).isEmpty();
        assertThat(ExprString.of(x)).isEqualTo("a[i] * (b + 1)");
        Parser.parseExpr(fset, "e.go", "a b".getBytes(StandardCharsets.UTF_8), (p, m) -> errors.add(new Diagnostic(p, m)));
        assertThat(messages()).containsExactly("e.go:1:3: syntax error: unexpected b after expression");
    }

    @Test
    void methodExpressionsAndConversionsAreCalls() {
        File f = parseOK("package p\nvar a = (*T).M\nvar b = T.M(t)\nvar c = []byte(\"x\")\nvar d = func() {}\n");
        List<String> values = new ArrayList<>();
        for (Decl d : f.decls) {
            values.add(ExprString.of(((ValueSpec) ((GenDecl) d).specs.get(0)).values.get(0)));
        }
        assertThat(values).containsExactly("(*T).M", "T.M(t)", "[]byte(\"x\")", "(func() literal)");
    }

    @Test
    void emptyLabeledStatementBeforeBrace() {
        File f = parseOK("package p\nfunc f() {\n\tgoto L\nL:\n}\n");
        BlockStmt body = ((FuncDecl) f.decls.get(0)).body;
        assertThat(body.list).hasSize(2);
    }

    @Test
    void identifiersAreDistinctNodesForEqualNames() {
        File f = parseOK("package p\nvar x, y = x, x\n");
        ValueSpec v = (ValueSpec) ((GenDecl) f.decls.get(0)).specs.get(0);
        Ident a = (Ident) v.values.get(0);
        Ident b = (Ident) v.values.get(1);
        assertThat(a).isNotSameAs(b).isNotEqualTo(b);
    }
}
