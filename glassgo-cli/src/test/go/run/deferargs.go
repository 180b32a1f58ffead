// deferargs: a deferred call's function value, receiver and arguments are evaluated at the defer statement;
// methods, builtins and closures with arguments can be deferred; recover works only in the deferred
// function itself.
package main

type counter struct{ n int }

func (c *counter) bump(k int) { c.n += k; println("bump", k, c.n) }

func (c counter) show(tag string) { println("show", tag, c.n) }

func trace(s string, n int) { println("trace", s, n) }

func args() (r int) {
	x := 1
	defer trace("x was", x)
	defer println("println", x, "str", 2.5)
	defer func(v int) { println("closure got", v, "x now", x); r += v }(x * 10)
	c := &counter{}
	defer c.bump(x)
	var v counter
	v.n = 7
	defer v.show("value")
	v.n = 8
	f := trace
	defer f("func value", 3)
	f = nil
	x = 5
	for i := 0; i < 3; i++ {
		defer println("loop", i)
	}
	return x
}

func helper() {
	if r := recover(); r != nil {
		println("helper recovered: wrong")
	}
}

func indirect() (ok bool) {
	defer func() {
		helper() // not called directly by the deferred function's caller: no recovery
		ok = recover() != nil
	}()
	panic("boom")
}

func noop() (s string) {
	defer func() {
		if recover() != nil {
			s = "recovered after a no-op defer recover()"
		}
	}()
	defer recover() // called by the defer machinery itself: does not stop the panic
	panic("again")
}

func main() {
	println("args returned", args())
	println("indirect", indirect())
	println(noop())
}
