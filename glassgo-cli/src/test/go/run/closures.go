package main

type op func(int, int) int

type holder struct {
	f    func() int
	name string
}

func apply(f op, a, b int) int { return f(a, b) }

func add(a, b int) int { return a + b }

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func twice(f func(string) string, s string) string { return f(f(s)) }

func main() {
	println(apply(add, 2, 3), apply(func(a, b int) int { return a * b }, 4, 5))
	c := counter()
	c()
	c()
	println(c())
	x := 10
	inc := func() { x++ }
	inc()
	inc()
	println(x)
	h := holder{f: c, name: "h"}
	println(h.f(), h.name)
	println(twice(func(s string) string { return s + "!" }, "hi"))
	var nilf func()
	println(nilf == nil, c != nil)
	fs := []func() int{}
	for i := 0; i < 3; i++ {
		j := i
		fs = append(fs, func() int { return j * 10 })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	outer := 1
	f1 := func() func() int {
		return func() int { outer += 5; return outer }
	}
	println(f1()(), outer)
}
