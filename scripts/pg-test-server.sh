#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and benchmarks: Debian's postgresql package (installed when missing), a
# cluster in folder DIR (made on first start), listening on 127.0.0.1:PORT only, user and password "wippy",
# database "wippy", TLS with a self-signed certificate. PostgreSQL refuses to run as root, so root runs it as the
# package's postgres user.
# Usage: pg-test-server.sh start DIR PORT | restart DIR | stop DIR
set -euo pipefail
action="$1"
dir="$2"
port="${3:-}"
here="$(cd "$(dirname "$0")" && pwd)"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
bin="$(pg_bin)"
if [ -z "$bin" ]; then
  bash "$here/install-packages.sh" pg_ctlcluster:postgresql
  bin="$(pg_bin)"
fi
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
running() { [ -f "$dir/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; }

init() {
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  local pw="$dir.pw"
  echo wippy > "$pw"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$pw"
  as_owner "$bin/initdb" -D "$dir" -U wippy --pwfile="$pw" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pw"
  as_owner openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=localhost \
    -keyout "$dir/server.key" -out "$dir/server.crt" >/dev/null 2>&1
  chmod 600 "$dir/server.key"
  cat >> "$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
ssl = on
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 60
CONF
}

case "$action" in
  start)
    running && as_owner "$bin/pg_ctl" -D "$dir" -m immediate stop >/dev/null
    [ -f "$dir/PG_VERSION" ] || init
    echo "port = $port" > "$dir/port.conf"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/port.conf"
    grep -q "^include_if_exists = 'port.conf'" "$dir/postgresql.conf" \
      || echo "include_if_exists = 'port.conf'" >> "$dir/postgresql.conf"
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null
    PGPASSWORD=wippy "$bin/psql" -h 127.0.0.1 -p "$port" -U wippy -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'wippy'" | grep -q 1 \
      || PGPASSWORD=wippy "$bin/createdb" -h 127.0.0.1 -p "$port" -U wippy wippy
    ;;
  restart)
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -m fast -w -t 60 restart >/dev/null
    ;;
  stop)
    if running; then as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null; fi
    ;;
  *)
    echo "usage: $0 start DIR PORT | restart DIR | stop DIR" >&2
    exit 2
    ;;
esac
