#!/usr/bin/env bash
# Publish -> consume -> ack through the memory queue driver with a trivial Lua handler; prints messages per second.
# Usage: bench/queue.sh [MESSAGES]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && ./mvnw -q -B -DskipTests -Dexec.skip package)
jdk_java="$(bash "$root/scripts/find-java.sh")"
"$jdk_java" $(grep -v '^#' "$root/scripts/jvm.options" | grep -v -e '^$' -e SharedArchive) \
  -cp "$root/bench/target/wippy-bench.jar:$root/bench/target/lib/*" dev.wippy.bench.QueueBench "${1:-1000000}"
