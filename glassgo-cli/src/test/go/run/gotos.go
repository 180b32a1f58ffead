// gotos: goto forward and backward, out of nested loops and switches, and between labels of one block.
package main

func count(n int) int {
	i, s := 0, 0
loop:
	if i < n {
		s += i
		i++
		goto loop
	}
	return s
}

func find(xs [][]int, want int) (int, int) {
	for i, row := range xs {
		for j, v := range row {
			if v == want {
				r, c := i, j
				_ = c
				goto found
			found:
				return r, j
			}
		}
	}
	goto missing
missing:
	return -1, -1
}

func states(x int) string {
	s := ""
	goto a
b:
	s += "b"
	if x > 2 {
		x--
		goto a
	}
	goto end
a:
	s += "a"
	switch {
	case x > 0:
		goto b
	}
end:
	return s + "!"
}

func main() {
	println(count(10))
	println(find([][]int{{1, 2}, {3, 4, 5}}, 5))
	println(find([][]int{{1}}, 7))
	println(states(0), states(1), states(4))
	n := 0
	{
	again:
		n++
		if n < 3 {
			goto again
		}
	}
	println(n)
}
