package main

// 10^5 goroutines, all alive at once, exchanging values over channels.

func worker(i int, in <-chan int, out chan<- int) {
	v := <-in
	out <- v + i
}

func main() {
	const n = 100000
	out := make(chan int, 100)
	ins := make([]chan int, n)
	for i := 0; i < n; i++ {
		ins[i] = make(chan int)
		go worker(i, ins[i], out)
	}
	go func() {
		for i := 0; i < n; i++ {
			ins[i] <- 1
		}
	}()
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-out
	}
	println(sum)
}
