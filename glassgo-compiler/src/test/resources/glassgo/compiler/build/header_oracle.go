// Oracle for GoFileReaderTest: for each file named on stdin, go/parser's view of its header
// (package name, imports with positions) in ImportsOnly mode, as go/build uses it.
package main

import (
	"bufio"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for in.Scan() {
		name := in.Text()
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			fmt.Fprintf(w, "%s|error\n", name)
			continue
		}
		var imps []string
		for _, s := range f.Imports {
			p, _ := strconv.Unquote(s.Path.Value)
			pos := fset.Position(s.Pos())
			imps = append(imps, fmt.Sprintf("%s@%d:%d", p, pos.Line, pos.Column))
		}
		fmt.Fprintf(w, "%s|%s|%s\n", name, f.Name.Name, strings.Join(imps, ","))
	}
}
