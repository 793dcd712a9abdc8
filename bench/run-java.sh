#!/usr/bin/env bash
# Builds the project and runs one of the in-JVM benchmark drivers with the launcher's JVM options.
# Usage: bench/run-java.sh MAIN-CLASS [ARGS...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && ./mvnw -q -B -DskipTests -Dexec.skip package)
jdk_java="$(bash "$root/scripts/find-java.sh")"
main="$1"
shift
# WIPPY_CONSOLE=ADDR runs the benchmark with the web console on ADDR and one of its pages open
exec "$jdk_java" $(grep -v '^#' "$root/scripts/jvm.options" | grep -v -e '^$' -e SharedArchive) \
  ${WIPPY_CONSOLE:+-Dwippy.bench.console=$WIPPY_CONSOLE} \
  -cp "$root/bench/target/wippy-bench.jar:$root/bench/target/lib/*" "$main" "$@"
