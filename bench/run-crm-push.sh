#!/usr/bin/env bash
# CRM push benchmark (issue 7): pushes per second of the real crm-push-service (in-process, embedded Kafka KRaft +
# Mongo wire server) to local CRMs answering 201 after a fixed latency, with the per-host in-flight bound (bulkhead).
# Prints the rate, the ceiling hosts x bound / latency and the highest concurrency the CRM saw.
#
#   bench/run-crm-push.sh                                   # 2000 leads, 1 CRM host, 100 ms, bound 10
#   bench/run-crm-push.sh leads=4000 in-flight=50 hosts=2   # key=value: leads, latency-ms, in-flight, hosts, batch
#
# Builds the bench module and what it needs (-Pbench -pl bench -am: works on a fresh clone); SKIP_BUILD=1 reuses it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
HEAP=${HEAP:--Xmx1g}

# the bench module and the modules it needs, built from this checkout (a fresh clone has none in ~/.m2)
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -q -Pbench -pl bench -am package -DskipTests
fi
# crm-push-service first: its application.yml must win over the other services' jars in lib/
exec java $HEAP -cp "bench/target/classes:$(ls bench/target/lib/crm-push-service-*.jar):bench/target/lib/*" \
  fr.rdz.bench.crmpush.CrmPushBenchmark "$@"
