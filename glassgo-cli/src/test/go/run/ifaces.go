package main

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ w, h int }

func (r Rect) Area() int     { return r.w * r.h }
func (r Rect) Name() string  { return "rect" }

type Sq struct{ s int }

func (q *Sq) Area() int    { return q.s * q.s }
func (q *Sq) Name() string { return "sq" }

type T int

func (t T) String() string { return "T!" }

type E struct{ msg string }

func (e *E) Error() string { return "E: " + e.msg }

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		if v > 3 {
			return "big int"
		}
		return "int"
	case string:
		return "string " + v
	case Shape:
		return "shape " + v.Name()
	case error, T:
		return "error or T"
	default:
		return "other"
	}
}

func main() {
	var s Shape = Rect{2, 3}
	println(s.Area(), s.Name())
	s = &Sq{4}
	println(s.Area(), s.Name())
	shapes := []Shape{Rect{1, 1}, &Sq{3}}
	for _, x := range shapes {
		println(x.Name(), x.Area())
	}
	var e interface{} = 5
	n, ok := e.(int)
	println(n, ok)
	str, ok2 := e.(string)
	println(str, ok2)
	println(describe(nil), describe(7), describe(1), describe("hi"), describe(Rect{}), describe(T(1)), describe(&E{"x"}), describe(1.5))
	var a, b interface{} = 3, 3
	println(a == b, a != b, a == 4)
	var err error = &E{"boom"}
	println(err.Error())
	if sh, ok := e.(Shape); ok {
		println("shape?", sh)
	} else {
		println("not a shape")
	}
	var i2 interface{} = s
	sh2 := i2.(Shape)
	println(sh2.Name())
	defer func() {
		r := recover()
		println("recovered:", r.(string))
		defer func() {
			r := recover()
			err := r.(error)
			println("rt:", err.Error())
		}()
		var arr []int
		_ = arr[5]
	}()
	panic("oops")
}
