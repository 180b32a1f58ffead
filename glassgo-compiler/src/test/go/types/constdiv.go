// Checked by GoProgramsTest: each ERROR annotation must match a diagnostic on its line.
// Constant division: a complex divisor whose squared parts underflow to 0 is a division by zero,
// as gc says (Go issue 20227; found by the front-end fuzzer as an internal error).
package p

var _ = 1 / (1e-600000000 + 1e-690000000i) // ERROR "division by zero"
var _ = 1 / (1 + 1i)
var _ = 1.0 / 0 // ERROR "division by zero"
var _ = complex(1, 2) / complex(0, 0) // ERROR "division by zero"
