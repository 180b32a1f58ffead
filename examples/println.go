// println is the first program glassgo compiles: it needs no import, so it runs on glassgo's own
// compiler and runtime today (go run and glassgo run print the same thing, on standard error).
package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	println("hello, world")
	println("fib(30) =", fib(30), "pi ~", 355.0/113, "ok:", true)
}
