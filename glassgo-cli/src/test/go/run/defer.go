package main

func safeDiv(a, b int) (q int, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			q, ok = -1, false
		}
	}()
	return a / b, true
}

func order() {
	defer func() { println("first deferred, runs last") }()
	defer func() { println("second deferred, runs first") }()
	println("body")
}

func named() (n int) {
	defer func() { n *= 2 }()
	n = 5
	return n + 1
}

func mustPanic(f func()) {
	defer func() {
		if recover() == nil {
			panic("did not panic")
		}
	}()
	f()
}

func main() {
	println(safeDiv(7, 2))
	println(safeDiv(7, 0))
	order()
	println(named())
	mustPanic(func() {
		var s []int
		_ = s[3]
	})
	mustPanic(func() { panic("boom") })
	println("recovered ok")
	defer func() { println("main deferred") }()
	panic("final")
}
