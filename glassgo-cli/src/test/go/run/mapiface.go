// Map keys that hold interface values: hashed and compared by their dynamic types (unhashable ones panic).
package main

type S struct {
	a int
	i interface{}
}

type Stringer interface{ String() string }
type T int

func (t T) String() string { return "T" }

func main() {
	m := map[interface{}]int{}
	m[1] = 1
	m["a"] = 2
	m[1.5] = 3
	m[int8(1)] = 4
	m[S{1, "x"}] = 5
	m[nil] = 6
	println(len(m), m[1], m["a"], m[1.5], m[int8(1)], m[S{1, "x"}], m[nil], m[2])
	delete(m, "a")
	_, ok := m["a"]
	println(len(m), ok)
	sm := map[S]int{{1, 2}: 7}
	println(sm[S{1, 2}], sm[S{1, 3}])
	im := map[Stringer]int{T(1): 1, T(2): 2}
	println(im[T(2)], len(im))
	defer func() { println(recover() != nil) }()
	m[[]int{1}] = 1
}
