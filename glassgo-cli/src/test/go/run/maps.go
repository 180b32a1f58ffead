package main

type key struct {
	a, b int32
}

type P struct {
	s string
	n int
}

func main() {
	m := make(map[int]int)
	for i := 0; i < 1000; i++ {
		m[i*7] = i
	}
	println(len(m), m[70], m[71])
	v, ok := m[14]
	println(v, ok)
	_, ok = m[15]
	println(ok)
	delete(m, 14)
	println(len(m))
	m[3]++
	m[3] += 10
	println(m[3])
	s := map[string][]int{"a": {1, 2}, "b": nil}
	s["c"] = append(s["c"], 5)
	println(len(s), len(s["a"]), s["c"][0])
	sk := map[key]string{}
	sk[key{1, 2}] = "x"
	println(sk[key{1, 2}], sk[key{2, 1}] == "")
	sum := 0
	for k, v := range m {
		sum += k - v
	}
	println(sum)
	ps := map[string]*P{}
	for i := 0; i < 100; i++ {
		ps[string(rune('a'+i%26))] = &P{"p", i}
	}
	println(len(ps), ps["a"].n)
	var nm map[int]int
	println(nm[5], len(nm))
	f := map[float64]int{}
	nan := 0.0
	nan = nan / nan
	f[nan] = 1
	f[nan] = 2
	f[0.0] = 3
	z := 0.0
	f[-z] = 4
	println(len(f), f[0])
	cnt := 0
	for k := range m {
		if k%2 == 0 {
			delete(m, k)
		}
		cnt++
	}
	println(cnt, len(m))
	am := map[string][2]int{"a": {1, 2}}
	sm := map[int]P{1: {"one", 1}}
	println(am["a"][1], am["b"][0], sm[1].s, sm[2].n)
	pp := []*P{{"q", 7}, {"r", 8}}
	println(pp[1].n)
	defer func() { println(recover() != nil) }()
	nm[1] = 2
}
