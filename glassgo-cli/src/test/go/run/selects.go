package main

// select: default, blocking, random choice among ready cases, break, nil channels, closed channels.

func producer(c chan<- int, n int) {
	for i := 0; i < n; i++ {
		c <- i
	}
	close(c)
}

func main() {
	a := make(chan int)
	b := make(chan int)
	go producer(a, 100)
	go producer(b, 100)
	sa, sb := 0, 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				break
			}
			sa += v
		case v, ok := <-b:
			if !ok {
				b = nil
				break
			}
			sb += v
		}
	}
	println(sa, sb)
	// both ready: each chosen a fair share of the time
	x := make(chan int, 1)
	y := make(chan int, 1)
	nx := 0
	for i := 0; i < 2000; i++ {
		x <- 1
		y <- 2
		select {
		case <-x:
			nx++
			<-y
		case <-y:
			<-x
		}
	}
	println(nx > 700 && nx < 1300)
	// send cases
	s := make(chan string, 2)
	for i := 0; i < 3; i++ {
		select {
		case s <- "v":
			println("sent", len(s))
		default:
			println("full")
		}
	}
	// a closed channel is always ready
	cl := make(chan bool)
	close(cl)
	select {
	case v, ok := <-cl:
		println(v, ok)
	}
	// timeout-like: a goroutine answers on one of two channels
	r1 := make(chan string)
	r2 := make(chan string)
	go func() { r2 <- "second" }()
	select {
	case m := <-r1:
		println(m)
	case m := <-r2:
		println(m)
	}
L:
	for i := 0; ; i++ {
		select {
		default:
			if i == 3 {
				break L
			}
		}
	}
	println("done")
}
