# Sourced by ./glassgo and ./test.sh: finds a JDK 25 (or newer) and sets GLASSGO_JAVA_HOME.
# Order: $JAVA_HOME if it is 25+, then any JDK 25+ under /usr/lib/jvm. Otherwise says what to install.

glassgo_java_feature() {  # prints the feature release of the JDK at $1, e.g. 25
  local release="$1/release"
  [ -f "$release" ] || return 1
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

glassgo_find_jdk() {
  local cand v
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
    v=$(glassgo_java_feature "$cand") || continue
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then
      GLASSGO_JAVA_HOME="$cand"
      return 0
    fi
  done
  cat >&2 <<'MSG'
glassgo: no JDK 25 found (checked $JAVA_HOME and /usr/lib/jvm/*).
glassgo: install one, e.g. Eclipse Temurin 25 (package temurin-25-jdk), or set JAVA_HOME to a JDK 25 or newer.
MSG
  return 1
}
