#!/usr/bin/env bash
# Durable workflows (embedded provider, durability full and normal; Temporal's in-memory server in the same JVM)
# beside plain funcs.call chains, same run: units per second and p50/p99 step latency for 3 sequential activities
# + 1 zero-length timer per unit. Temporal runs fewer units (TEMPORAL-UNITS): its in-memory server does tens per second.
# Usage: bench/workflows.sh [UNITS] [STARTERS] [TEMPORAL-UNITS]
exec bash "$(dirname "$0")/run-java.sh" dev.wippy.bench.WorkflowBench "${1:-10000}" "${2:-100}" "${3:-500}"
