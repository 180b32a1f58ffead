// Integers of every width: wrap-around, division and shift rules, conversions.
package main

var counter int

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func bump() int {
	counter++
	return counter
}

func main() {
	var i8 int8 = 127
	i8++
	var u8 uint8 = 0
	u8--
	var i16 int16 = -32768
	i16--
	var u16 uint16 = 65535
	u16 += 2
	var i32 int32 = 1 << 30
	i32 *= 4
	var u32 uint32 = 1<<32 - 1
	u32 *= u32
	var i64 int64 = -1 << 63
	i64--
	var u64 uint64 = 1<<64 - 1
	println(i8, u8, i16, u16, i32, u32, i64, u64)
	println(u64/3, u64%10, u64>>60, -7/2, -7%2, 7/-2, 7%-2)
	q, r := divmod(-17, 5)
	println(q, r)
	var s uint = 70
	one := int32(1)
	println(1<<s == 0, int64(-8)>>s, uint32(1)<<31, one<<31)
	x := 0x1234
	println(x&0xff, x|1, x^0xffff, x&^0x34, ^x)
	v300, m1, v70000 := 300, int8(-1), 70000
	m32 := int32(-1)
	println(int8(v300), uint8(m1), int16(v70000), uint64(m32), int(uint32(1<<31)))
	f := 3.9
	println(int(f), int(-f), float64(7)/2, float32(0.1), f*1e308*10)
	bump()
	bump()
	println(counter, bump())
	var b bool = x > 10 && x < 100000 || false
	println(b, !b, 'a', "é")
}
