// astdump prints the go/ast tree of each Go file named on the command line, one node per line in
// ast.Inspect order, as "Type pos end detail" with byte offsets. glassgo's AstOracleTest prints its
// own tree the same way and compares: Go's own parser is the oracle for the tree's shape.
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strconv"
)

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, name := range os.Args[1:] {
		fmt.Fprintf(out, "== %s\n", name)
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			fmt.Fprintf(out, "error %s\n", strconv.Quote(err.Error()))
			continue
		}
		off := func(p token.Pos) int {
			if !p.IsValid() {
				return -1
			}
			return fset.Position(p).Offset
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				return false
			}
			fmt.Fprintf(out, "%s %d %d%s\n", reflect.TypeOf(n).Elem().Name(), off(n.Pos()), off(n.End()), detail(n))
			return true
		})
	}
}

func detail(n ast.Node) string {
	switch n := n.(type) {
	case *ast.Ident:
		return " " + n.Name
	case *ast.BasicLit:
		return " " + n.Kind.String() + " " + strconv.Quote(n.Value)
	case *ast.UnaryExpr:
		return " " + n.Op.String()
	case *ast.BinaryExpr:
		return " " + n.Op.String()
	case *ast.AssignStmt:
		return " " + n.Tok.String()
	case *ast.IncDecStmt:
		return " " + n.Tok.String()
	case *ast.BranchStmt:
		return " " + n.Tok.String()
	case *ast.GenDecl:
		return " " + n.Tok.String()
	case *ast.RangeStmt:
		return " " + n.Tok.String()
	case *ast.ChanType:
		return " " + strconv.Itoa(int(n.Dir))
	case *ast.Comment:
		return " " + strconv.Quote(n.Text)
	case *ast.EmptyStmt:
		return " " + strconv.FormatBool(n.Implicit)
	}
	return ""
}
