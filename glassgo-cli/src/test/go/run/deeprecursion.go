package main

type big struct {
	a, b, c int
	s    string
}

func sum(n int, p *int) int {
	if n == 0 {
		return *p
	}
	var b big
	b.a = n
	b.s = "x"
	r := sum(n-1, p) + b.a - n + len(b.s) - 1
	return r
}

func depth(n int) (int, string) {
	if n == 0 {
		return 0, "bottom"
	}
	d, s := depth(n - 1)
	return d + 1, s
}

func main() {
	x := 7
	println(sum(1000000, &x))
	d, s := depth(1000000)
	println(d, s)
}
