#!/usr/bin/env bash
# Installs what the tests compare against: Debian's lua5.4 (the reference of the differential Lua suite).
exec bash "$(dirname "$0")/install-packages.sh" lua5.4:lua5.4
