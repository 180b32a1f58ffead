//go:build ignore

// bintree.go: the Go twin of `glassgo lab bintree` (glassgo-cli's lab/BinaryTrees.java), the Benchmarks
// Game's binary-trees, for comparing the two runtimes' GC pacing (glassgo-bench/pacing.sh). Same flag,
// same default, same shape: a stretch tree of depth max+1, a long-lived tree of depth max in a global,
// and 2^(max-d+4) trees of depth d for d = 4, 6, ..., max, one goroutine per depth.
//
//	GODEBUG=gctrace=1 go run bintree.go -depth 16
package main

import (
	"flag"
	"fmt"
	"sync"
)

const minDepth = 4

type Node struct{ left, right *Node }

var longLivedTree *Node

func bottomUp(d int) *Node {
	if d <= 0 {
		return &Node{}
	}
	return &Node{bottomUp(d - 1), bottomUp(d - 1)}
}

func (n *Node) itemCheck() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.itemCheck() + n.right.itemCheck()
}

func main() {
	depth := flag.Int("depth", 16, "maximum tree depth")
	flag.Parse()
	maxDepth := *depth
	if maxDepth < minDepth+2 {
		maxDepth = minDepth + 2
	}
	stretch := maxDepth + 1
	fmt.Printf("stretch tree of depth %d\t check: %d\n", stretch, bottomUp(stretch).itemCheck())

	longLivedTree = bottomUp(maxDepth)

	levels := (maxDepth-minDepth)/2 + 1
	lines := make([]string, levels)
	var wg sync.WaitGroup
	for i := 0; i < levels; i++ {
		i := i
		d := minDepth + 2*i
		wg.Add(1)
		go func() {
			defer wg.Done()
			iterations := 1 << (maxDepth - d + minDepth)
			check := 0
			for k := 0; k < iterations; k++ {
				check += bottomUp(d).itemCheck()
			}
			lines[i] = fmt.Sprintf("%d\t trees of depth %d\t check: %d", iterations, d, check)
		}()
	}
	wg.Wait()
	for _, l := range lines {
		fmt.Println(l)
	}
	fmt.Printf("long lived tree of depth %d\t check: %d\n", maxDepth, longLivedTree.itemCheck())
}
