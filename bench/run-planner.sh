#!/usr/bin/env bash
# Delivery planner benchmark (issue 5): planning a run over 1,000,000 pool leads x 2,000 commandes
# versus reading that pool once from the Mongo wire server, as a ratio (target <= 3).
#   bench/run-planner.sh [leads] [commandes]      e.g. bench/run-planner.sh 200000 2000
# SKIP_BUILD=1 reuses bench/target. Needs ~8 GB of heap for 1,000,000 leads (in-memory Mongo + the pool).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -q -Pbench -pl bench -am package -DskipTests
fi
exec java ${BENCH_JAVA_OPTS:--Xmx8g} -cp "bench/target/classes:bench/target/lib/*" \
  fr.rdz.bench.delivery.PlannerBenchmark "$@"
