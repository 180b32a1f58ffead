package main

type Point struct{ x, y int }

type MyErr struct{ code int }

func (e MyErr) Error() string { return "my error" }

type Celsius float64

func try(f func()) {
	defer func() {
		r := recover()
		switch v := r.(type) {
		case error:
			println("error:", v.Error())
		case string:
			println("string:", v)
		case int:
			println("int:", v)
		case Point:
			println("point:", v.x, v.y)
		case nil:
			println("nil")
		default:
			println("other")
		}
	}()
	f()
}

type Named interface{ Name() string }

type Dog struct{ n string }

func (d *Dog) Name() string { return d.n }

type Base struct{ id int }

func (b Base) ID() int { return b.id }

type Derived struct {
	Base
	tag string
}

type IDer interface{ ID() int }

func main() {
	try(func() { panic("s") })
	try(func() { panic(42) })
	try(func() { panic(Point{1, 2}) })
	try(func() { panic(MyErr{3}) })
	try(func() { var p *Point; println(p.x) })
	try(func() { var x interface{} = "str"; println(x.(int)) })
	try(func() { var x interface{} = Point{}; _ = x.(Named) })
	try(func() { var a, b interface{} = []int{1}, []int{1}; println(a == b) })
	try(func() { var n Named; n.Name() })
	try(func() {})
	var n Named = &Dog{"rex"}
	var m Named = &Dog{"rex"}
	println(n == m, n == n)
	var i IDer = Derived{Base{7}, "t"}
	println(i.ID())
	var pi IDer = &Derived{Base{8}, "u"}
	println(pi.ID())
	var e interface{} = Celsius(1.5)
	c, ok := e.(Celsius)
	println(c, ok)
	panic(Celsius(2.5))
}
