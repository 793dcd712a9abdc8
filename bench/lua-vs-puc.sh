#!/usr/bin/env bash
# Runs every program of ../shared/bench/lua under lua5.4 and under our engine in one run and prints, per program,
# the ratio ours/lua5.4: cold (whole process, JVM start included, best of 3) and warm (best of several runs inside
# one JVM). Each program's output must first be the same as lua5.4's, and a program that fails fails the run.
# Usage: bench/lua-vs-puc.sh [program.lua ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench_dir="${WIPPY_SHARED:-$root/../shared}/bench/lua"
bash "$root/scripts/install-bench-deps.sh" >/dev/null
(cd "$root" && ./mvnw -q -B -DskipTests -Dexec.skip package)

if [ $# -gt 0 ]; then programs=("$@"); else programs=("$bench_dir"/*.lua); fi

seconds() { # best wall time of 3 runs of the given command
  local best="" t0 t1 d
  for _ in 1 2 3; do
    t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
    d=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$d < $best" | bc -l)" = 1 ]; then best=$d; fi
  done
  printf '%.3f' "$best"
}

# a timing of a program that prints something else than lua5.4 (or fails) means nothing
for p in "${programs[@]}"; do
  name=$(basename "$p")
  if ! expected=$(cd "$(dirname "$p")" && lua5.4 "$name"); then
    echo "$name: failed under lua5.4" >&2; exit 1
  fi
  if ! actual=$(cd "$(dirname "$p")" && "$root/wippy" lua "$name"); then
    echo "$name: failed under our engine" >&2; exit 1
  fi
  if [ "$actual" != "$expected" ]; then
    echo "$name: output differs from lua5.4's" >&2
    diff <(echo "$expected") <(echo "$actual") | head -20 >&2
    exit 1
  fi
done

warm_cp="$root/bench/target/wippy-bench.jar:$root/bench/target/lib/*"
jdk_java="$(bash "$root/scripts/find-java.sh")"
warm_out=$(mktemp)
trap 'rm -f "$warm_out"' EXIT
if ! "$jdk_java" $(grep -v '^#' "$root/scripts/jvm.options" | grep -v -e '^$' -e SharedArchive) \
    -Druns="${RUNS:-5}" -cp "$warm_cp" dev.wippy.bench.WarmLua "${programs[@]}" > "$warm_out"; then
  echo "the warm runs failed" >&2; exit 1
fi
declare -A warm
while read -r name secs; do warm[$name]=$secs; done < "$warm_out"

printf '%-18s %9s %9s %7s %9s %7s\n' program lua5.4 cold cold/x warm warm/x
log_cold=0; log_warm=0; n=0
for p in "${programs[@]}"; do
  name=$(basename "$p")
  puc=$(cd "$(dirname "$p")" && seconds lua5.4 "$name")
  cold=$(cd "$(dirname "$p")" && seconds "$root/wippy" lua "$name")
  w=${warm[$name]}
  rc=$(echo "$cold / $puc" | bc -l); rw=$(echo "$w / $puc" | bc -l)
  printf '%-18s %9.3f %9.3f %7.2f %9.3f %7.2f\n' "$name" "$puc" "$cold" "$rc" "$w" "$rw"
  log_cold=$(echo "$log_cold + l($rc)" | bc -l); log_warm=$(echo "$log_warm + l($rw)" | bc -l); n=$((n + 1))
done
printf '%-18s %9s %9s %7.2f %9s %7.2f\n' "geometric mean" "" "" \
  "$(echo "e($log_cold / $n)" | bc -l)" "" "$(echo "e($log_warm / $n)" | bc -l)"
