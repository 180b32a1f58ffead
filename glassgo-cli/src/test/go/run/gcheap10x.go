// gcheap10x: allocates more than ten times its live heap. A set of trees stays live in a global while
// each round builds a replacement (the old tree becomes garbage) and a short-lived tree it only sums, so
// the collector must run many cycles and free what is dead without touching what is live.
package main

type node struct {
	left, right *node
	val         int
}

var live [16]*node

func tree(d int) *node {
	if d == 0 {
		return &node{val: 1}
	}
	return &node{left: tree(d - 1), right: tree(d - 1), val: d}
}

func sum(n *node) int {
	if n == nil {
		return 0
	}
	return n.val + sum(n.left) + sum(n.right)
}

func main() {
	for i := range live {
		live[i] = tree(11)
	}
	scratch := 0
	for round := 0; round < 160; round++ {
		live[round%len(live)] = tree(11)
		scratch += sum(tree(11)) % 1000
	}
	total := 0
	for _, t := range live {
		total += sum(t)
	}
	println("live", total, "scratch", scratch)
}
