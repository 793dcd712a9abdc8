#!/usr/bin/env bash
# Start-up time, same run: `wippy run -x` of a one-process app and `wippy lua` of an empty script (through the
# launcher, with its trained ahead-of-time cache), beside lua5.4 on the same script and an Erlang VM that starts and
# stops. Prints the best and the median of RUNS runs, in milliseconds. Usage: bench/startup.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=${1:-10}
bash "$root/scripts/install-bench-deps.sh" >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/app/src"
printf 'directories:\n  src: ./src\n' > "$work/app/wippy.lock"
cat > "$work/app/src/_index.yaml" <<'YAML'
namespace: app
entries:
  - { name: terminal, kind: terminal.host, lifecycle: { auto_start: true } }
  - { name: hello, kind: process.lua, source: file://hello.lua, method: main, modules: [io] }
YAML
echo 'return { main = function() require("io").print("hello") return 0 end }' > "$work/app/src/hello.lua"
: > "$work/empty.lua"
"$root/wippy" run --dir "$work/app" -x app:hello >/dev/null # builds and trains the cache when needed

# best and median wall milliseconds of running "$@" $runs times
measure() {
  local times=() t0 t1
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%6d %6d\n", a[1], a[int((NR + 1) / 2)] }'
}

printf '%-34s %6s %6s\n' command best median
printf '%-34s %s\n' "wippy run -x (one process)" "$(measure "$root/wippy" run --dir "$work/app" -x app:hello)"
printf '%-34s %s\n' "wippy lua (empty script)" "$(measure "$root/wippy" lua "$work/empty.lua")"
printf '%-34s %s\n' "lua5.4 (empty script)" "$(measure lua5.4 "$work/empty.lua")"
printf '%-34s %s\n' "erl -noshell -s init stop" "$(measure erl -noshell -s init stop)"
echo "(milliseconds, $runs runs each, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
