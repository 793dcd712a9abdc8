#!/usr/bin/env bash
# Installs what the benchmark scripts compare against: Debian's lua5.4, LuaJIT and Erlang, bc for the ratios, and wrk for HTTP load.
exec bash "$(dirname "$0")/install-packages.sh" lua5.4:lua5.4 luajit:luajit erl:erlang-base erlc:erlang-base bc:bc wrk:wrk
