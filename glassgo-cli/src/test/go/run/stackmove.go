// Results of calls that grow (and so move) the goroutine's stack are stored into the caller's frame:
// the frame address must be computed after the call returns (fixedbugs/issue4316.go crashed the JVM).
package main

type Peano *Peano

func makePeano(n int) *Peano {
	if n == 0 {
		return nil
	}
	p := Peano(makePeano(n - 1))
	return &p
}

type pair struct {
	a, b int
	s    string
}

func deep(n int) pair {
	if n == 0 {
		return pair{1, 2, "x"}
	}
	var arr [4]int
	arr[n%4] = depth(n - 1)
	r := deep(n - 1)
	r.a += arr[n%4] - arr[n%4] + 1
	return r
}

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func main() {
	p := makePeano(10000)
	n := 0
	for p != nil {
		p = *p
		n++
	}
	println(n)
	r := deep(3000)
	println(r.a, r.b, r.s)
}
