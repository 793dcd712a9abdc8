#!/usr/bin/env bash
# What the engine's memory accounting costs: runs the warm Lua programs of ../shared/bench/lua and the process
# benchmarks with the accounting off (-Dwippy.lua.accounting=false), on (the default, no limit) and on with a limit
# that is never reached (every state checked against it), alternating the three in each round so that they share
# the machine's load. Prints, per figure, the best of the rounds with the ratios to "off": the programs' times by
# the CPU their thread used (a loaded machine stretches wall times far more than 5%), the process benchmarks' rates
# by the wall clock, and the CPU seconds each whole benchmark JVM used for the same work.
# Usage: bench/memory-accounting.sh [ROUNDS]   (RUNS=runs per program per round, LIMIT=the limit, default 2GB)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench_dir="${WIPPY_SHARED:-$root/../shared}/bench/lua"
rounds=${1:-3}
limit=${LIMIT:-2GB}
(cd "$root" && ./mvnw -q -B -DskipTests -Dexec.skip package)
jdk_java="$(bash "$root/scripts/find-java.sh")"
cp="$root/bench/target/wippy-bench.jar:$root/bench/target/lib/*"
mapfile -t jvm < <(grep -v '^#' "$root/scripts/jvm.options" | grep -v -e '^$' -e SharedArchive)
configs=(off on limit)
declare -A flags=([off]="-Dwippy.lua.accounting=false" [on]="-Dwippy.lua.accounting=true"
  [limit]="-Dwippy.bench.max_memory=$limit")
declare -A best # "config measure" -> best value
out=$(mktemp); trap 'rm -f "$out"' EXIT

keep() { # config measure value higher-is-better
  local k="$1 $2" old="${best["$1 $2"]:-}"
  if [ -z "$old" ] || { [ "$4" = 1 ] && [ "$(echo "$3 > $old" | bc -l)" = 1 ]; } \
      || { [ "$4" = 0 ] && [ "$(echo "$3 < $old" | bc -l)" = 1 ]; }; then best[$k]=$3; fi
}

cpu_of() { # runs the command with its output in $out; prints the user+system CPU seconds it used
  local TIMEFORMAT='%U %S' t
  t=$( { time "$@" > "$out"; } 2>&1 )
  echo "$t" | tail -1 | awk '{ print $1 + $2 }'
}

for ((r = 1; r <= rounds; r++)); do
  for c in "${configs[@]}"; do
    cpu=$(cpu_of "$jdk_java" "${jvm[@]}" ${flags[$c]} -Dwippy.bench.clock=cpu -Druns="${RUNS:-3}" -cp "$cp" \
      dev.wippy.bench.WarmLua "$bench_dir"/*.lua)
    keep "$c" lua_jvm_cpu_seconds "$cpu" 0
    while read -r name secs; do keep "$c" "$name" "$secs" 0; done < "$out"
    cpu=$(cpu_of "$jdk_java" "${jvm[@]}" ${flags[$c]} -cp "$cp" dev.wippy.bench.ProcessBench 100000 1000 1000 1000000)
    keep "$c" process_jvm_cpu_seconds "$cpu" 0
    while read -r name value; do
      case $name in
        spawns_per_second|ring_messages_per_second) keep "$c" "$name" "$value" 1 ;;
        bytes_per_idle_process) keep "$c" "$name" "$value" 0 ;;
      esac
    done < "$out"
  done
done

printf '%-26s %12s %12s %12s %8s %8s\n' measure off on limit on/off lim/off
for p in "$bench_dir"/*.lua lua_jvm_cpu_seconds spawns_per_second ring_messages_per_second bytes_per_idle_process \
    process_jvm_cpu_seconds; do
  m=$(basename "$p")
  off=${best["off $m"]}; on=${best["on $m"]}; lim=${best["limit $m"]}
  printf '%-26s %12s %12s %12s %8.3f %8.3f\n' "$m" "$off" "$on" "$lim" \
    "$(echo "$on / $off" | bc -l)" "$(echo "$lim / $off" | bc -l)"
done
echo "(programs: CPU seconds of the running thread, lower is better; rates: higher is better; *_jvm_cpu_seconds:"
echo " all the JVM's CPU for the same work; best of $rounds rounds; limit $limit; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg))"
