package main

type I interface {
	M(a int) int
	S(p string, n int) (string, int)
}

type T struct{ k int }

func (t T) M(a int) int                      { return a + t.k }
func (t T) S(p string, n int) (string, int) { return p + "!", n * t.k }

func main() {
	var i I = T{10}
	f := i.M
	i = T{20}
	println(f(1), i.M(1))
	g := I.M
	println(g(i, 5))
	h := I.S
	s, n := h(T{3}, "x", 4)
	println(s, n)
	sv := i.S
	s2, n2 := sv("y", 2)
	println(s2, n2)
	defer func() {
		println(recover().(error).Error())
	}()
	var z I
	_ = z.M
}
