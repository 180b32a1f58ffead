// runes: []rune(s) and string(runes) (invalid bytes and code points become U+FFFD), []byte(s) of an empty
// string is empty but not nil, and return f() of several results in a function with deferred calls.
package main

type MyRune rune

func pair() (string, int) { return "pair", 2 }

func deferred() (s string, n int) {
	defer func() { n *= 10 }()
	return pair()
}

func main() {
	s := "héllo, 世界\xff!"
	rs := []rune(s)
	println(len(s), len(rs), rs[1], rs[7], rs[9])
	println(string(rs))
	rs[0] = 'H'
	rs = append(rs, -1, 0xD800, 0x10FFFF)
	t := string(rs)
	println(t, len(t))
	my := []MyRune{'G', 'o', 0x4E16}
	println(string(my))
	println(len([]rune("")), []byte("") == nil, []rune("") == nil)
	var none []rune
	println(string(none) == "")
	println(deferred())
}
