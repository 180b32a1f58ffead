#!/usr/bin/env bash
# mark.sh: marking throughput, glassgo against Go 1.19, for the heap shapes of glassgo.bench.gc.MarkBench
# and glassgo-bench/src/go/mark (same shapes, object layouts and sizes). Ends with one line per shape:
#     NAME: glassgo X MB/cpu-s, go Y MB/cpu-s, ratio R        (R = glassgo / go; higher is better)
# MB = MiB of live heap marked (each side's own count of the bytes one mark marks).
#   glassgo: JMH average time of one full mark by one marker thread (wall = CPU), MarkBench.mark.
#   go:      forced cycles of the idle program at GOMAXPROCS=1 under GODEBUG=gctrace=1; CPU per cycle =
#            assist + background + idle mark CPU (the A/B/I of gctrace's cpu field), averaged.
# Usage: glassgo-bench/mark.sh  (bench.sh mark runs it). Environment: GO (default /usr/lib/go-1.19/bin/go),
#        MARK_MB (default 64), JMH_OPTS (default: 1 fork, 3 x 2 s warmup, 5 x 2 s measurement),
#        GO_CYCLES (measured Go cycles, default 10).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
go="${GO:-/usr/lib/go-1.19/bin/go}"
mb="${MARK_MB:-64}"
jmh_opts="${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 2s}"
go_cycles="${GO_CYCLES:-10}"
shapes=(bintree list buffers)

if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1)"
fi
export JAVA_HOME
[[ -x "$JAVA_HOME/bin/java" ]] || { echo "mark.sh: no JDK 25 found (set JAVA_HOME)" >&2; exit 2; }
[[ -x "$go" ]] || { echo "mark.sh: no Go toolchain at $go (set GO)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== building glassgo-bench"
(cd "$repo" && { mvn -B -q -o -pl glassgo-bench -am package -DskipTests || mvn -B -q -pl glassgo-bench -am package -DskipTests; }) >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }
cp "$here/target/benchmarks.jar" "$work/benchmarks.jar"

echo "== glassgo: MarkBench, $mb MiB per shape (JMH $jmh_opts)"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$work/benchmarks.jar" 'glassgo.bench.gc.MarkBench' \
  -p mb="$mb" $jmh_opts | tee "$work/jmh.txt" | grep -E '^(MarkBench\.|Benchmark )'

echo "== go: $go, GOMAXPROCS=1, $go_cycles forced cycles per shape"
(cd "$here/src/go/mark" && GOFLAGS=-mod=mod "$go" build -o "$work/gomark" .)
for s in "${shapes[@]}"; do
  GOMAXPROCS=1 GODEBUG=gctrace=1 "$work/gomark" -shape "$s" -mb "$mb" -cycles "$go_cycles" \
    >"$work/go-$s.out" 2>"$work/go-$s.err"
  grep -A "$go_cycles" '^mark: begin' "$work/go-$s.err" | grep '^gc ' | tail -n 3 | sed 's/^/   /'
done

echo "== marking throughput (MB = MiB marked per mark)"
for s in "${shapes[@]}"; do
  g_bytes="$(grep -o "MARKED $s [0-9]*" "$work/jmh.txt" | head -n1 | awk '{print $3}')"
  g_ms="$(awk -v s="$s" '$1 == "MarkBench.mark" && $3 == s {print $6}' "$work/jmh.txt")"
  go_bytes="$(awk '/^mark: live/ {print $3}' "$work/go-$s.out")"
  # gctrace cpu field "C1+A/B/I+C3 ms cpu": the marking CPU is A+B+I.
  go_ms="$(grep -A "$go_cycles" '^mark: begin' "$work/go-$s.err" | grep '^gc ' \
    | sed -E 's/.* ms clock, ([^ ]+) ms cpu.*/\1/' \
    | awk -F'[+/]' '{sum += $2 + $3 + $4; n++} END {if (n) printf "%.6f", sum / n}')"
  if [[ -z "$g_bytes" || -z "$g_ms" || -z "$go_bytes" || -z "$go_ms" ]]; then
    echo "$s: missing figures (glassgo bytes=$g_bytes ms=$g_ms, go bytes=$go_bytes ms=$go_ms)" >&2
    continue
  fi
  awk -v s="$s" -v gb="$g_bytes" -v gms="$g_ms" -v ob="$go_bytes" -v oms="$go_ms" 'BEGIN {
    g = (gb / 1048576) / (gms / 1000); o = (ob / 1048576) / (oms / 1000);
    printf "%s: glassgo %.0f MB/cpu-s, go %.0f MB/cpu-s, ratio %.2f\n", s, g, o, g / o }'
done
