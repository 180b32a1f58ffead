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
    void typesDeclaredInsideGenericFunctionsMayUseTheTypeParametersAsInGo120() {
        // Go 1.19's gc rejected these (test/typeparam/issue47631.go); Go 1.20 accepts them, and
        // test/typeparam/nested.go, a run test, needs them.
        assertThat(check("""
                package p
                func F[T ~int](x T) T {
                	type pair struct{ a, b T }
                	type list []T
                	type G[U any] struct { t T; u U }
                	type node struct { next *node; v T }
                	l := list{pair{x, x + 1}.b}
                	g := G[string]{t: l[0], u: "s"}
                	var i interface{} = pair{}
                	switch i.(type) {
                	case pair, list, node:
                	}
                	return g.t + T(len(g.u)) + node{}.v
                }
                type S[E any] struct{ e E }
                func (s S[E]) m() E {
                	type local struct{ e E }
                	return local{s.e}.e
                }
                """)).isEmpty();
        // A type parameter alone is still no underlying type, local or not.
        assertThat(check("package p\nfunc F[T any]() {\n\ttype N T\n}\n"))
                .containsExactly("x.go:3:9: cannot use a type parameter as RHS in type declaration");
        assertThat(check("package p\nfunc F[T any]() {\n\ttype V []T\n\tvar v V = []int{}\n\t_ = v\n}\n"))
                .singleElement().asString().startsWith("x.go:4:12: cannot use []int{} (value of type []int) as");
    }

    @Test
    void overflowInAnAssignmentOperationIsReportedAtItsLeftOperand() {
        // Fuzz finding (a mutant of net/port.go): x op= y computes x op y with no expression of its
        // own, and its overflow came out with no position ("-: ..."); gc 1.19 prints none either.
        assertThat(check("package p\nfunc f() {\n\tconst n = uint32(1 << 30)\n\tn *= 10\n}\n"))
                .startsWith("x.go:4:2: 10737418240 (constant of type uint32) overflows uint32");
        assertThat(check("package p\nfunc f() {\n\tconst m = uint8(1)\n\tm <<= 10\n}\n"))
                .startsWith("x.go:4:2: 1024 (constant of type uint8) overflows uint8");
        assertThat(check("package p\nfunc f() {\n\tconst u = 1\n\tu <<= 600\n}\n"))
                .startsWith("x.go:4:2: constant  overflow");
    }

    @Test
    void cgoNamesAreAcceptedWithoutFollowOnErrorsAsInFakeImportC() {
        // test/fixedbugs/issue47227.go and issue36705.go: C types, calls, conversions, &x passed to C.
        assertThat(check("""
                package main
                // void f(int *p);
                import "C"
                func main() {
                	var x C.int
                	func() { defer C.f(&x) }()
                	if x != 0x12345678 { panic("FAIL") }
                	s := C.GoString(C.getenv(C.CString("FOO")))
                	if s != "bar" { panic(s + "!") }
                	C.malloc(100)
                	var p *C.char = (*C.char)(C.malloc(C.size_t(len(s))))
                	_ = p
                	_ = C.struct_stat{}
                }
                """)).isEmpty();
        // Only names of C are exempt, and an unused import "C" is no error (its preamble is the use).
        assertThat(check("package p\nimport \"C\"\nvar v int = C.x + undefinedName\n"))
                .containsExactly("x.go:3:19: undefined: undefinedName");
        assertThat(check("package p\nimport \"C\"\n")).isEmpty();
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
