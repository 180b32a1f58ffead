// hello is the first program a newcomer runs with glassgo.
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
