// Slices, arrays, structs, pointers, methods, append growth, copy, range.
package main

type point struct {
	x, y int
	name string
}

func (p point) dist() int { return p.x*p.x + p.y*p.y }

func (p *point) move(dx, dy int) {
	p.x += dx
	p.y += dy
}

type node struct {
	left, right *node
	val         int
}

func build(d int) *node {
	if d == 0 {
		return &node{val: 1}
	}
	return &node{left: build(d - 1), right: build(d - 1), val: d}
}

func (n *node) count() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.count() + n.right.count()
}

func sum(xs []int) (total int) {
	for _, x := range xs {
		total += x
	}
	return
}

func main() {
	var s []int
	for i := 0; i < 20; i++ {
		s = append(s, i)
		print(cap(s), " ")
	}
	println()
	println(len(s), sum(s), sum(s[5:10]), len(s[:3]), cap(s[2:5:7]))
	big := make([]int, 0, 300)
	for i := 0; i < 1000; i++ {
		big = append(big, i)
	}
	println(len(big), cap(big))
	a := [5]int{1, 2, 3}
	b := a
	b[0] = 100
	println(a[0], b[0], len(a))
	c := make([]int, 3)
	n := copy(c, s[10:])
	println(n, c[0], c[2])
	p := point{x: 3, y: 4, name: "p"}
	p.move(1, 1)
	q := &p
	q.move(1, 0)
	println(p.x, p.y, p.dist(), q.dist(), p.name)
	pts := []point{{1, 2, "a"}, {3, 4, "b"}}
	pts = append(pts, point{5, 6, "c"})
	for i := range pts {
		pts[i].move(10, 10)
	}
	for _, pt := range pts {
		print(pt.name, pt.x, pt.y, " ")
	}
	println()
	t := build(10)
	println(t.count())
	ip := new(int)
	*ip = 7
	*ip += 3
	println(*ip)
	var arr [3]string
	arr[1] = "mid"
	println(arr[0] == "", arr[1], len(arr[1]))
	bs := []byte("hello")
	bs[0] = 'j'
	println(string(bs), string(rune(0x263a)))
	m := [][]int{{1}, {2, 3}}
	m[1] = append(m[1], 4)
	println(len(m[1]), m[1][2])
}
