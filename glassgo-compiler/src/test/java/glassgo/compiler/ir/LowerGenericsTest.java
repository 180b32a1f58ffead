// LowerGenericsTest: the checker's Info records instances, and lowering keeps one copy per instance.
package glassgo.compiler.ir;

import glassgo.compiler.ast.File;
import glassgo.compiler.ast.Ident;
import glassgo.compiler.syntax.FileSet;
import glassgo.compiler.syntax.Parser;
import glassgo.compiler.types.Checker;
import glassgo.compiler.types.Info;
import glassgo.compiler.types.Package;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class LowerGenericsTest {
    private static final String SRC = """
            package main

            type List[T any] struct{ head *node[T] }
            type node[T any] struct {
                v    T
                next *node[T]
            }

            func (l *List[T]) Push(v T) { l.head = &node[T]{v, l.head} }

            func Id[T any](x T) T { return x }

            func Pair[K comparable, V any](k K, v V) V { return Id(v) }

            func main() {
                var a List[int]
                var b List[string]
                a.Push(Id(1))
                a.Push(Id[int](2))
                b.Push(Id("x"))
                println(Pair(1, 2.5), Pair[string, int]("k", 3))
            }
            """;

    private record Checked(FileSet fset, File file, Checker checker, Package pkg) {}

    private static Checked check() {
        FileSet fset = new FileSet();
        File f = Parser.parseFile(fset, "prog.go", SRC.getBytes(StandardCharsets.UTF_8), (pos, msg) -> {
            throw new AssertionError(pos + ": " + msg);
        });
        Package pkg = new Package("main", "main");
        Checker c = new Checker(fset, pkg, List.of(f), path -> null);
        assertThat(c.checkFiles()).isEmpty();
        return new Checked(fset, f, c, pkg);
    }

    @Test
    void infoRecordsInferredAndExplicitTypeArgumentsAtTheIdentifier() {
        Checked ck = check();
        Info info = ck.checker().info();
        Map<String, List<String>> byUse = new TreeMap<>();
        for (Map.Entry<Ident, Info.Instance> e : info.instances.entrySet()) {
            String at = ck.fset().position(e.getKey().pos()).line() + ":" + e.getKey().name;
            byUse.computeIfAbsent(at, k -> new java.util.ArrayList<>()).add(e.getValue().typeArgs().toString());
        }
        assertThat(byUse).containsEntry("18:Id", List.of("[int]"))
                .containsEntry("19:Id", List.of("[int]"))
                .containsEntry("20:Id", List.of("[string]"))
                .containsEntry("16:List", List.of("[int]"))
                .containsEntry("13:Id", List.of("[V]"));
        assertThat(byUse.get("21:Pair")).containsExactlyInAnyOrder("[int, float64]", "[string, int]");
    }

    @Test
    void oneLoweredCopyPerDistinctInstanceNamedAsGoTracebacksNameIt() {
        Checked ck = check();
        Lower.Program p = new Lower(new TypeInfo(ck.checker().info()), ck.fset(), ck.pkg()).lower(List.of(ck.file()));
        List<String> names = p.funcs().stream().map(f -> f.frame().func()).sorted().toList();
        // Id: [int] (twice, explicit and inferred, one copy), [string], and [float64], [int] again from
        // Pair's bodies; Pair: two instances; Push: one per element type.
        assertThat(names.stream().filter(n -> n.equals("main.Id[...]"))).hasSize(3);
        assertThat(names.stream().filter(n -> n.equals("main.Pair[...]"))).hasSize(2);
        assertThat(names.stream().filter(n -> n.equals("main.(*List[...]).Push"))).hasSize(2);
    }
}
