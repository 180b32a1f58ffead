package main

func main() {
	var m map[string]int
	println(m["x"], len(m))
	m["x"] = 1
}
