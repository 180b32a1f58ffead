//go:build ignore

// churn.go: the Go twin of `glassgo lab churn` (glassgo-cli's lab/Churn.java), for comparing the two
// runtimes' GC pacing (glassgo-bench/pacing.sh). Same flags, same defaults, same object shapes:
// a live set of slots in a global array split between goroutines; each op allocates a new object
// struct{ self *byte; payload [size-8]byte } (self points at its own payload, so every object has a
// pointer to scan) and stores it over a random slot of its goroutine, dropping the old object.
//
//	GODEBUG=gctrace=1 go run churn.go -live 64 -ops 1000000
package main

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

// live is the live set, reachable from a global as in the glassgo workload.
var live []unsafe.Pointer

func objectSize(size int64) int64 {
	s := (size + 7) &^ 7
	if s < 16 {
		s = 16
	}
	return s
}

// newObject allocates one churn object of type t (size sz), points self at the payload and touches
// the payload's first and last bytes, as Churn.newObject does.
func newObject(t reflect.Type, sz int64) unsafe.Pointer {
	p := reflect.New(t).UnsafePointer()
	*(**byte)(p) = (*byte)(unsafe.Add(p, 8))
	*(*byte)(unsafe.Add(p, 8)) = 1
	*(*byte)(unsafe.Add(p, sz-1)) = 1
	return p
}

func main() {
	liveMB := flag.Float64("live", 64, "live set to maintain, MB")
	ops := flag.Int64("ops", 1000000, "replacements in total")
	sizesFlag := flag.String("sizes", "16,64,512,4096,40000", "object sizes in bytes, drawn uniformly")
	goroutines := flag.Int("goroutines", 4, "goroutines sharing the work")
	seed := flag.Int64("seed", 1, "seed of the random choices")
	flag.Parse()

	var sizes []int64
	for _, f := range strings.Split(*sizesFlag, ",") {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil || n <= 0 {
			fmt.Fprintln(os.Stderr, "churn: -sizes must be positive integers")
			os.Exit(2)
		}
		sizes = append(sizes, n)
	}
	types := make([]reflect.Type, len(sizes))
	objSizes := make([]int64, len(sizes))
	var total int64
	for i, s := range sizes {
		sz := objectSize(s)
		objSizes[i] = sz
		types[i] = reflect.StructOf([]reflect.StructField{
			{Name: "Self", Type: reflect.TypeOf((*byte)(nil))},
			{Name: "Payload", Type: reflect.ArrayOf(int(sz-8), reflect.TypeOf(byte(0)))},
		})
		total += sz
	}
	avg := total / int64(len(sizes))
	nslots := int64(*liveMB*(1<<20)) / avg
	if nslots > (1<<31-1)/16 {
		nslots = (1<<31 - 1) / 16
	}
	if nslots < int64(*goroutines) {
		nslots = int64(*goroutines)
	}
	live = make([]unsafe.Pointer, nslots)

	var wg sync.WaitGroup
	G := int64(*goroutines)
	for k := int64(0); k < G; k++ {
		lo, hi := nslots*k/G, nslots*(k+1)/G
		myOps := *ops / G
		if k < *ops%G {
			myOps++
		}
		rnd := rand.New(rand.NewSource(*seed*1000003 + k))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := lo; s < hi; s++ {
				i := rnd.Intn(len(types))
				live[s] = newObject(types[i], objSizes[i])
			}
			for n := int64(0); n < myOps; n++ {
				s := lo + rnd.Int63n(hi-lo)
				i := rnd.Intn(len(types))
				live[s] = newObject(types[i], objSizes[i])
			}
			for s := lo; s < hi; s++ {
				live[s] = nil
			}
		}()
	}
	wg.Wait()
	fmt.Printf("churn: live=%.1fMB in %d objects (mean %d B), ops=%d, sizes=%s, goroutines=%d\n",
		float64(nslots*avg)/(1<<20), nslots, avg, *ops, *sizesFlag, *goroutines)
}
