package main

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type List[T any] struct {
	head *node[T]
	n    int
}

type node[T any] struct {
	v    T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.n++
}

func (l *List[T]) Each(f func(T)) {
	for p := l.head; p != nil; p = p.next {
		f(p.v)
	}
}

type Pair[K comparable, V any] struct {
	k K
	v V
}

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

func Max[T int | float64](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Zero[T any]() T {
	var z T
	return z
}

type MyInt int

func (m MyInt) Double() MyInt { return m * 2 }

type Doubler[T any] interface{ Double() T }

func DoubleAll[T Doubler[T]](xs []T) []T {
	var r []T
	for _, x := range xs {
		r = append(r, x.Double())
	}
	return r
}

func Conv[T, U ~int | ~float64](x T) U { return U(x) }

func Eq[T comparable](a, b T) bool { return a == b }

type FPair struct{ a, b float64 }

func main() {
	println(Sum([]int{1, 2, 3}))
	println(Sum([]float64{1.5, 2.5}))
	println(Sum[MyInt]([]MyInt{4, 5}))
	ss := Map([]int{1, 2, 3}, func(i int) float64 { return float64(i) / 2 })
	println(len(ss), ss[0], ss[2])
	var l List[string]
	l.Push("a")
	l.Push("b")
	l.Each(func(s string) { println(s) })
	println(l.n)
	p := MakePair("x", 3)
	println(p.k, p.v)
	println(Max(3, 7), Max(2.5, 1.5))
	println(Zero[int](), Zero[string]() == "", Zero[*int]() == nil)
	d := DoubleAll([]MyInt{1, 2, 3})
	println(d[0], d[1], d[2])
	println(Conv[int, float64](3))
	f := Max[int]
	println(f(10, 4))
	println(Eq(FPair{1, 2}, FPair{1, 2}), Eq(FPair{1, 2}, FPair{1, 3}), Eq(2.5, 2.5))
}
