#!/usr/bin/env bash
# funcs.call of a trivial Lua function from a process, printed beside plain Lua calls in the same run.
# Usage: bench/funcs-call.sh [CALLS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && ./mvnw -q -B -DskipTests -Dexec.skip package)
jdk_java="$(bash "$root/scripts/find-java.sh")"
"$jdk_java" $(grep -v '^#' "$root/scripts/jvm.options" | grep -v -e '^$' -e SharedArchive) \
  -cp "$root/bench/target/wippy-bench.jar:$root/bench/target/lib/*" dev.wippy.bench.FuncsBench "${1:-500000}"
