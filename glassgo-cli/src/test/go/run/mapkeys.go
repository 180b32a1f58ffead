package main

// Keys of every comparable non-interface kind, Go's float rules (NaN, ±0), growth and deletion during range.

type pair struct {
	a int8
	b int64
}

type named struct {
	s string
	f float64
	_ int
	p *int
}

func main() {
	// padded struct keys compare field by field
	pm := map[pair]int{}
	for i := 0; i < 100; i++ {
		pm[pair{int8(i % 10), int64(i % 7)}]++
	}
	println(len(pm), pm[pair{3, 3}])
	// arrays of strings
	am := map[[2]string]int{{"a", "b"}: 1, {"b", "a"}: 2}
	k := [2]string{"a", "b"}
	println(am[k], am[[2]string{"b", "a"}], len(am))
	// structs with strings, floats, blank fields, pointers
	x, y := 1, 2
	nm := map[named]string{}
	nm[named{s: "x", f: 0.0, p: &x}] = "first"
	z := 0.0
	nm[named{s: "x", f: -z, p: &x}] = "second"
	nm[named{s: "x", f: 0, p: &y}] = "third"
	println(len(nm), nm[named{s: "x", p: &x}])
	// pointers and channels as keys
	c1, c2 := make(chan int), make(chan int)
	cm := map[chan int]string{c1: "one", c2: "two"}
	println(cm[c1], cm[c2], len(cm))
	ptrm := map[*int]int{&x: 10, &y: 20}
	println(ptrm[&x] + ptrm[&y])
	// float keys: NaN never found, each NaN a new entry; +0 and -0 the same key
	fm := map[float64]int{}
	nan := z / z
	for i := 0; i < 3; i++ {
		fm[nan] = i
	}
	fm[z] = 1
	fm[-z] = 2
	_, found := fm[nan]
	println(len(fm), fm[0], found)
	nans := 0
	for k, v := range fm {
		if k != k {
			nans += v + 1
		}
	}
	println(nans)
	f32 := map[float32]bool{1.5: true}
	println(f32[1.5], f32[2.5])
	// bool, byte, rune, uint64 keys
	bm := map[bool]int{true: 1, false: 2}
	println(bm[true], bm[false])
	um := map[uint64]string{1 << 63: "big"}
	println(um[1<<63])
	rm := map[rune]int{'é': 3}
	println(rm['é'])
	// growth during range: every key present at the start is seen once, new keys may or may not be
	gm := map[int]int{}
	for i := 0; i < 8; i++ {
		gm[i] = i
	}
	seen := 0
	for k := range gm {
		if k < 8 {
			seen++
		}
		if k < 8 {
			gm[k+100] = k
		}
	}
	println(seen, len(gm))
	// deleting every entry during range
	dm := map[string]int{}
	for i := 0; i < 50; i++ {
		dm[string(rune('A'+i))] = i
	}
	n := 0
	for k := range dm {
		delete(dm, k)
		n++
	}
	println(n, len(dm))
	// map values that are maps and slices of pointers
	mm := map[string]map[string]int{}
	mm["a"] = map[string]int{"x": 1}
	mm["a"]["y"] = 2
	println(len(mm["a"]), mm["a"]["y"], mm["b"]["z"])
	var nilm map[string]int
	for range nilm {
		println("never")
	}
	delete(nilm, "x")
	println(nilm == nil, len(nilm))
}
