// Generic declarations, instantiation, inference and constraint satisfaction.
package p

type Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) Swap() Pair[V, K] { return Pair[V, K]{p.Val, p.Key} } // ERROR "V does not implement comparable"

func Map[S ~[]E, E, R any](s S, f func(E) R) []R {
	out := make([]R, 0, len(s))
	for _, e := range s {
		out = append(out, f(e))
	}
	return out
}

type MyInt int

var (
	_ int     = Max(1, 2)
	_ string  = Max("a", "b")
	_ MyInt   = Max[MyInt](1, 2)
	_ []string = Map([]int{1, 2}, func(i int) string { return "" })
	_         = Max([]int{}, nil) // ERROR "\[\]int does not implement Ordered"
	_         = Pair[[]int, int]{} // ERROR "\[\]int does not implement comparable"
	_         = Max[int, int] // ERROR "got 2 type arguments"
)
