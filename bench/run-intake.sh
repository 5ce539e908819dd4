#!/usr/bin/env bash
# Intake benchmark: sustained POST /public/leads throughput and p50/p99 latency of intake-service
# (real path: rules, Mongo majority write of the lead + outbox, relay to Kafka) and of its tracking
# endpoints (a visit = POST /public/track/session, lp-visit, event cta_click, event form_start)
# against a bare WebFlux endpoint that only parses the lead JSON into the same record — same machine,
# same run, same JVM heap, same wrk settings. Prints req/s, p50/p99 and CPU ms per request split by
# process, and intake's own CPU per request as a multiple of the bare endpoint's (issue 17 targets:
# leads <= 4x, tracking <= 3x). Then the same figures again after storing PRELOAD leads (default
# 1,000,000) and PRELOAD_SESSIONS (default 5 x PRELOAD) visitor sessions and as many tracking events:
# the cost must not grow (issue 17: within 20 %). The embedded stack is ./rdz up's: Kafka KRaft and
# the Mongo wire server on its H2 file. After each intake measure, one line gives the Mongo commands
# intake sent during it, with their mean time as intake's driver saw them (Micrometer's command timer):
# where a request waits.
#
#   bench/run-intake.sh                      # 180 s warm-up + 30 s measure each, 16 connections, 1 M leads
#                                            # + 5 M sessions + 5 M events stored between the two phases (~40 min)
#   DURATION=60s CONNECTIONS=32 bench/run-intake.sh
#   PRELOAD=0 bench/run-intake.sh            # the empty store only
#   PRELOAD=200000 WARMUP=60s DURATION=20s bench/run-intake.sh  # a modest run
#   MONGO_BACKEND=memory bench/run-intake.sh # Mongo wire server in memory, as the tests run it (holds every
#                                            # document on the heap: size STACK_HEAP, ~3 KB per document)
#   STACK_HEAP=-Xmx4g bench/run-intake.sh    # heap of the embedded stack (default -Xmx2g; the services get HEAP)
#   KEEP_LOGS=/tmp/intake-logs bench/run-intake.sh  # keep the processes' logs (the work dir is deleted at the end)
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
# the embedded stack (Kafka + the Mongo stand-in, its page cache a sixth of this heap) needs more than the services
STACK_HEAP=${STACK_HEAP:--Xmx2g}
# the stack's collector, as ./rdz up runs it (ZGC: G1's young pauses were the p99); STACK_GC=-XX:+UseG1GC compares
STACK_GC=${STACK_GC:--XX:+UseZGC}
KAFKA_PORT=${KAFKA_PORT:-29092}
MONGO_PORT=${MONGO_PORT:-28017}
SMTP_PORT=${SMTP_PORT:-22525}
INTAKE_PORT=${INTAKE_PORT:-18081}
BARE_PORT=${BARE_PORT:-18090}
# leads stored (published) between the empty-store measure and the full-store one; 0 = empty store only
PRELOAD=${PRELOAD:-1000000}
# visitor sessions (and as many tracking events) stored with them
PRELOAD_SESSIONS=${PRELOAD_SESSIONS:-$((PRELOAD * 5))}
# h2: the Mongo wire server on its file, as ./rdz up runs it (default); memory: in memory, as the tests run it
MONGO_BACKEND=${MONGO_BACKEND:-h2}
# extra JVM options of intake, e.g. a profile: INTAKE_OPTS="-XX:StartFlightRecording=filename=/tmp/intake.jfr,settings=profile"
INTAKE_OPTS=${INTAKE_OPTS:-}
# intake's metrics user (its Mongo command timers are read after each intake measure)
METRICS_PASSWORD=bench-metrics
# extra JVM options of the embedded stack, e.g. a GC log or a profiler agent
STACK_OPTS=${STACK_OPTS:-}
# compiler threads stay alive so that their CPU can be told apart from the work's (jit column)
JIT_OPTS="-XX:-UseDynamicNumberOfCompilerThreads"

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
  if [[ -n ${KEEP_LOGS:-} ]]; then # the processes' logs (intake, bare endpoint, stack) stay for reading
    mkdir -p "$KEEP_LOGS" && cp "$WORK"/*.log "$KEEP_LOGS"/ 2>/dev/null || true
    echo "logs kept in $KEEP_LOGS"
  fi
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
  java $STACK_HEAP $STACK_GC $STACK_OPTS -Drdz.kafka.port="$KAFKA_PORT" -Drdz.mongo.port="$MONGO_PORT" -Drdz.smtp.port="$SMTP_PORT" \
    -cp "$CP" fr.rdz.stack.LocalStackMain "$WORK/var" >"$WORK/stack.log" 2>&1 &
else
  java $STACK_HEAP $STACK_GC $STACK_OPTS -cp "$CP" fr.rdz.bench.intake.BenchStack "$WORK/var" "$KAFKA_PORT" "$MONGO_PORT" >"$WORK/stack.log" 2>&1 &
fi
PIDS+=($!); STACK_PID=$!
wait_for "$WORK/stack.log" "RDZ-STACK READY" 120
echo "== intake-service :$INTAKE_PORT"
RDZ_ADMIN_PASSWORD=bench RDZ_METRICS_PASSWORD="$METRICS_PASSWORD" java $HEAP $JIT_OPTS $INTAKE_OPTS -jar "$JAR" \
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
java $HEAP $JIT_OPTS -cp "$CP" fr.rdz.bench.intake.BareLeadEndpoint "$BARE_PORT" >"$WORK/bare.log" 2>&1 &
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

cat >"$WORK/tracking.lua" <<'LUA'
-- a visit: a new visitor opens a session, then its lp-visit, a cta_click and a form_start
-- (sendBeacon bodies, text/plain); the session id comes from the session's answer
local next_id = 0
function setup(thread) thread:set("tid", next_id); next_id = next_id + 1 end
local queue, head, tail = {}, 1, 0
local steps = { "lp-visit", "cta_click", "form_start" }
function request()
  if head <= tail then
    local item = queue[head]; queue[head] = nil; head = head + 1
    local step = steps[item.step]
    if item.step < #steps then tail = tail + 1; queue[tail] = { sid = item.sid, step = item.step + 1 } end
    if step == "lp-visit" then
      return wrk.format("POST", "/public/track/lp-visit", {["Content-Type"] = "text/plain", ["User-Agent"] = "wrk-bench"},
        string.format('{"session_id":"%s","lp_code":"LP-001","utm_source":"google","utm_campaign":"bench"}', item.sid))
    end
    return wrk.format("POST", "/public/track/event", {["Content-Type"] = "text/plain", ["User-Agent"] = "wrk-bench"},
      string.format('{"session_id":"%s","event_type":"%s","lp_code":"LP-001"}', item.sid, step))
  end
  return wrk.format("POST", "/public/track/session", {["Content-Type"] = "application/json", ["User-Agent"] = "wrk-bench"},
    '{"lp_code":"LP-001","utm_source":"google","utm_medium":"cpc","utm_campaign":"bench","referrer":"https://www.google.fr/"}')
end
function response(status, headers, body)
  local sid = body and string.match(body, '"session_id":"([^"]+)"')
  if sid then tail = tail + 1; queue[tail] = { sid = sid, step = 1 } end
end
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
LUA

scrape() { # intake's Micrometer samples (its Mongo driver's command timers among them)
  curl -s -u "metrics:$METRICS_PASSWORD" "http://127.0.0.1:$INTAKE_PORT/actuator/prometheus" || true
}

mongo_commands() { # before after: intake's Mongo commands between two scrapes, as its driver timed them
  awk '
    /^mongodb_driver_commands_seconds_(count|sum)\{/ {
      match($0, /collection="[^"]*"/); c = substr($0, RSTART + 12, RLENGTH - 13)
      match($0, /command="[^"]*"/); k = c " " substr($0, RSTART + 9, RLENGTH - 10)
      v = $NF * (FILENAME == ARGV[1] ? -1 : 1)
      if ($0 ~ /_count\{/) n[k] += v; else t[k] += v
    }
    END { for (k in n) if (n[k] > 0) printf "%s %d x %.2f ms\n", k, n[k], t[k] * 1000 / n[k] }' "$1" "$2" |
    sort | paste -sd ';' - | sed 's/;/; /g'
}

cpu_ticks() { # pid: user+system CPU ticks of the process
  awk '{print $14 + $15}' "/proc/$1/stat"
}

jit_ticks() { # pid: user+system CPU ticks of its JIT compiler threads (kept alive: -XX:-UseDynamicNumberOfCompilerThreads)
  local t sum=0 f
  for t in /proc/"$1"/task/*; do
    grep -q '^C[12] CompilerThre' "$t/comm" 2>/dev/null || continue
    f=$(sed 's/.*) //' "$t/stat" 2>/dev/null) || continue
    sum=$((sum + $(echo "$f" | awk '{print $12 + $13}')))
  done
  echo "$sum"
}

measure() { # name script port pid...: CPU per request counts the processes given (the endpoint and what it writes to)
  local name=$1 script=$2 port=$3; shift 3
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/$script" "http://127.0.0.1:$port" >/dev/null
  local line pid n total=0 split=""
  local -A before jit_before
  for pid in "$@"; do before[$pid]=$(cpu_ticks "$pid"); jit_before[$pid]=$(jit_ticks "$pid"); done
  [ "$port" = "$INTAKE_PORT" ] && scrape >"$WORK/metrics-before.txt"
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/$script" "http://127.0.0.1:$port" | grep '^RESULT')
  if [ "$port" = "$INTAKE_PORT" ]; then # where a request waits: each Mongo round trip, as intake's driver timed it
    scrape >"$WORK/metrics-after.txt"
    echo "  $name, Mongo commands during the measure (count x mean): $(mongo_commands "$WORK/metrics-before.txt" "$WORK/metrics-after.txt")" >&2
  fi
  n=$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/')
  # CPU time per request is steadier than req/s on a shared machine: it does not depend on what else runs
  local jit=""
  for pid in "$@"; do
    local ms
    ms=$(awk -v t=$(($(cpu_ticks "$pid") - before[$pid])) -v hz="$(getconf CLK_TCK)" -v n="$n" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')
    jit="${jit:+$jit+}$(awk -v t=$(($(jit_ticks "$pid") - jit_before[$pid])) -v hz="$(getconf CLK_TCK)" -v n="$n" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')"
    split="${split:+$split+}$ms"
    total=$(awk -v a="$total" -v b="$ms" 'BEGIN { printf "%.3f", a + b }')
  done
  line="$line cpu_ms_per_req=$total cpu_split=$split jit_split=$jit"
  echo "$name ${line#RESULT } load=$(cut -d" " -f1 /proc/loadavg)" >&2
  echo "$line"
}

echo "== load before measuring: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores (other processes share the machine)"
echo "== measuring: wrk -t$THREADS -c$CONNECTIONS, warm-up $WARMUP, measure $DURATION each"
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
ROWS=()
phase() { # label: bare, intake and tracking measured one after the other
  local bare intake tracking
  bare=$(measure "bare ($1)" leads.lua "$BARE_PORT" "$BARE_PID")
  intake=$(measure "intake ($1)" leads.lua "$INTAKE_PORT" "$INTAKE_PID" "$STACK_PID")
  tracking=$(measure "tracking ($1)" tracking.lua "$INTAKE_PORT" "$INTAKE_PID" "$STACK_PID")
  ROWS+=("bare|$1|$bare" "intake|$1|$intake" "tracking|$1|$tracking")
}
phase "empty store"
if [ "$PRELOAD" -gt 0 ]; then
  echo "== storing $PRELOAD leads, $PRELOAD_SESSIONS visitor sessions and as many tracking events"
  java $HEAP -cp "$CP" fr.rdz.bench.intake.PreloadLeads "$MONGO_PORT" "$PRELOAD" "$PRELOAD_SESSIONS" >"$WORK/preload.log" 2>&1 &
  PRELOAD_PID=$!
  while kill -0 "$PRELOAD_PID" 2>/dev/null; do # where it stands, every 30 s
    sleep 30; grep -E ': [0-9]+ of [0-9]+$' "$WORK/preload.log" | tail -1 || true
  done
  wait "$PRELOAD_PID" || { tail -20 "$WORK/preload.log" >&2; exit 1; }
  grep '^PRELOADED' "$WORK/preload.log"
  phase "$PRELOAD leads stored"
fi

printf '\n%-9s %-20s %9s %8s %8s %8s %7s %10s %-13s %-13s %7s %9s\n' "" "store" "req/s" "p50 ms" "p99 ms" "max ms" "non-2xx" "CPU ms/req" "split" "of it JIT" "x bare" "x bare*"
bare_cpu=""
for row in "${ROWS[@]}"; do
  name=${row%%|*}; rest=${row#*|}; store=${rest%%|*}; r=${rest#*|}
  own=$(field "$r" cpu_split | cut -d+ -f1)
  ownjit=$(field "$r" jit_split | cut -d+ -f1)
  if [ "$name" = bare ]; then bare_cpu=$own; bare_work=$(awk -v o="$own" -v j="$ownjit" 'BEGIN { printf "%.4f", o - j }'); fi
  times=$(awk -v o="$own" -v b="$bare_cpu" 'BEGIN { if (b > 0) printf "%.1f", o / b; else print "-" }')
  work=$(awk -v o="$own" -v j="$ownjit" -v b="$bare_work" 'BEGIN { if (b > 0) printf "%.1f", (o - j) / b; else print "-" }')
  printf '%-9s %-20s %9s %8s %8s %8s %7s %10s %-13s %-13s %7s %9s\n' "$name" "$store" "$(field "$r" rps)" "$(field "$r" p50_ms)" \
    "$(field "$r" p99_ms)" "$(field "$r" max_ms)" "$(field "$r" non2xx)" "$(field "$r" cpu_ms_per_req)" "$(field "$r" cpu_split)" \
    "$(field "$r" jit_split)" "$times" "$work"
done
echo "(CPU ms/req: bare = its process; intake and tracking = intake + embedded Kafka/Mongo stack; of it JIT = the part"
echo " spent by the JIT compiler threads, same split; x bare = intake's own CPU per request / the bare endpoint's in the same"
echo " phase, x bare* = the same without JIT compilation — targets: leads <= 4, tracking <= 3; a tracking request is one"
echo " of session, lp-visit, cta_click, form_start in turn. On a loaded machine the JIT gets little CPU during the warm-up and"
echo " keeps compiling in the measure: compare x bare*, and re-run with a longer WARMUP)"
echo "load after: $(cut -d" " -f1-3 /proc/loadavg)"
grep -E "ERROR" "$WORK/intake.log" | head -5 || true
