#!/usr/bin/env bash
# Installs what the benchmark scripts compare against: Debian's lua5.4 and Erlang (erlang-base), and bc for the
# ratios. Idempotent; uses sudo only when not root.
set -euo pipefail
missing=()
command -v lua5.4 >/dev/null 2>&1 || missing+=(lua5.4)
command -v erl >/dev/null 2>&1 || missing+=(erlang-base)
command -v bc >/dev/null 2>&1 || missing+=(bc)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y -q "${missing[@]}" >/dev/null 2>&1; then
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q "${missing[@]}" >/dev/null
fi
