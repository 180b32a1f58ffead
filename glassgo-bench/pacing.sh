#!/usr/bin/env bash
# pacing.sh: GC pacing of glassgo beside Go 1.19's, on the same workloads. Runs `glassgo lab churn` and
# `glassgo lab bintree` and their Go twins (src/go/pacing/churn.go, bintree.go: same flags, same defaults,
# same object shapes and sizes) built with the real Go 1.19 toolchain, all with GODEBUG=gctrace=1 and the
# same GOMAXPROCS/GOGC/GOMEMLIMIT, and compares what the two gctraces say.
#
#   cycles = number of gctrace lines (completed GC cycles)
#   peak   = the largest heapLive either trace shows: max over all lines of H0 and H1 in
#            "H0->H1->H2 MB" (heapLive when the cycle was triggered and at mark termination, MiB truncated).
#            Between cycles heapLive only grows toward the next trigger, so this is the peak heapLive.
#
# Modes:
#   pacing.sh [pacing]  GOGC=${GOGC:-100}, no limit; ends with one line per workload:
#                           NAME: glassgo C cycles P MB peak, go C cycles P MB peak
#   pacing.sh limit     GOGC=off and GOMEMLIMIT set above each workload's live heap (CHURN_LIMIT, default
#                       100MiB for the ~69 MB churn live set; BINTREE_LIMIT, default 16MiB for bintree's
#                       ~4-6 MB); ends with one line per workload:
#                           NAME: limit L MB, glassgo C cycles P MB peak (+X% over the limit), go C cycles P MB peak (+Y%)
# Environment: GOMAXPROCS (default 2), GOGC (pacing mode, default 100), CHURN_FLAGS, BINTREE_FLAGS (flags
# passed identically to both sides; default: the workloads' defaults), RUNS (default 1: runs per side; with
# more, each figure is the median over the runs, since one run's peak is noisy on both sides),
# GO (default /usr/lib/go-1.19/bin/go), KEEP=dir (keep the traces there).
set -euo pipefail

mode="${1:-pacing}"
case "$mode" in
  pacing|limit) ;;
  *) echo "usage: $0 [pacing|limit]" >&2; exit 2 ;;
esac

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
go="${GO:-/usr/lib/go-1.19/bin/go}"
procs="${GOMAXPROCS:-2}"
[[ -x "$go" ]] || { echo "pacing.sh: no Go toolchain at $go (set GO)" >&2; exit 2; }

work="${KEEP:-$(mktemp -d)}"
mkdir -p "$work"
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT

echo "== building the Go twins with $("$go" version)"
for w in churn bintree; do
  GOCACHE="$work/gocache" GOPATH="$work/gopath" GOFLAGS= GO111MODULE=off \
    "$go" build -o "$work/$w-go" "$here/src/go/pacing/$w.go"
done

echo "== building glassgo"
"$repo/glassgo" lab -h >/dev/null

# summarize TRACE: "C P" = gctrace lines and the largest H0/H1 in MB.
summarize() {
  awk '/^gc [0-9]+ @/ { n++; for (i = 1; i <= NF; i++) if ($(i + 1) == "MB," && $i ~ /->/) {
         split($i, h, "->"); if (h[1] + 0 > m) m = h[1] + 0; if (h[2] + 0 > m) m = h[2] + 0 } }
       END { printf "%d %d\n", n, m }' "$1"
}

# median of the numbers on stdin (the lower middle one for an even count)
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

run_pair() { # name, then env assignments for both sides
  local name="$1"; shift
  local flags runs="${RUNS:-1}" i
  if [[ "$name" == churn ]]; then flags="${CHURN_FLAGS:-}"; else flags="${BINTREE_FLAGS:-}"; fi
  echo "== $name ($*) flags: ${flags:-defaults}; $runs run(s) per side; load $(cut -d' ' -f1-3 /proc/loadavg)"
  : >"$work/$name-glassgo.sum"; : >"$work/$name-go.sum"
  for i in $(seq 1 "$runs"); do
    # shellcheck disable=SC2086
    env GOMAXPROCS="$procs" GODEBUG=gctrace=1 "$@" "$repo/glassgo" lab "$name" $flags \
      >"$work/$name-glassgo.$i.out" 2>"$work/$name-glassgo.$i.trace" \
      || { cat "$work/$name-glassgo.$i.trace" >&2; exit 1; }
    grep '^summary:' "$work/$name-glassgo.$i.out" | sed 's/^/   glassgo /'
    summarize "$work/$name-glassgo.$i.trace" >>"$work/$name-glassgo.sum"
    # shellcheck disable=SC2086
    env GOMAXPROCS="$procs" GODEBUG=gctrace=1 "$@" "$work/$name-go" $flags \
      >"$work/$name-go.$i.out" 2>"$work/$name-go.$i.trace" \
      || { cat "$work/$name-go.$i.trace" >&2; exit 1; }
    summarize "$work/$name-go.$i.trace" >>"$work/$name-go.sum"
    echo "   run $i: glassgo $(tail -n1 "$work/$name-glassgo.sum" | awk '{print $1 " cycles " $2 " MB peak"}'), go $(tail -n1 "$work/$name-go.sum" | awk '{print $1 " cycles " $2 " MB peak"}'); load $(cut -d' ' -f1 /proc/loadavg)"
  done
  local gc_c gc_p go_c go_p
  gc_c=$(awk '{print $1}' "$work/$name-glassgo.sum" | median); gc_p=$(awk '{print $2}' "$work/$name-glassgo.sum" | median)
  go_c=$(awk '{print $1}' "$work/$name-go.sum" | median); go_p=$(awk '{print $2}' "$work/$name-go.sum" | median)
  results+=("$name $gc_c $gc_p $go_c $go_p")
}

results=()
if [[ "$mode" == pacing ]]; then
  run_pair churn GOGC="${GOGC:-100}" GOMEMLIMIT=off
  run_pair bintree GOGC="${GOGC:-100}" GOMEMLIMIT=off
  echo "== pacing (GOGC=${GOGC:-100}, GOMAXPROCS=$procs; peak = max gctrace H0/H1; median of ${RUNS:-1} run(s))"
  for r in "${results[@]}"; do
    read -r name gc_c gc_p go_c go_p <<<"$r"
    echo "$name: glassgo $gc_c cycles $gc_p MB peak, go $go_c cycles $go_p MB peak"
  done
else
  churn_limit="${CHURN_LIMIT:-100MiB}"
  bintree_limit="${BINTREE_LIMIT:-16MiB}"
  run_pair churn GOGC=off GOMEMLIMIT="$churn_limit"
  run_pair bintree GOGC=off GOMEMLIMIT="$bintree_limit"
  echo "== GOMEMLIMIT with GOGC=off (GOMAXPROCS=$procs; peak = max gctrace H0/H1, MiB; median of ${RUNS:-1} run(s))"
  for r in "${results[@]}"; do
    read -r name gc_c gc_p go_c go_p <<<"$r"
    if [[ "$name" == churn ]]; then lim="$churn_limit"; else lim="$bintree_limit"; fi
    lim_mb="${lim%MiB}"
    awk -v n="$name" -v l="$lim_mb" -v a="$gc_c" -v b="$gc_p" -v c="$go_c" -v d="$go_p" 'BEGIN {
      printf "%s: limit %d MB, glassgo %d cycles %d MB peak (%+.1f%% over the limit), go %d cycles %d MB peak (%+.1f%%)\n",
        n, l, a, b, 100 * (b - l) / l, c, d, 100 * (d - l) / l }'
  done
fi
