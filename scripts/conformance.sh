#!/usr/bin/env bash
# Runs Go 1.19's own conformance suites against glassgo's front end: the shared goconform
# harness (see its README.md) with `glassgo check` as the runner.
#
#   scripts/conformance.sh typecheck  [goconform args]   files that must compile: no false errors
#   scripts/conformance.sh errorcheck [goconform args]   files that must fail: the expected errors
#
# Extra arguments go to goconform unchanged, e.g. --filter '^fixedbugs/' -j 2 --json out.json
# --tags linux,amd64,gc,test_run (without cgo, to model CGO_ENABLED=0 as glassgo builds).
# The harness is found at $GLASSGO_SHARED/conformance (or $GLASSGO_SHARED itself), else at
# <repo>/../shared/conformance.
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"

usage() {
  echo "usage: scripts/conformance.sh typecheck|errorcheck [goconform args...]" >&2
}

[ $# -ge 1 ] || { usage; exit 2; }
suite="$1"
shift
case "$suite" in
  typecheck) runner_flag=--runner-check ;;
  errorcheck) runner_flag=--runner-err ;;
  -h|--help) usage; exit 0 ;;
  *) echo "conformance.sh: unknown suite '$suite'" >&2; usage; exit 2 ;;
esac

goconform=""
for cand in ${GLASSGO_SHARED:+"$GLASSGO_SHARED/conformance/goconform" "$GLASSGO_SHARED/goconform"} \
            "$repo/../shared/conformance/goconform"; do
  if [ -f "$cand" ]; then
    goconform="$cand"
    break
  fi
done
if [ -z "$goconform" ]; then
  echo "conformance.sh: goconform not found; set GLASSGO_SHARED to the shared directory" \
       "(the one holding conformance/goconform)" >&2
  exit 1
fi
command -v python3 >/dev/null || { echo "conformance.sh: python3 (3.11+) is needed to run goconform" >&2; exit 1; }

# Build glassgo once now: goconform starts many runners in parallel, and each would
# otherwise find the build missing and start its own Maven build.
if ! "$repo/glassgo" env >/dev/null; then
  echo "conformance.sh: ./glassgo does not start; fix the build first" >&2
  exit 1
fi

# Run a snapshot of that build: ./glassgo rebuilds whenever a source file is newer than its
# last build, so edits made while a long run is going would make parallel runners rebuild
# (and fail) midway. The snapshot holds the launcher and the built jars but no sources, so it
# never rebuilds. GLASSGO_CONFORM_LIVE=1 runs ./glassgo itself instead.
launcher="$repo/glassgo"
snapshot=""
if [ "${GLASSGO_CONFORM_LIVE:-0}" != 1 ]; then
  snapshot="$(mktemp -d "${TMPDIR:-/tmp}/glassgo-conform.XXXXXX")"
  mkdir -p "$snapshot/scripts" "$snapshot/glassgo-cli/target"
  cp "$repo/glassgo" "$snapshot/"
  cp "$repo/scripts/jdk.sh" "$snapshot/scripts/"
  cp "$repo"/glassgo-cli/target/*.jar "$snapshot/glassgo-cli/target/"
  cp -r "$repo/glassgo-cli/target/lib" "$snapshot/glassgo-cli/target/"
  touch "$snapshot/glassgo-cli/target/.glassgo-built"
  launcher="$snapshot/glassgo"
fi

# goconform splits the runner like a shell does, so quote the path.
runner="$(printf '%q' "$launcher") check"
status=0
python3 "$goconform" --suite "$suite" "$runner_flag" "$runner" "$@" || status=$?
[ -z "$snapshot" ] || rm -rf "$snapshot"
exit "$status"
