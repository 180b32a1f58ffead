// Checked by GoProgramsTest: each ERROR annotation must match a diagnostic on its line.
package p

import "unsafe" // ERROR "imported and not used"

type T struct {
	a int
	b string
}

func (t T) Value() int { return t.a }
func (t *T) Set(a int) { t.a = a }

type Valuer interface{ Value() int }
type Setter interface{ Set(int) }

var _ Valuer = T{}
var _ Setter = T{} // ERROR "Set method has pointer receiver"
var _ Setter = &T{}

const c = 1 << 10

var overflow byte = c // ERROR "cannot use c \(untyped int constant 1024\) as byte value in variable declaration \(overflows\)"

func f(x int) (int, error) {
	y := x // ERROR "y declared but not used"
	var t T
	t.c = 1 // ERROR "t.c undefined \(type T has no field or method c\)"
	if x > 0 {
		return x, nil
	}
	return "s", nil // ERROR "cannot use \"s\" \(untyped string constant\) as int value in return statement"
}

func g() int {
	for i := 0; i < 3; i++ {
		continue
	}
} // ERROR "missing return"

func h() {
	var s []int
	_ = s == s // ERROR "invalid operation: s == s \(slice can only be compared to nil\)"
	m := map[[]int]bool{} // ERROR "invalid map key type \[\]int"
	_ = m
	a, b := f(1)
	_, _ = a, b
	x, y := 1 // ERROR "assignment mismatch: 2 variables but 1 value"
	break     // ERROR "break is not in a loop, switch, or select"
	undefinedName() // ERROR "undefined: undefinedName"
}
