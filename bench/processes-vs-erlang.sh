#!/usr/bin/env bash
# Runs the process benchmarks (spawn rate, heap per idle process, message ring) under our runtime and under Erlang
# in the same run and prints the figures side by side. Usage: bench/processes-vs-erlang.sh [SPAWNS IDLE SIZE HOPS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
spawns=${1:-200000}; idle=${2:-100000}; size=${3:-1000}; hops=${4:-2000000}
bash "$root/scripts/install-bench-deps.sh" >/dev/null
(cd "$root" && ./mvnw -q -B -DskipTests -Dexec.skip package)

jdk_java="$(bash "$root/scripts/find-java.sh")"
# WIPPY_CONSOLE=ADDR runs our side with the web console on ADDR and its processes page open;
# WIPPY_HISTOGRAM=1 prints where an idle process's bytes go (live objects by class, per process) to stderr
ours=$("$jdk_java" $(grep -v '^#' "$root/scripts/jvm.options" | grep -v -e '^$' -e SharedArchive) \
  ${WIPPY_CONSOLE:+-Dwippy.bench.console=$WIPPY_CONSOLE} ${WIPPY_HISTOGRAM:+-Dwippy.bench.histogram=true} \
  -cp "$root/bench/target/wippy-bench.jar:$root/bench/target/lib/*" dev.wippy.bench.ProcessBench \
  "$spawns" "$idle" "$size" "$hops")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
erlc -o "$work" "$root/bench/erlang/procs.erl"
theirs=$(erl -noshell -pa "$work" -run procs main "$spawns" "$idle" "$size" "$hops" -s init stop)

printf '%-26s %14s %14s %8s\n' measure wippy erlang wippy/erl
while read -r name value; do
  other=$(echo "$theirs" | awk -v n="$name" '$1 == n { print $2 }')
  printf '%-26s %14s %14s %8.2f\n' "$name" "$value" "$other" "$(echo "$value / $other" | bc -l)"
done <<< "$ours"
echo "(spawns=$spawns idle=$idle ring: $size processes, $hops hops; $(nproc) cores)"
