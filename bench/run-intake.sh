#!/usr/bin/env bash
# Intake benchmark: sustained POST /public/leads throughput and p50/p99 latency of intake-service
# (real path: rules, Mongo majority write of the lead + outbox, relay to Kafka) against a bare
# WebFlux endpoint that only parses the same JSON into the same record — same machine, same run,
# same JVM heap, same wrk settings. Prints both and the ratio (target: intake >= 0.4 x bare, p99 < 50 ms).
#
#   bench/run-intake.sh                      # 180 s warm-up + 30 s measure each, 16 connections
#   DURATION=60s CONNECTIONS=32 bench/run-intake.sh
#   MONGO_BACKEND=h2 bench/run-intake.sh     # Mongo wire server on its H2 file backend, as ./rdz up runs it
#   STACK_HEAP=-Xmx512m bench/run-intake.sh  # heap of the embedded stack (default -Xmx2g; the services get HEAP)
#   PRELOAD=1000000 STACK_HEAP=-Xmx8g bench/run-intake.sh  # N published leads stored before intake starts:
#                                            # the cost per lead must not grow with the data (issue 17)
#
# Needs wrk (Debian: apt-get install -y wrk). Starts its own embedded stack (Kafka KRaft + Mongo wire
# server with the file backend) on non-default ports, the intake exec jar and the bare endpoint, and
# stops all of them at the end. Builds the bench module and what it needs (-Pbench -pl bench -am); SKIP_BUILD=1 reuses it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

DURATION=${DURATION:-30s}
# the JIT needs minutes to settle on 2 cores: intake's C2 compiles ~22,000 methods (180 s of compiler
# time); after a 30 s warm-up intake ran at a third of its settled rate, which is not what a
# long-running service sees. Both endpoints get the same warm-up.
WARMUP=${WARMUP:-180s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
HEAP=${HEAP:--Xmx512m}
# the embedded stack (Kafka + in-memory Mongo stand-in holding every lead written) needs more than the services
STACK_HEAP=${STACK_HEAP:--Xmx2g}
KAFKA_PORT=${KAFKA_PORT:-29092}
MONGO_PORT=${MONGO_PORT:-28017}
SMTP_PORT=${SMTP_PORT:-22525}
INTAKE_PORT=${INTAKE_PORT:-18081}
BARE_PORT=${BARE_PORT:-18090}
# leads already stored (published) before intake starts and the measure begins; 0 = an empty store
PRELOAD=${PRELOAD:-0}
# memory: Mongo wire server in memory (default); h2: the file backend of ./rdz up (Java-serialises every document)
MONGO_BACKEND=${MONGO_BACKEND:-memory}

# a fresh machine has no wrk: Debian's package is installed when we may (root or sudo)
if ! command -v wrk >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk
  elif command -v sudo >/dev/null; then sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk
  fi
  command -v wrk >/dev/null || { echo "wrk is required: apt-get install -y wrk" >&2; exit 1; }
fi

WORK=$(mktemp -d /tmp/rdz-bench-intake.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_for() { # file pattern seconds
  for _ in $(seq 1 "$3"); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 1; done
  echo "timed out waiting for '$2' in $1" >&2; tail -20 "$1" >&2; exit 1
}

echo "== build (bench and the modules it needs, from this checkout: works on a fresh clone)"
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -q -Pbench -pl bench -am package -DskipTests
fi
CP="$ROOT/bench/target/classes:$ROOT/bench/target/lib/*"
JAR=$(ls intake-service/target/intake-service-*-exec.jar)

echo "== embedded stack (kafka :$KAFKA_PORT, mongo :$MONGO_PORT, mongo backend $MONGO_BACKEND)"
if [ "$MONGO_BACKEND" = h2 ]; then
  java $STACK_HEAP -Drdz.kafka.port="$KAFKA_PORT" -Drdz.mongo.port="$MONGO_PORT" -Drdz.smtp.port="$SMTP_PORT" \
    -cp "$CP" fr.rdz.stack.LocalStackMain "$WORK/var" >"$WORK/stack.log" 2>&1 &
else
  java $STACK_HEAP -cp "$CP" fr.rdz.bench.intake.BenchStack "$WORK/var" "$KAFKA_PORT" "$MONGO_PORT" >"$WORK/stack.log" 2>&1 &
fi
PIDS+=($!); STACK_PID=$!
wait_for "$WORK/stack.log" "RDZ-STACK READY" 120
if [ "$PRELOAD" -gt 0 ]; then
  echo "== pre-loading $PRELOAD stored leads into the Mongo stand-in (the in-memory backend holds them: size STACK_HEAP)"
  java $HEAP -cp "$CP" fr.rdz.bench.intake.PreloadLeads "$MONGO_PORT" "$PRELOAD" >"$WORK/preload.log" 2>&1 \
    || { tail -20 "$WORK/preload.log" >&2; exit 1; }
  grep '^PRELOADED' "$WORK/preload.log"
fi

echo "== intake-service :$INTAKE_PORT"
RDZ_ADMIN_PASSWORD=bench java $HEAP -jar "$JAR" \
  --server.port="$INTAKE_PORT" \
  --spring.kafka.bootstrap-servers="127.0.0.1:$KAFKA_PORT" \
  --spring.data.mongodb.uri="mongodb://127.0.0.1:$MONGO_PORT/rdz_intake" \
  --rdz.intake.rate-limit.enabled=false \
  --logging.level.root=WARN >"$WORK/intake.log" 2>&1 &
PIDS+=($!); INTAKE_PID=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$INTAKE_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break; sleep 1
done
java -cp "$CP" fr.rdz.bench.intake.SeedCatalog "127.0.0.1:$KAFKA_PORT" >"$WORK/seed.log" 2>&1
for _ in $(seq 1 60); do # the catalog reached intake once a lead of PV-001 is pending
  curl -s -H 'Content-Type: application/json' "http://127.0.0.1:$INTAKE_PORT/public/leads" \
    -d "{\"session_id\":\"probe-$RANDOM\",\"form_code\":\"PV-001\",\"phone\":\"0611223344\",\"nom\":\"Probe\",\"departement\":\"75\"}" \
    | grep -q '"status":"pending"' && break; sleep 1
done

echo "== bare WebFlux endpoint :$BARE_PORT"
java $HEAP -cp "$CP" fr.rdz.bench.intake.BareLeadEndpoint "$BARE_PORT" >"$WORK/bare.log" 2>&1 &
PIDS+=($!); BARE_PID=$!
wait_for "$WORK/bare.log" "BARE-ENDPOINT READY" 60

cat >"$WORK/leads.lua" <<'LUA'
-- every request a new session and phone: no double submit, every lead goes through every rule
local next_id = 0
function setup(thread) thread:set("tid", next_id); next_id = next_id + 1 end
local n = 0
function init(args) math.randomseed(os.time() + (tid or 0) * 7919) end
function request()
  n = n + 1
  local phone = string.format("06%08d", math.random(12000000, 91999999))
  local body = string.format('{"session_id":"bench-%d-%d-%d","form_code":"PV-001","phone":"%s",'
    .. '"nom":"Martin","prenom":"Lea","civilite":"Mme","email":"lea.martin@example.fr","code_postal":"75011",'
    .. '"ville":"Paris","adresse":"12 rue Oberkampf","surface_habitable":"120","type_chauffage":"fioul",'
    .. '"rgpd_consent":true,"newsletter":false,"lp_code":"LP-001","utm_campaign":"bench",'
    .. '"page_url":"https://lp.example.fr/formulaire","consent_text":"J accepte d etre recontacte par telephone."}',
    tid or 0, n, math.random(1, 1000000000), phone)
  return wrk.format("POST", "/public/leads",
    {["Content-Type"] = "application/json", ["User-Agent"] = "wrk-bench", ["X-Forwarded-For"] = "10.0.0." .. (n % 250 + 1)}, body)
end
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
LUA

cpu_ticks() { # pid: user+system CPU ticks of the process
  awk '{print $14 + $15}' "/proc/$1/stat"
}

measure() { # name port pid...: CPU per request counts the processes given (the endpoint and what it writes to)
  local name=$1 port=$2; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/leads.lua" "http://127.0.0.1:$port" >/dev/null
  local line pid n total=0 split=""
  local -A before
  for pid in "$@"; do before[$pid]=$(cpu_ticks "$pid"); done
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/leads.lua" "http://127.0.0.1:$port" | grep '^RESULT')
  n=$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/')
  # CPU time per request is steadier than req/s on a shared machine: it does not depend on what else runs
  for pid in "$@"; do
    local ms
    ms=$(awk -v t=$(($(cpu_ticks "$pid") - before[$pid])) -v hz="$(getconf CLK_TCK)" -v n="$n" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')
    split="${split:+$split+}$ms"
    total=$(awk -v a="$total" -v b="$ms" 'BEGIN { printf "%.3f", a + b }')
  done
  line="$line cpu_ms_per_req=$total cpu_split=$split"
  echo "$name ${line#RESULT } load=$(cut -d" " -f1 /proc/loadavg)" >&2
  echo "$line"
}

echo "== load before measuring: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores (other processes share the machine)"
echo "== leads stored before the measure: $PRELOAD pre-loaded (+ what the warm-up writes)"
echo "== measuring: wrk -t$THREADS -c$CONNECTIONS, warm-up $WARMUP, measure $DURATION each"
BARE=$(measure bare "$BARE_PORT" "$BARE_PID")
INTAKE=$(measure intake "$INTAKE_PORT" "$INTAKE_PID" "$STACK_PID")
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

printf '\n%-8s %10s %9s %9s %9s %8s %12s\n' "" "req/s" "p50 ms" "p99 ms" "max ms" "non-2xx" "CPU ms/req"
for row in bare intake; do
  r=$([ "$row" = bare ] && echo "$BARE" || echo "$INTAKE")
  printf '%-8s %10s %9s %9s %9s %8s %12s\n' "$row" "$(field "$r" rps)" "$(field "$r" p50_ms)" "$(field "$r" p99_ms)" \
    "$(field "$r" max_ms)" "$(field "$r" non2xx)" "$(field "$r" cpu_ms_per_req)"
done
echo "(CPU ms/req: bare = its process; intake = intake $(field "$INTAKE" cpu_split | sed 's/+/ + embedded Kafka\/Mongo stack /'))"
awk -v i="$(field "$INTAKE" rps)" -v b="$(field "$BARE" rps)" -v p="$(field "$INTAKE" p99_ms)" 'BEGIN {
  r = i / b; printf "\nratio intake/bare = %.2f (target >= 0.40: %s); intake p99 = %s ms (target < 50: %s)\n",
  r, (r >= 0.4 ? "met" : "NOT met"), p, (p < 50 ? "met" : "NOT met") }'
echo "load after: $(cut -d" " -f1-3 /proc/loadavg)"
grep -E "ERROR" "$WORK/intake.log" | head -5 || true
