package main

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if s.empty() {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s *Stack[T]) empty() bool { return s.Len() == 0 }

func (s Stack[T]) Len() int { return len(s.items) }

type Named struct {
	Stack[string]
	name string
}

type Vec[T ~int | ~float64] [3]T

func (v Vec[T]) Dot(w Vec[T]) T {
	var s T
	for i := range v {
		s += v[i] * w[i]
	}
	return s
}

func Fact[T ~int | ~int64](n T) T {
	if n <= 1 {
		return 1
	}
	return n * Fact(n-1)
}

func Wrap[T any](x T) []T { return []T{x} }

func Twice[T any](x T) [][]T { return Wrap(Wrap(x)[0:1]) }

func Counter[T ~int]() func() T {
	var c T
	return func() T {
		c++
		return c
	}
}

func Apply[T any, R any](x T, f func(T) R) R { return f(x) }

type Num interface{ ~int | ~uint8 | ~float64 }

func Convert[To, From Num](x From) To { return To(x) }

func Len[S ~[]E, E any](s S) int { return len(s) }

func Last[S ~[]E, E any](s S) E {
	var r E
	for _, e := range s {
		r = e
	}
	return r
}

type Ints []int

func ShiftAll[T ~uint8 | ~int](xs []T, n int) {
	for i := range xs {
		xs[i] <<= n
	}
}

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

type Point struct{ X, Y int }

func main() {
	var s Stack[int]
	s.Push(1)
	s.Push(2)
	v, ok := s.Pop()
	println(v, ok, s.Len())
	s.Pop()
	v, ok = s.Pop()
	println(v, ok)

	var n Named
	n.Push("hello")
	n.name = "n"
	println(n.Len(), n.items[0], n.name)

	a := Vec[int]{1, 2, 3}
	println(a.Dot(Vec[int]{4, 5, 6}))
	b := Vec[float64]{0.5, 1, 2}
	println(b.Dot(b))

	println(Fact(10), Fact[int64](20))
	t := Twice("x")
	println(len(t), t[0][0])

	c1 := Counter[int]()
	c1()
	c1()
	println(c1())

	println(Apply(3, func(i int) string { return "s" }))
	println(Convert[uint8](300.0 - 45), Convert[int, float64](2.9))
	println(Len(Ints{1, 2, 3}), Last(Ints{4, 5}), Last([]string{"p", "q"}))
	u := []uint8{1, 2, 200}
	ShiftAll(u, 1)
	println(u[0], u[1], u[2])
	println(Index([]string{"a", "b", "c"}, "c"), Index([]Point{{1, 2}, {3, 4}}, Point{3, 4}), Index([]float64{1}, 2))
}
