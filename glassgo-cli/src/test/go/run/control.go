// Control flow: if/else chains, for forms, labels, break/continue, switch with fallthrough, recursion.
package main

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	default:
		return "odd"
	}
}

func ack(m, n int) int {
	if m == 0 {
		return n + 1
	}
	if n == 0 {
		return ack(m-1, 1)
	}
	return ack(m-1, ack(m, n-1))
}

func main() {
	for i := -1; i < 4; i++ {
		print(classify(i), " ")
	}
	println()
	sum := 0
outer:
	for i := 0; i < 10; i++ {
		for j := 0; j < 10; j++ {
			if j > i {
				continue outer
			}
			if i*j > 20 {
				break outer
			}
			sum += i * j
		}
	}
	println("sum", sum)
	n := 0
	for n < 5 {
		n += 2
	}
	for {
		n--
		if n < 0 {
			break
		}
	}
	println("n", n)
	switch x := 2; x {
	case 1:
		println("one")
	case 2:
		println("two")
		fallthrough
	case 3:
		println("three (fell through)")
	case 4, 5:
		println("four or five")
	}
	println(ack(2, 3))
	s := "héllo"
	for i, r := range s {
		print(i, ":", r, " ")
	}
	println()
	if s == "héllo" && s != "hello" && s > "h" && "a" < s {
		println("string compare ok")
	}
}
