#!/usr/bin/env bash
# Prints the java executable of a JDK 25 or newer: JAVA_HOME when it is one, else the first found in the standard
# JVM folders. Exits 1 when there is none.
java_major() { # the major version of the JDK in folder $1, from its release file
  local release="$1/release"
  [ -f "$release" ] || return 1
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

find_java() {
  local candidates=("${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*
    "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home)
  local c major
  for c in "${candidates[@]}"; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] || continue
    major="$(java_major "$c" || true)"
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      echo "$c/bin/java"
      return 0
    fi
  done
  return 1
}

find_java
