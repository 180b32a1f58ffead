package main

type T struct{ n int }

func (t T) Get() int       { return t.n }
func (t *T) Inc(d int)     { t.n += d }
func (t T) Pair() (int, string) { return t.n, "p" }

type K struct {
	a int
	b interface{}
}

func main() {
	t := T{1}
	g := t.Get
	t.n = 5
	println(g(), t.Get())
	inc := t.Inc
	inc(10)
	println(t.n)
	p := &t
	g2 := p.Get
	p.n = 100
	println(g2())
	f := T.Get
	println(f(T{7}), T.Get(T{8}))
	a, s := t.Pair()
	pr := t.Pair
	b, s2 := pr()
	println(a, s, b, s2)
	var x interface{} = "hello"
	switch x {
	case 1:
		println("one")
	case "hello":
		println("hello!")
	}
	k1, k2 := K{1, "x"}, K{1, "x"}
	println(k1 == k2, k1 != K{1, 2})
	var fn func() int = T{42}.Get
	println(fn())
}

type Num int

func (n Num) Double() int { return int(n) * 2 }

func init() {
	var a, b interface{} = interface{}(nil).(bool)
	println(a == false, b == false)
	var x interface{} = 3
	var v, ok interface{} = x.(int)
	println(v == 3, ok == true)
	pd := (*Num).Double
	n := Num(21)
	println(pd(&n))
}
