#!/usr/bin/env bash
# Inserts and point selects per second through the sql module beside plain JDBC on the same database, a SQLite
# file and a throwaway PostgreSQL server (started under bench/target/pg, stopped at the end), with 1 and 8
# concurrent workers. Usage: bench/sql.sh [OPERATIONS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pg_dir="$root/bench/target/pg"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
mkdir -p "$root/bench/target"
if bash "$root/scripts/pg-test-server.sh" start "$pg_dir" "$port"; then
  trap 'bash "$root/scripts/pg-test-server.sh" stop "$pg_dir"' EXIT
  pg_port="$port"
else
  echo "PostgreSQL could not be started: measuring SQLite only" >&2
  pg_port=""
fi
bash "$root/bench/run-java.sh" dev.wippy.bench.SqlBench "${1:-8000}" $pg_port
