// gcstress: pointers held in every place compiled code keeps them (locals, parameters, results, struct
// fields, slices of pointers, strings, globals) while allocation keeps the collector busy. Under
// GODEBUG=gcstress=N,gcpoison=1 a pointer the collector cannot see shows up as a wrong checksum.
package main

type node struct {
	left, right *node
	val         int
	tag         string
}

type pair struct {
	a, b *node
	name string
}

var keep *node
var names []string

func build(d int, tag string) *node {
	if d == 0 {
		return &node{val: 1, tag: tag}
	}
	n := &node{val: d, tag: tag + "."}
	n.left = build(d-1, tag+"l")
	n.right = build(d-1, tag+"r")
	return n
}

func check(n *node) int {
	if n == nil {
		return 0
	}
	return n.val + len(n.tag) + check(n.left) + check(n.right)
}

func twins(d int) (*node, *node) {
	x := build(d, "x")
	y := build(d, "y")
	return x, y
}

func mkpair(d int) pair {
	a, b := twins(d)
	return pair{a: a, b: b, name: "pair" + string(rune('0'+d))}
}

func main() {
	keep = build(8, "k")
	total := 0
	var ps []pair
	var ns []*node
	for i := 0; i < 60; i++ {
		p := mkpair(i % 7)
		ps = append(ps, p)
		ns = append(ns, build(i%5, "n"))
		names = append(names, p.name+"!")
		garbage := build(6, "g")
		total += check(garbage) % 7
	}
	for i, p := range ps {
		total += check(p.a) + check(p.b) + len(p.name) + check(ns[i]) + len(names[i])
	}
	println("total", total, "keep", check(keep))
}
