package main

// Generic bodies that use interfaces, each instantiated several times: a type switch with a case T, a
// method called through a constraint whose signature mentions T, and println of a call (its argument is
// evaluated first, out of order, per instance).

type I interface{ foo() int }

type myint int

func (x myint) foo() int { return int(x) }

type myfloat float64

func (x myfloat) foo() int { return int(x) * 10 }

func f[T I](i I) {
	switch x := i.(type) {
	case T:
		println("T", x.foo())
	case myint:
		println("myint", x.foo())
	default:
		println("other", x.foo())
	}
}

type getter[T any] interface{ get() T }

type box struct{ v int }

func (b box) get() int { return b.v }

type fbox struct{ v float64 }

func (b fbox) get() float64 { return b.v }

func g[T any](i interface{}) {
	switch x := i.(type) {
	case getter[T]:
		println("getter", x.get())
	default:
		println("not a getter")
	}
}

func main() {
	f[myfloat](myint(6))
	f[myfloat](myfloat(7))
	f[myint](myfloat(8))
	f[I](myint(9))
	g[int](box{3})
	g[float64](box{4})
	g[float64](fbox{2.5})
}
