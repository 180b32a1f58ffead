#!/usr/bin/env bash
# no-stacktrace.sh: issue 5's bar 5. Runs `glassgo run` over every program of Go's test/ tree (each top-level
# .go file of the directories goconform uses, whatever its recipe: run, errorcheck, compile, build, ...) and
# flags any whose output shows a Java stack trace or exception instead of Go's output, Go's
# `file:line:col: message` errors or a one-line `glassgo:` message. Prints the offenders and a count; exit 1 if
# any. -r limits it to the `// run` tests.
#
#   scripts/no-stacktrace.sh [-j N] [-t SECONDS] [-r] [GOROOT_TEST_DIR]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jobs=2
timeout=30
runonly=0
while getopts "j:t:r" o; do
  case "$o" in
    j) jobs="$OPTARG" ;;
    t) timeout="$OPTARG" ;;
    r) runonly=1 ;;
    *) echo "usage: $0 [-j N] [-t SECONDS] [-r] [GOROOT/test]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
testdir="${1:-/usr/share/go-1.19/test}"
# KEEP=dir keeps every program's output there
if [ -n "${KEEP:-}" ]; then
  out="$KEEP"; mkdir -p "$out"
else
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi

"$root/glassgo" env GOVERSION >/dev/null   # build once before the parallel runs

cd "$testdir"
for d in . ken chan interface fixedbugs typeparam; do
  for f in "$d"/*.go; do
    # the recipe is the first line of the file's first paragraph (a +build line is skipped)
    first="$(grep -v -m1 -E '^// \+build|^//go:build' "$f" || true)"
    if [ "$runonly" = 0 ] || [[ "$first" =~ ^//\ run(\ |$) ]]; then echo "${f#./}"; fi
  done
done >"$out/list"

check() {
  local f="$1" log
  log="$out/$(echo "$f" | tr / _).log"
  timeout -k 5 "$timeout" "$root/glassgo" run "$f" >"$log" 2>&1 </dev/null || true
  if grep -q -E $'^\tat |Exception in thread|java\\.lang\\.|\\.java:[0-9]+\\)' "$log"; then
    echo "$f: $(grep -m1 -E $'^\tat |Exception|java\\.lang\\.' "$log")"
  fi
}
export -f check
export root out timeout runonly
xargs -a "$out/list" -P "$jobs" -I{} bash -c 'check "$@"' _ {} >"$out/bad"
total=$(wc -l <"$out/list")
bad=$(wc -l <"$out/bad")
sort "$out/bad"
echo "no-stacktrace: $bad of $total programs show a Java stack trace or exception"
[ "$bad" -eq 0 ]
