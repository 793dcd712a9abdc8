#!/usr/bin/env bash
# What the engine's memory accounting costs: runs the warm Lua programs of ../shared/bench/lua and the process
# benchmarks with the accounting off (-Dwippy.lua.accounting=false), on (the default, no limit) and on with a limit
# that is never reached (every state checked against it), alternating the three in each round so that they share
# the machine's load, and prints each figure's best with the ratios to "off".
# Usage: bench/memory-accounting.sh [ROUNDS]   (RUNS=runs per program per round, LIMIT=the limit, default 2GB)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench_dir="${WIPPY_SHARED:-$root/../shared}/bench/lua"
rounds=${1:-2}
limit=${LIMIT:-2GB}
(cd "$root" && ./mvnw -q -B -DskipTests -Dexec.skip package)
jdk_java="$(bash "$root/scripts/find-java.sh")"
cp="$root/bench/target/wippy-bench.jar:$root/bench/target/lib/*"
mapfile -t jvm < <(grep -v '^#' "$root/scripts/jvm.options" | grep -v -e '^$' -e SharedArchive)
configs=(off on limit)
declare -A flags=([off]="-Dwippy.lua.accounting=false" [on]="-Dwippy.lua.accounting=true"
  [limit]="-Dwippy.bench.max_memory=$limit")
declare -A best # "config measure" -> best value (seconds: lowest; per second: highest)

keep() { # config measure value higher-is-better
  local k="$1 $2" old="${best["$1 $2"]:-}"
  if [ -z "$old" ] || { [ "$4" = 1 ] && [ "$(echo "$3 > $old" | bc -l)" = 1 ]; } \
      || { [ "$4" = 0 ] && [ "$(echo "$3 < $old" | bc -l)" = 1 ]; }; then best[$k]=$3; fi
}

for ((r = 1; r <= rounds; r++)); do
  for c in "${configs[@]}"; do
    while read -r name secs; do keep "$c" "$name" "$secs" 0; done < <(
      "$jdk_java" "${jvm[@]}" ${flags[$c]} -Druns="${RUNS:-3}" -cp "$cp" dev.wippy.bench.WarmLua "$bench_dir"/*.lua)
    while read -r name value; do
      case $name in spawns_per_second|ring_messages_per_second) keep "$c" "$name" "$value" 1 ;; esac
    done < <("$jdk_java" "${jvm[@]}" ${flags[$c]} -cp "$cp" dev.wippy.bench.ProcessBench 100000 1000 1000 1000000)
  done
done

printf '%-26s %12s %12s %12s %8s %8s\n' measure off on limit on/off lim/off
for p in "$bench_dir"/*.lua spawns_per_second ring_messages_per_second; do
  m=$(basename "$p")
  off=${best["off $m"]}; on=${best["on $m"]}; lim=${best["limit $m"]}
  printf '%-26s %12s %12s %12s %8.3f %8.3f\n' "$m" "$off" "$on" "$lim" \
    "$(echo "$on / $off" | bc -l)" "$(echo "$lim / $off" | bc -l)"
done
echo "(seconds for programs: lower is better; per-second rates: higher is better; best of $rounds rounds; limit $limit; $(nproc) cores)"
