package main

// The go statement: functions, closures, methods, arguments evaluated at the go statement; many goroutines.

type counter struct {
	n    int
	name string
}

func (c *counter) add(k int, done chan<- bool) {
	c.n += k
	done <- true
}

func (c counter) report(out chan<- string) {
	out <- c.name
}

type big struct {
	a [10]int
	s string
}

func sum(b big, out chan int) {
	t := 0
	for _, v := range b.a {
		t += v
	}
	out <- t + len(b.s)
}

func relay(in <-chan int, out chan<- int) {
	v := <-in
	out <- v + 1
}

func main() {
	done := make(chan bool)
	c := &counter{name: "c"}
	for i := 1; i <= 10; i++ {
		go c.add(i, done)
		<-done
	}
	println(c.n)
	out := make(chan string)
	cv := counter{name: "before"}
	go cv.report(out)
	cv.name = "after"
	println(<-out)
	// arguments are evaluated at the go statement
	ints := make(chan int)
	var b big
	for i := range b.a {
		b.a[i] = i
	}
	b.s = "abc"
	go sum(b, ints)
	b.a[0] = 1000
	println(<-ints)
	x := 5
	go func(v int) { ints <- v * 2 }(x)
	x = 100
	println(<-ints)
	// a chain of 1000 goroutines
	first := make(chan int)
	in := first
	for i := 0; i < 1000; i++ {
		next := make(chan int)
		go relay(in, next)
		in = next
	}
	first <- 0
	println(<-in)
	// func values
	f := func(ch chan int, k int) { ch <- k }
	go f(ints, 42)
	println(<-ints)
}
