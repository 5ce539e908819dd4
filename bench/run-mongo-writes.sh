#!/usr/bin/env bash
# Cost of durable acknowledged writes on the local Mongo stand-in (issue 13, defect 5): lead-sized
# acknowledged inserts against the wire server on its H2 file — before (answered at once, MVStore
# committed ~1/s in the background), with group commit (answered once in the file) and with group
# commit + fsync (-Drdz.stack.fsync=true). Prints writes/s, p50/p99 and CPU µs per write.
#   bench/run-mongo-writes.sh [seconds=15] [threads=1,16]
# Builds only deploy/local (+ common-events) and compiles fr.rdz.bench.stack against it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
WORK=$(mktemp -d /tmp/rdz-bench-mongo.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
./mvnw -q -pl deploy/local -am package -DskipTests
./mvnw -q -pl deploy/local -am dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp" >/dev/null
CP="$ROOT/deploy/local/target/classes:$(cat "$WORK/cp")"
mkdir -p "$WORK/classes"
javac -nowarn -d "$WORK/classes" -cp "$CP" bench/src/main/java/fr/rdz/bench/stack/*.java
java ${BENCH_JAVA_OPTS:--Xmx1g} -Dlogback.configurationFile="$ROOT/deploy/local/logback-stack.xml" \
  -cp "$WORK/classes:$CP" fr.rdz.bench.stack.MongoWriteBenchmark "$@"
