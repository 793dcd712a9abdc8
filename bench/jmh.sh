#!/usr/bin/env bash
# Runs the JMH suite of the hot paths (bench/src/main/java/dev/wippy/bench/jmh) with short settings and prints its
# table: one fork, 3 warm-up and 5 measured iterations of one second each. JMH's progress goes to
# bench/target/jmh.log. The forked JVM inherits the launcher's JVM options from this one.
# Usage: bench/jmh.sh [REGEX] [JMH-OPTIONS...]  (REGEX selects benchmarks by name, e.g. 'Table|funcs'; an option
# given replaces the short setting of the same name, e.g. -i 10)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && ./mvnw -q -B -DskipTests -Dexec.skip -pl bench -am package)
jdk_java="$(bash "$root/scripts/find-java.sh")"
results="$root/bench/target/jmh-results.txt"
# JMH refuses an option given twice: keep only the short settings that the caller did not give
settings=()
for setting in "-f 1" "-wi 3" "-i 5" "-w 1s" "-r 1s"; do
  [[ " $* " == *" ${setting%% *} "* ]] || settings+=($setting)
done
"$jdk_java" $(grep -v '^#' "$root/scripts/jvm.options" | grep -v -e '^$' -e SharedArchive) \
  -cp "$root/bench/target/wippy-bench.jar:$root/bench/target/lib/*" org.openjdk.jmh.Main \
  "${settings[@]}" -o "$root/bench/target/jmh.log" -rf text -rff "$results" "$@"
uptime
cat "$results"
