#!/usr/bin/env bash
# Runs every program of ../shared/bench/lua under lua5.4, LuaJIT and our engine in one run and prints, per program,
# the ratios ours/lua5.4 and ours/LuaJIT: cold (whole process, JVM start included, best of 3) and warm (best of
# several runs inside one JVM). Each program's output must first be the same as lua5.4's, and a program that fails
# fails the run. LuaJIT implements Lua 5.1: a program that fails under it or prints something else (5.4-only
# features such as integers) has no LuaJIT time, shown as n/a.
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
declare -A jit_ok
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
  if [ "$(cd "$(dirname "$p")" && luajit "$name" 2>/dev/null)" = "$expected" ]; then jit_ok[$name]=1; fi
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

printf '%-18s %8s %8s %8s %7s %8s %8s %7s %8s\n' program lua5.4 luajit cold cold/x cold/jit warm warm/x warm/jit
log_cold=0; log_warm=0; n=0; log_cold_jit=0; log_warm_jit=0; n_jit=0
for p in "${programs[@]}"; do
  name=$(basename "$p")
  puc=$(cd "$(dirname "$p")" && seconds lua5.4 "$name")
  cold=$(cd "$(dirname "$p")" && seconds "$root/wippy" lua "$name")
  w=${warm[$name]}
  rc=$(echo "$cold / $puc" | bc -l); rw=$(echo "$w / $puc" | bc -l)
  log_cold=$(echo "$log_cold + l($rc)" | bc -l); log_warm=$(echo "$log_warm + l($rw)" | bc -l); n=$((n + 1))
  jit=n/a; rcj=n/a; rwj=n/a
  if [ -n "${jit_ok[$name]:-}" ]; then
    jit=$(cd "$(dirname "$p")" && seconds luajit "$name")
    rcj=$(echo "$cold / $jit" | bc -l); rwj=$(echo "$w / $jit" | bc -l)
    log_cold_jit=$(echo "$log_cold_jit + l($rcj)" | bc -l); log_warm_jit=$(echo "$log_warm_jit + l($rwj)" | bc -l)
    rcj=$(printf '%.2f' "$rcj"); rwj=$(printf '%.2f' "$rwj")
    n_jit=$((n_jit + 1))
  fi
  printf '%-18s %8.3f %8s %8.3f %7.2f %8s %8.3f %7.2f %8s\n' "$name" "$puc" "$jit" "$cold" "$rc" "$rcj" "$w" "$rw" "$rwj"
done
gm_cold_jit=n/a; gm_warm_jit=n/a
if [ "$n_jit" -gt 0 ]; then
  gm_cold_jit=$(printf '%.2f' "$(echo "e($log_cold_jit / $n_jit)" | bc -l)")
  gm_warm_jit=$(printf '%.2f' "$(echo "e($log_warm_jit / $n_jit)" | bc -l)")
fi
printf '%-18s %8s %8s %8s %7.2f %8s %8s %7.2f %8s\n' "geometric mean" "" "" "" \
  "$(echo "e($log_cold / $n)" | bc -l)" "$gm_cold_jit" "" "$(echo "e($log_warm / $n)" | bc -l)" "$gm_warm_jit"
