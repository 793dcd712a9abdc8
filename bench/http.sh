#!/usr/bin/env bash
# HTTP throughput and latency on loopback with wrk, side by side in one run:
#   (a) the server the runtime uses with a plain Java handler returning the same bytes (the ceiling),
#   (b) the http-hello example's GET /hello (a Lua handler),
#   (c) its GET /greet/{name} (funcs.call + JSON encode).
# Usage: bench/http.sh [CONNECTIONS] [SECONDS] [WRK-THREADS]   (defaults: 64 connections, 10 s per endpoint
# after a warm-up of all of them, 1 wrk thread: on 2 cores a second one takes the server's core, and even the
# ceiling's p99 then mostly measures wrk and the server waiting for each other)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
connections="${1:-64}"
seconds="${2:-10}"
threads="${3:-1}"
bash "$root/scripts/install-bench-deps.sh"
(cd "$root" && ./mvnw -q -B -DskipTests -Dexec.skip package)
java="$(bash "$root/scripts/find-java.sh")"
mapfile -t options < <(grep -v '^#' "$root/scripts/jvm.options" | grep -v -e '^$' -e SharedArchive)

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { "$java" -cp "$root/bench/target/wippy-bench.jar" dev.wippy.bench.FreePort; }
await_port() {
  for _ in $(seq 1 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on port $1" >&2
  exit 1
}

plain_port="$(free_port)"
"$java" "${options[@]}" -cp "$root/bench/target/wippy-bench.jar:$root/bench/target/lib/*" \
  dev.wippy.bench.PlainHttpServer "$plain_port" >"$work/plain.log" 2>&1 &
pids+=($!)

app_port="$(free_port)"
cp -r "$root/examples/http-hello" "$work/app"
sed -i "s/addr: \":8080\"/addr: \"127.0.0.1:$app_port\"/" "$work/app/src/_index.yaml"
"$java" "${options[@]}" -jar "$root/cli/target/wippy.jar" run -s --dir "$work/app" >"$work/app.log" 2>&1 &
pids+=($!)
await_port "$plain_port"
await_port "$app_port"

# warm-up: every endpoint gets load first, so that the JIT has compiled the paths of all three
for url in "http://127.0.0.1:$plain_port/hello" "http://127.0.0.1:$app_port/hello" \
  "http://127.0.0.1:$app_port/greet/JVM" "http://127.0.0.1:$app_port/hello"; do
  wrk -t"$threads" -c"$connections" -d5s "$url" >/dev/null
done

# one wrk run: prints "requests/s p50 p99" (latencies in ms)
measure() {
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

read -r a_rps a_p50 a_p99 < <(measure "http://127.0.0.1:$plain_port/hello")
read -r b_rps b_p50 b_p99 < <(measure "http://127.0.0.1:$app_port/hello")
read -r c_rps c_p50 c_p99 < <(measure "http://127.0.0.1:$app_port/greet/JVM")

echo "wrk -t$threads -c$connections -d${seconds}s on loopback, $(nproc) cores"
printf '| %-44s | %10s | %8s | %8s | %8s |\n' "endpoint" "requests/s" "p50 ms" "p99 ms" "vs (a)"
printf '|%s|%s|%s|%s|%s|\n' "----------------------------------------------" "------------" "----------" "----------" "----------"
row() { printf '| %-44s | %10s | %8s | %8s | %7s%% |\n' "$1" "$2" "$3" "$4" "$(awk -v x="$2" -v a="$a_rps" 'BEGIN { printf "%.0f", 100 * x / a }')"; }
row "(a) Helidon + plain Java handler" "$a_rps" "$a_p50" "$a_p99"
row "(b) GET /hello (Lua handler)" "$b_rps" "$b_p50" "$b_p99"
row "(c) GET /greet/{name} (funcs.call + JSON)" "$c_rps" "$c_p50" "$c_p99"
