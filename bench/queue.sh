#!/usr/bin/env bash
# Publish -> consume -> ack through the memory queue driver with a trivial Lua handler; prints messages per second.
# Usage: bench/queue.sh [MESSAGES]
exec bash "$(dirname "$0")/run-java.sh" dev.wippy.bench.QueueBench "${1:-1000000}"
