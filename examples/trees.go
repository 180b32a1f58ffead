// trees builds and drops binary trees: every node is a heap object, so glassgo's collector runs
// while the program does. Try it with GODEBUG=gctrace=1 to see the cycles, and with GOGC=50 or
// GOGC=400 to see the pacer trade memory for collector work.
package main

type node struct {
	left, right *node
}

func build(depth int) *node {
	if depth == 0 {
		return &node{}
	}
	return &node{build(depth - 1), build(depth - 1)}
}

func (n *node) count() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.count() + n.right.count()
}

func main() {
	longLived := build(16)
	total := 0
	for i := 0; i < 40; i++ {
		total += build(14).count()
	}
	println("nodes built:", total, "long-lived:", longLived.count())
}
