#!/usr/bin/env bash
# Installs what the benchmark scripts compare against: Debian's lua5.4 and Erlang, and bc for the ratios.
exec bash "$(dirname "$0")/install-packages.sh" lua5.4:lua5.4 erl:erlang-base erlc:erlang-base bc:bc
