package glassgo.compiler.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Single behaviours of the checker, each against gc 1.19's exact message. */
class CheckerTest {
    private static List<String> check(String src) {
        return CheckerTestSupport.check("x.go", src);
    }

    @Test
    void acceptsACorrectProgramWithGenericsAndMethods() {
        assertThat(check("""
                package p
                type Number interface{ ~int | ~float64 }
                func Sum[T Number](xs ...T) (s T) { for _, x := range xs { s += x }; return }
                type List[T any] struct{ next *List[T]; val T }
                func (l *List[T]) Push(v T) *List[T] { return &List[T]{l, v} }
                type Celsius float64
                var total = Sum(1, 2, 3) + int(Sum[Celsius](1.5))
                var l = (*List[string])(nil).Push("a")
                const big = 1 << 100
                var small = big >> 98
                type T1 struct{ Next *T2 }
                type T2 T1
                var _ = T2{}.Next.Next
                func isNil[M ~map[string]int](m M) bool { return m == nil }
                func fact[T ~int](n T) T { if n <= 1 { return 1 }; return n * fact(n-1) }
                func pair[A, B any](a A, b B) B { return b }
                var _ string = pair[int](1, "x")
                """)).isEmpty();
    }

    @Test
    void loopsOfDefinedTypesAreInvalidRecursiveTypes() {
        assertThat(check("package p\ntype A B\ntype B A\n"))
                .singleElement().asString().startsWith("x.go:2:6: invalid recursive type A");
    }

    @Test
    void untypedConstantOverflowUsesGcWording() {
        assertThat(check("package p\nvar b int8 = 300\n"))
                .containsExactly("x.go:2:14: cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)");
        assertThat(check("package p\nvar c = int8(300)\n"))
                .containsExactly("x.go:2:14: cannot convert 300 (untyped int constant) to type int8");
    }

    @Test
    void reportsUnusedVariablesAndImportsOnlyWhereGcDoes() {
        assertThat(check("package p\nimport \"unsafe\"\nfunc f(a int) { b := 1 }\n"))
                .containsExactly("x.go:2:8: imported and not used: \"unsafe\"", "x.go:3:17: b declared but not used");
    }

    @Test
    void reportsMissingReturnAndMismatchedAssignment() {
        assertThat(check("package p\nfunc f() int { for {}; }\nfunc g() int { if true { return 1 } }\n"))
                .containsExactly("x.go:3:37: missing return");
        assertThat(check("package p\nfunc f() (int, int) { return 1, 2 }\nvar a, b, c = f()\n"))
                .containsExactly("x.go:3:15: assignment mismatch: 3 variables but f returns 2 values");
    }

    @Test
    void detectsRecursiveTypesAndInitializationLoops() {
        assertThat(check("package p\ntype T struct{ t T }\ntype U struct{ u *U }\n"))
                .singleElement().asString().startsWith("x.go:2:6: invalid recursive type T");
        assertThat(check("package p\nvar x = y\nvar y = f()\nfunc f() int { return x }\n"))
                .singleElement().asString().startsWith("x.go:2:5: initialization loop for x");
    }

    @Test
    void checksInterfaceSatisfactionWithGcReasons() {
        assertThat(check("""
                package p
                type I interface{ M() }
                type T struct{}
                func (*T) M() {}
                var _ I = T{}
                """)).containsExactly("x.go:5:11: cannot use T{} (value of type T) as type I in variable declaration:\n"
                + "\tT does not implement I (M method has pointer receiver)");
    }

    @Test
    void unsafeSizesAreConstants() {
        assertThat(check("""
                package p
                import "unsafe"
                type S struct { a byte; b int64; c [3]int16 }
                var x [unsafe.Sizeof(S{})]int
                var _ [24]int = x
                var _ [8]int = [unsafe.Offsetof(S{}.b)]int{}
                """)).isEmpty();
    }

    @Test
    void inferenceFailureAndConstraintViolationAreErrors() {
        assertThat(check("""
                package p
                func Max[T int | float64](a, b T) T { if a > b { return a }; return b }
                var _ = Max("a", "b")
                """)).singleElement().asString().contains("string does not implement int | float64");
    }
}
