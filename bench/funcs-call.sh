#!/usr/bin/env bash
# funcs.call of a trivial Lua function from a process, printed beside plain Lua calls in the same run.
# Usage: bench/funcs-call.sh [CALLS]
exec bash "$(dirname "$0")/run-java.sh" dev.wippy.bench.FuncsBench "${1:-500000}"
