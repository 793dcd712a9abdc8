#!/usr/bin/env bash
# Durable workflows (embedded provider, durability full and normal) beside plain funcs.call chains, same run:
# units per second and p50/p99 step latency for 3 sequential activities + 1 zero-length timer per unit.
# Usage: bench/workflows.sh [UNITS] [STARTERS]
exec bash "$(dirname "$0")/run-java.sh" dev.wippy.bench.WorkflowBench "${1:-10000}" "${2:-100}"
