// variadic: f(a, b, c) packs the trailing arguments into a slice, f(xs...) passes the slice itself,
// f() passes nil; methods and func values too; f(g()) spreads g's results.
package main

func sum(base int, xs ...int) int {
	for _, x := range xs {
		base += x
	}
	return base
}

func names(sep string, ss ...string) string {
	r := ""
	for i, s := range ss {
		if i > 0 {
			r += sep
		}
		r += s
	}
	return r
}

func isNil(xs ...int) bool { return xs == nil }

type acc struct{ n int }

func (a *acc) add(xs ...int) {
	for _, x := range xs {
		a.n += x
	}
}

func two() (int, int) { return 3, 4 }

func pair(a, b int) int { return a*10 + b }

func alias(xs ...int) {
	xs[0] = 99
}

func main() {
	println(sum(1), sum(1, 2), sum(1, 2, 3, 4))
	xs := []int{10, 20, 30}
	println(sum(0, xs...), sum(0, xs[1:]...))
	println(names(", ", "a", "b", "c"), names("-"), isNil(), isNil(xs...), isNil([]int{}...))
	var a acc
	a.add(1, 2, 3)
	a.add(xs...)
	println(a.n)
	f := sum
	println(f(5, 5, 5))
	println(pair(two()))
	alias(xs...)
	println(xs[0], len(xs), cap(xs))
	g := func(prefix string, rest ...string) string { return prefix + names("+", rest...) }
	println(g(">", "x", "y"))
}
