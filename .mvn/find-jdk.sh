# Sourced by ./mvnw and ./cairn: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if it is new enough, else the newest JDK under /usr/lib/jvm, else `java` on PATH.

cairn_java_major() { # prints the feature version of the JDK at $1, or 0
  local release="$1/release" version
  [ -x "$1/bin/javac" ] || { echo 0; return; }
  if [ -f "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  else
    version=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  fi
  echo "${version:-0}"
}

cairn_find_jdk() {
  local best="" best_major=0 candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ "$(cairn_java_major "$JAVA_HOME")" -ge 21 ]; then
    return 0
  fi
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    [ -L "$candidate" ] && continue
    major=$(cairn_java_major "$candidate")
    if [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
  done
  if [ "$best_major" -lt 21 ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(cairn_java_major "$candidate")
    if [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
  fi
  if [ "$best_major" -lt 21 ]; then
    echo "Cairn needs a JDK 21 or newer; the newest found is ${best_major:-none} (JAVA_HOME=${JAVA_HOME:-unset})." >&2
    echo "Install one (for example Eclipse Temurin 21 or 25, or openjdk-21-jdk) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

cairn_find_jdk || exit 1
