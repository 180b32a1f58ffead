// hello is the first program a newcomer runs with glassgo. It uses the println builtin, which
// needs no import: glassgo compiles the core language today, and fmt arrives with the standard
// library. Like Go's println, it writes to standard error.
package main

func main() {
	println("hello, world")
}
