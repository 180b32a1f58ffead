// Oracle for ConstantOracleTest: evaluates constant cases with Go's own go/constant and prints
// one result line per input line, in the format the Java test prints for glassgo's Constant.
package main

import (
	"bufio"
	"fmt"
	"go/constant"
	"go/token"
	"math"
	"os"
	"strconv"
	"strings"
)

var toks = map[string]token.Token{
	"+": token.ADD, "-": token.SUB, "*": token.MUL, "/": token.QUO, "div": token.QUO_ASSIGN,
	"%": token.REM, "&": token.AND, "|": token.OR, "^": token.XOR, "&^": token.AND_NOT,
	"<<": token.SHL, ">>": token.SHR, "==": token.EQL, "!=": token.NEQ, "<": token.LSS,
	"<=": token.LEQ, ">": token.GTR, ">=": token.GEQ, "&&": token.LAND, "||": token.LOR, "!": token.NOT,
}

var kinds = map[string]token.Token{"INT": token.INT, "FLOAT": token.FLOAT, "IMAG": token.IMAG, "CHAR": token.CHAR, "STRING": token.STRING}

func operand(s string) constant.Value {
	i := strings.IndexByte(s, ':')
	lit, err := strconv.Unquote(s[i+1:])
	if err != nil {
		panic(err)
	}
	return constant.MakeFromLiteral(lit, kinds[s[:i]], 0)
}

func show(v constant.Value) string {
	parts := []string{v.Kind().String(), v.String(), v.ExactString()}
	switch v.Kind() {
	case constant.Int:
		i, ok := constant.Int64Val(v)
		u, uok := constant.Uint64Val(v)
		parts = append(parts, fmt.Sprintf("i64=%d,%v u64=%d,%v bitlen=%d", i, ok, u, uok, constant.BitLen(v)))
		fallthrough
	case constant.Float:
		f, ok := constant.Float64Val(v)
		g, gok := constant.Float32Val(v)
		parts = append(parts, fmt.Sprintf("f64=%x,%v f32=%x,%v sign=%d toInt=%s num=%s denom=%s",
			math.Float64bits(f), ok, math.Float32bits(g), gok, constant.Sign(v), constant.ToInt(v), constant.Num(v), constant.Denom(v)))
	case constant.Complex:
		parts = append(parts, fmt.Sprintf("sign=%d re=%s im=%s toFloat=%s", constant.Sign(v), constant.Real(v), constant.Imag(v), constant.ToFloat(v)))
	}
	return strings.Join(parts, " | ")
}

func eval(f []string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = "panic"
		}
	}()
	switch f[0] {
	case "show":
		return show(operand(f[1]))
	case "bin":
		x, op, y := operand(f[1]), toks[f[2]], operand(f[3])
		switch op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			return fmt.Sprint(constant.Compare(x, op, y))
		}
		return show(constant.BinaryOp(x, op, y))
	case "shift":
		n, _ := strconv.Atoi(f[3])
		return show(constant.Shift(operand(f[1]), toks[f[2]], uint(n)))
	case "unary":
		n, _ := strconv.Atoi(f[3])
		return show(constant.UnaryOp(toks[f[1]], operand(f[2]), uint(n)))
	}
	return "bad case"
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for in.Scan() {
		fmt.Fprintln(w, eval(strings.Split(in.Text(), "\t")))
	}
}
