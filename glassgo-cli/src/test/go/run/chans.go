package main

type T struct {
	a int
	s string
}

func (t T) show(c chan string)   { c <- t.s }
func (t *T) inc(done chan bool)  { t.a++; done <- true }
func worker(id int, in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * id
	}
	close(out)
}

func main() {
	c := make(chan int)
	d := make(chan int)
	go worker(2, c, d)
	go func() {
		for i := 0; i < 5; i++ {
			c <- i
		}
		close(c)
	}()
	sum := 0
	for v := range d {
		sum += v
	}
	println(sum)
	b := make(chan T, 3)
	b <- T{1, "x"}
	b <- T{2, "y"}
	println(len(b), cap(b))
	t := <-b
	println(t.a, t.s)
	close(b)
	t, ok := <-b
	println(t.s, ok)
	t, ok = <-b
	println(t.s, ok, t.a)
	s := make(chan string)
	tt := T{3, "hello"}
	go tt.show(s)
	println(<-s)
	done := make(chan bool)
	go tt.inc(done)
	<-done
	println(tt.a)
	// select
	q := make(chan int, 1)
	select {
	case v := <-q:
		println("got", v)
	default:
		println("default")
	}
	q <- 7
	select {
	case v, ok := <-q:
		println("got", v, ok)
	default:
		println("default")
	}
	n1, n2 := 0, 0
	x := make(chan int, 1)
	y := make(chan int, 1)
	for i := 0; i < 1000; i++ {
		x <- 1
		y <- 1
		select {
		case <-x:
			n1++
			<-y
		case <-y:
			n2++
			<-x
		}
	}
	println(n1 > 100, n2 > 100)
	r := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			select {
			case r <- i:
			}
		}
		close(r)
	}()
	for v := range r {
		println(v)
	}
	var nilc chan int
	select {
	case nilc <- 1:
		println("no")
	default:
		println("nil default")
	}
	defer func() { println("recovered:", recover() != nil) }()
	close(r)
}
