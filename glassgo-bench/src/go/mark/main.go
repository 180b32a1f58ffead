// Command mark: Go 1.19's side of glassgo-bench/mark.sh. It builds a heap of one shape (the same shapes,
// sizes and object layouts as glassgo.bench.gc.MarkBench), then runs forced GC cycles with the program
// idle. Run it with GODEBUG=gctrace=1: after the line "mark: begin" on stderr, every gctrace line is a
// measured cycle whose assist+background+idle CPU (the "A/B/I" of its cpu field) is the marking CPU.
// It prints "mark: live N bytes" (HeapAlloc after a full cycle: the bytes each cycle marks).
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
)

// node is a binary-tree node: two pointers and a word, 24 bytes (size class 24), as MarkBench's.
type node struct {
	left, right *node
	val         int
}

// link is a list cell: one pointer and five words, 48 bytes (size class 48).
type link struct {
	next *link
	pay  [5]int
}

// buf is a pointer-free 1 KiB buffer.
type buf [1024]byte

var (
	trees   []*node
	lists   []*link
	buffers []*buf
)

func tree(depth int) *node {
	n := &node{val: depth}
	if depth > 0 {
		n.left = tree(depth - 1)
		n.right = tree(depth - 1)
	}
	return n
}

func build(shape string, bytes int64) {
	switch shape {
	case "bintree":
		// Trees of depth 15: 65535 nodes of 24 bytes each.
		per := int64(65535 * 24)
		for have := int64(0); have < bytes; have += per {
			trees = append(trees, tree(15))
		}
	case "list":
		// Lists of 65536 cells of 48 bytes.
		per := int64(65536 * 48)
		for have := int64(0); have < bytes; have += per {
			var head *link
			for i := 0; i < 65536; i++ {
				head = &link{next: head, pay: [5]int{i}}
			}
			lists = append(lists, head)
		}
	case "buffers":
		for have := int64(0); have < bytes; have += 1024 {
			buffers = append(buffers, new(buf))
		}
	default:
		fmt.Fprintln(os.Stderr, "mark: unknown shape", shape)
		os.Exit(2)
	}
}

func main() {
	shape := flag.String("shape", "bintree", "heap shape: bintree, list or buffers")
	mb := flag.Int64("mb", 64, "MiB of objects to build")
	warmups := flag.Int("warmups", 3, "forced cycles before measuring")
	cycles := flag.Int("cycles", 10, "measured forced cycles")
	flag.Parse()
	build(*shape, *mb<<20)
	for i := 0; i < *warmups; i++ {
		runtime.GC()
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("mark: live %d bytes\n", ms.HeapAlloc)
	fmt.Fprintln(os.Stderr, "mark: begin")
	for i := 0; i < *cycles; i++ {
		runtime.GC()
	}
	runtime.KeepAlive(trees)
	runtime.KeepAlive(lists)
	runtime.KeepAlive(buffers)
}
