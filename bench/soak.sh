#!/usr/bin/env bash
# Soak test, not part of `mvn verify`: in one booted app, spawns and ends SOAK_PROCESSES processes, sends
# SOAK_MESSAGES messages and makes SOAK_CALLS funcs.call calls, spread over SOAK_WAVES waves, and goes on with waves
# of the same size until SOAK_MINUTES have passed (the totals alone take about a minute on two cores). After each
# wave it measures the live heap after full collections; it fails when the heap after the last wave is more than 10%
# above the heap after the first. Writes bench/target/soak.csv and the plot docs/soak.png. A short run:
# SOAK_PROCESSES=200000 SOAK_MESSAGES=2000000 SOAK_CALLS=200000 SOAK_MINUTES=0 bench/soak.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
processes=${SOAK_PROCESSES:-5000000}
messages=${SOAK_MESSAGES:-50000000}
calls=${SOAK_CALLS:-5000000}
waves=${SOAK_WAVES:-20}
minutes=${SOAK_MINUTES:-10}
# the plot's text needs fonts, which fontconfig brings along
bash "$root/scripts/install-packages.sh" fc-list:fontconfig
(cd "$root" && ./mvnw -q -B -DskipTests -Dexec.skip package)
jdk_java="$(bash "$root/scripts/find-java.sh")"
exec "$jdk_java" $(grep -v '^#' "$root/scripts/jvm.options" | grep -v -e '^$' -e SharedArchive) \
  -Djava.awt.headless=true \
  -cp "$root/bench/target/wippy-bench.jar:$root/bench/target/lib/*" dev.wippy.bench.SoakBench \
  "$processes" "$messages" "$calls" "$waves" "$minutes" "$root/bench/target/soak.csv" "$root/docs/soak.png"
