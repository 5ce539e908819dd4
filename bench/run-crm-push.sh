#!/usr/bin/env bash
# CRM push benchmark (issue 7): pushes per second of the real crm-push-service (in-process, embedded Kafka KRaft +
# Mongo wire server) to local CRMs answering 201 after a fixed latency, with the per-host in-flight bound (bulkhead).
# Prints the rate, the ceiling hosts x bound / latency and the highest concurrency the CRM saw.
#
#   bench/run-crm-push.sh                                   # 2000 leads, 1 CRM host, 100 ms, bound 10
#   bench/run-crm-push.sh leads=4000 in-flight=50 hosts=2   # key=value: leads, latency-ms, in-flight, hosts, batch
#
# Builds only crm-push-service (+ compiles fr.rdz.bench.crmpush against its classpath); SKIP_BUILD=1 reuses it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
HEAP=${HEAP:--Xmx1g}
WORK=$(mktemp -d /tmp/rdz-bench-crm-push.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -q -pl crm-push-service package -DskipTests
fi
./mvnw -q -pl crm-push-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp" >/dev/null
CP="$ROOT/crm-push-service/target/classes:$(cat "$WORK/cp")"
mkdir -p "$WORK/classes"
javac -nowarn -d "$WORK/classes" -cp "$CP" bench/src/main/java/fr/rdz/bench/crmpush/*.java
exec java $HEAP -cp "$WORK/classes:$CP" fr.rdz.bench.crmpush.CrmPushBenchmark "$@"
