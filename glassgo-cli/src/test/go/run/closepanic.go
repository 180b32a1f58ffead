package main

func try(name string, f func()) {
	defer func() {
		println(name, "recovered:", recover() != nil)
	}()
	f()
}

func main() {
	var n chan int
	c := make(chan int, 1)
	try("close nil", func() { close(n) })
	close(c)
	try("close closed", func() { close(c) })
	v, ok := <-c
	println(v, ok)
	c <- 1
}
