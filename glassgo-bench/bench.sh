#!/usr/bin/env bash
# bench.sh: runs a glassgo JMH benchmark suite and the same benchmarks on the real Go 1.19 toolchain,
# in one go, and prints one comparison line per benchmark:
#     NAME: glassgo X ns/op, go Y ns/op, ratio R        (R = glassgo / go; lower is better)
# Suite check is not JMH: it parses and type-checks all of std in one warm JVM, as `glassgo check std`,
# and prints  check std: P packages, L lines, T s warm (min of N; median M s), R lines/s
#
# Suite pacing is not JMH: pacing.sh runs the lab's churn and bintree workloads and their Go twins with
# gctrace and ends with one line per workload:  NAME: glassgo C cycles P MB peak, go C cycles P MB peak
# (`bench.sh pacing limit` checks GOMEMLIMIT instead). Suite mark is mark.sh (marking throughput).
#
# Usage: glassgo-bench/bench.sh malloc|sched|check|pacing [limit]|mark
# Environment: GLASSGO_SHARED (default <repo>/../shared), GO (default /usr/lib/go-1.19/bin/go),
#              JMH_OPTS (default: 1 fork, 3 x 1 s warmup, 3 x 1 s measurement),
#              CHECK_ITERATIONS (suite check: "WARMUPS ITERATIONS", default "2 5").
set -euo pipefail

suite="${1:-}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case "$suite" in
  pacing) exec "$here/pacing.sh" "${@:2}" ;;
  mark) exec "$here/mark.sh" "${@:2}" ;;
esac
case "$suite" in
  malloc) jmh_class="glassgo.bench.MallocBench"; go_dir="bench/gobench/malloc" ;;
  # sched: the Go side is Go's own runtime package benchmarks (chan_test.go, proc_test.go).
  sched) jmh_class="glassgo.bench.sched.SchedBench"; go_dir="" ;;
  check) jmh_class=""; go_dir="" ;;
  *) echo "usage: $0 malloc|sched|check|pacing [limit]|mark" >&2; exit 2 ;;
esac

repo="$(cd "$here/.." && pwd)"
shared="${GLASSGO_SHARED:-$repo/../shared}"
go="${GO:-/usr/lib/go-1.19/bin/go}"
jmh_opts="${JMH_OPTS:--f 1 -wi 3 -w 1s -i 3 -r 1s}"

if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1)"
fi
export JAVA_HOME
[[ -x "$JAVA_HOME/bin/java" ]] || { echo "bench.sh: no JDK 25 found (set JAVA_HOME)" >&2; exit 2; }
[[ -z "$go_dir" || -d "$shared/$go_dir" ]] || { echo "bench.sh: Go benchmarks not found in $shared/$go_dir (set GLASSGO_SHARED)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== building glassgo-bench"
(cd "$repo" && { mvn -B -q -o -pl glassgo-bench -am package -DskipTests || mvn -B -q -pl glassgo-bench -am package -DskipTests; }) >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }

if [[ "$suite" == check ]]; then
  # Same JVM flags as ./glassgo (deep recursion in the checker needs the large stack).
  echo "== glassgo check std, warm JVM (warm-ups, iterations: ${CHECK_ITERATIONS:-2 5})"
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" -XX:+UseParallelGC -Xss16m -cp "$here/target/benchmarks.jar" \
    glassgo.bench.check.CheckStdBench ${CHECK_ITERATIONS:-2 5}
  exit 0
fi

if [[ "$suite" == malloc ]]; then
echo "== glassgo (JMH $jmh_opts) — a glassgo program at GOMAXPROCS=1 with the collector (GOGC=${GOGC:-100})"
echo "   frees all objects but the sink through the sweep (allocBits <- gcmarkBits, empty spans back to"
echo "   the page allocator); that reset is amortized into ns/op, as Go's GC cycles are into Go's."
else
echo "== glassgo (JMH $jmh_opts) — each invocation runs a whole program of b.N ops (start-up amortized)"
fi
# shellcheck disable=SC2086
# JMH holds a machine-wide lock (/tmp/jmh.lock) so that two benchmark runs never share the CPUs:
# if another run holds it, wait for it rather than measure both at once.
for attempt in $(seq 1 20); do
  if "$JAVA_HOME/bin/java" -jar "$here/target/benchmarks.jar" "$jmh_class" $jmh_opts -bm avgt -tu ns \
       -rf csv -rff "$work/jmh.csv" >"$work/jmh.log" 2>&1; then
    break
  fi
  grep -q 'Unable to acquire the JMH lock' "$work/jmh.log" || { cat "$work/jmh.log" >&2; exit 1; }
  echo "   (another JMH run holds /tmp/jmh.lock; waiting, attempt $attempt)"
  sleep 30
done
[[ -s "$work/jmh.csv" ]] || { cat "$work/jmh.log" >&2; exit 1; }
grep -E '^(Benchmark|MallocBench|SchedBench)' "$work/jmh.log"

if [[ "$suite" == sched ]]; then
  echo "== go ($("$go" version)): runtime package, ChanSync on GOMAXPROCS=ncpu, PingPongHog sets GOMAXPROCS=1"
  GOROOT="${GOROOT:-$(dirname "$(dirname "$go")")}" "$go" test -run=NONE -bench='ChanSync|PingPongHog' runtime | tee "$work/go.log"
else
echo "== go ($("$go" version)), GOMAXPROCS=1"
(cd "$shared/$go_dir" && GOMAXPROCS=1 GOFLAGS=-mod=mod "$go" test -bench=. -run='^$') | tee "$work/go.log"
fi

echo "== comparison"
# JMH csv: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
awk -F, 'NR > 1 { gsub(/"/, "", $1); n = split($1, p, "."); print p[n], $5 }' "$work/jmh.csv" >"$work/glassgo.txt"
# One line per Go benchmark, in Go's order.
awk 'NR == FNR { ours[$1] = $2; next }
     /^Benchmark/ && /ns\/op/ { name = $1; sub(/^Benchmark/, "", name); sub(/-[0-9]+$/, "", name);
       for (i = 1; i < NF; i++) if ($(i + 1) == "ns/op") goNs = $i;
       if (name in ours) printf "%s: glassgo %.1f ns/op, go %.1f ns/op, ratio %.2f\n", name, ours[name], goNs, ours[name] / goNs;
       else printf "%s: glassgo n/a, go %.1f ns/op\n", name, goNs }' "$work/glassgo.txt" "$work/go.log"
