#!/usr/bin/env bash
# The project's test command: sets up what a fresh machine needs, then builds and runs every test.
#   ./test.sh            default suite (well under 30 minutes on 2 cores)
#   ./test.sh --long     also the long suites (stress, full conformance checks)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
cd "$root"
long=false
[ "${1:-}" = "--long" ] && long=true

# 1. Go 1.19 from Debian: the GOROOT glassgo reads std from, and the oracle for comparisons.
if [ ! -d /usr/share/go-1.19/src ] || [ ! -x /usr/lib/go-1.19/bin/go ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test.sh: installing golang-1.19-src golang-1.19-go" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-1.19-src golang-1.19-go >/dev/null
  else
    echo "test.sh: Go 1.19 is missing; run as root: apt-get install -y golang-1.19-src golang-1.19-go" >&2
    exit 1
  fi
fi

# 2. A JDK 25.
. "$root/scripts/jdk.sh"
glassgo_find_jdk || exit 1
export JAVA_HOME="$GLASSGO_JAVA_HOME"
command -v mvn >/dev/null || { echo "test.sh: Maven is missing: apt-get install -y maven" >&2; exit 1; }

# 3. Build and test every module (Maven Surefire prints the totals).
mvn -B -ntp -Dglassgo.long=$long install
