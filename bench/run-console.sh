#!/usr/bin/env bash
# Console benchmark: the server answer time of every console page with LEADS leads stored (default
# 100,000), p50/p95 per page, measured through the console as an operator's browser calls it
# (signed-in session, console → services with the operator's token).
#
#   bench/run-console.sh                   # 100,000 leads, 10 warm-up passes over every page, then 3 warm-up
#                                          # + 20 measured requests per page (WARMUP_PASSES, WARMUP, SAMPLES)
#   LEADS=20000 SAMPLES=40 bench/run-console.sh
#   SKIP_BUILD=1 bench/run-console.sh      # reuse the jars built by a previous run
#   ONLY='Formulaires|Leads, nom' bench/run-console.sh   # only the pages whose name matches (extended regex)
#   CONSOLE_OPTS='-Xlog:gc:file=/tmp/console-gc.log' ROUTING_OPTS='-XX:StartFlightRecording=filename=/tmp/r.jfr' …
#                                          # extra JVM options of the console / routing (GC log, JFR recording)
#
# Steps: builds bench and the services it starts (-Pbench -pl bench,… -am: works on a fresh clone);
# starts its own stack (Kafka KRaft + Mongo wire server in memory, the stand-in of the ITs) on
# non-default ports; starts routing-service on an empty database and creates the catalog through
# its admin API (LPs, forms, clients, commandes: fr.rdz.bench.console.SeedConsoleData catalog);
# stops routing and stores LEADS routing records with their figures in bulk (SeedConsoleData leads:
# the documents routing stores when it routes a lead, then the documented rebuild of the read
# models: the markers in read_models removed); starts routing (which rebuilds its read models at
# start-up: the time is printed), delivery, notifier, crm-push and the console; signs in as admin
# and measures each page with curl, one request at a time: wall time p50/p95/max, and the CPU time
# the server processes (console, services, Kafka/Mongo stack) spent per request — steadier than wall
# time on a shared machine, and about what a request takes on an idle one. The first row, the login
# page, calls no service: the floor of the machine at that moment. Stops everything it started at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

LEADS=${LEADS:-100000}
SAMPLES=${SAMPLES:-20}
WARMUP=${WARMUP:-3}
# passes over every page before any is measured: the console, routing and the stack then run the code
# the JIT compiled for them, as in a console that has served a morning; the measured figures are those
# of a console in service, not of JVMs just started (WARMUP_PASSES=0: the first requests after a start)
WARMUP_PASSES=${WARMUP_PASSES:-10}
HEAP=${HEAP:--Xmx384m}
ROUTING_HEAP=${ROUTING_HEAP:--Xmx1g}
STACK_HEAP=${STACK_HEAP:--Xmx3g}
KAFKA_PORT=${KAFKA_PORT:-29192}
MONGO_PORT=${MONGO_PORT:-28117}
BASE_PORT=${BASE_PORT:-18180}
CONSOLE_PORT=$BASE_PORT
ROUTING_PORT=$((BASE_PORT + 2)); DELIVERY_PORT=$((BASE_PORT + 3)); NOTIFIER_PORT=$((BASE_PORT + 4)); CRM_PUSH_PORT=$((BASE_PORT + 5))
PASSWORD=bench-admin
VERSION=1.0.0-SNAPSHOT

WORK=$(mktemp -d /tmp/rdz-bench-console.XXXXXX)
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
wait_up() { # name port seconds
  for _ in $(seq 1 "$3"); do
    curl -fs "http://127.0.0.1:$2/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && return 0; sleep 1
  done
  echo "$1 not UP on :$2" >&2; tail -30 "$WORK/$1.log" >&2; exit 1
}

echo "== build (bench and the services it starts, from this checkout: works on a fresh clone)"
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -q -Pbench -pl bench,routing-service,delivery-service,notifier-service,crm-push-service,console -am package -DskipTests
fi
CP="$ROOT/bench/target/classes:$ROOT/routing-service/target/routing-service-$VERSION.jar:$ROOT/bench/target/lib/*"

export RDZ_ADMIN_PASSWORD=$PASSWORD
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
start_service() { # name port jar mongo-db [extra args…]
  local name=$1 port=$2 jar=$3 db=$4 heap=$HEAP; shift 4
  local opts=""
  [[ "$name" == routing ]] && heap=$ROUTING_HEAP && opts=${ROUTING_OPTS:-}
  # the console's metadata threshold as ./rdz, docker-compose and deploy/k8s set it
  [[ "$name" == console ]] && opts="${CONSOLE_METASPACE--XX:MetaspaceSize=128m} ${CONSOLE_OPTS:-}"
  # shellcheck disable=SC2086
  MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT/$db" java $heap -XX:+UseSerialGC $opts -jar "$jar" \
    --spring.profiles.active=local --server.port="$port" --logging.level.root=WARN --logging.level.fr.rdz=INFO "$@" >>"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  eval "${name//-/_}_PID=$!"
}

echo "== embedded stack (kafka :$KAFKA_PORT, mongo :$MONGO_PORT in memory)"
java $STACK_HEAP -cp "$CP" fr.rdz.bench.intake.BenchStack "$WORK/var" "$KAFKA_PORT" "$MONGO_PORT" >"$WORK/stack.log" 2>&1 &
PIDS+=($!); STACK_PID=$!
wait_for "$WORK/stack.log" "RDZ-STACK READY" 120

echo "== catalog through routing's admin API"
start_service routing "$ROUTING_PORT" "routing-service/target/routing-service-$VERSION-exec.jar" rdz_routing
wait_up routing "$ROUTING_PORT" 180
java $HEAP -cp "$CP" fr.rdz.bench.console.SeedConsoleData catalog "http://127.0.0.1:$ROUTING_PORT" "$PASSWORD" "$WORK/catalog.json"
kill "$routing_PID"; wait "$routing_PID" 2>/dev/null || true

echo "== $LEADS leads stored in bulk (routing stopped)"
java $HEAP -cp "$CP" fr.rdz.bench.console.SeedConsoleData leads "mongodb://127.0.0.1:$MONGO_PORT/rdz_routing" "$LEADS" "$WORK/catalog.json"
LEAD_ID=$(cat "$WORK/lead-ids.txt")

echo "== routing (rebuilds its read models at start-up), delivery, notifier, crm-push, console :$CONSOLE_PORT"
T0=$SECONDS
start_service routing "$ROUTING_PORT" "routing-service/target/routing-service-$VERSION-exec.jar" rdz_routing
wait_up routing "$ROUTING_PORT" 900
echo "   routing UP (read models rebuilt) in $((SECONDS - T0)) s"
start_service delivery "$DELIVERY_PORT" "delivery-service/target/delivery-service-$VERSION-exec.jar" rdz_delivery
start_service notifier "$NOTIFIER_PORT" "notifier-service/target/notifier-service-$VERSION-exec.jar" rdz_notifier
start_service crm-push "$CRM_PUSH_PORT" "crm-push-service/target/crm-push-service-$VERSION-exec.jar" rdz_crm_push
RDZ_ROUTING_URL="http://127.0.0.1:$ROUTING_PORT" RDZ_DELIVERY_URL="http://127.0.0.1:$DELIVERY_PORT" \
  RDZ_NOTIFIER_URL="http://127.0.0.1:$NOTIFIER_PORT" RDZ_CRM_PUSH_URL="http://127.0.0.1:$CRM_PUSH_PORT" \
  RDZ_INTAKE_URL="http://127.0.0.1:9" \
  start_service console "$CONSOLE_PORT" "console/target/console-$VERSION-exec.jar" unused --spring.thymeleaf.cache=true
for s in delivery:$DELIVERY_PORT notifier:$NOTIFIER_PORT crm-push:$CRM_PUSH_PORT console:$CONSOLE_PORT; do
  wait_up "${s%%:*}" "${s##*:}" 300
done

echo "== sign in to the console as admin"
JAR="$WORK/cookies"
CSRF=$(curl -fs -c "$JAR" -b "$JAR" "http://127.0.0.1:$CONSOLE_PORT/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
SIGNED=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$JAR" -b "$JAR" --data-urlencode "username=admin" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" "http://127.0.0.1:$CONSOLE_PORT/login")
if [[ "$SIGNED" != "http://127.0.0.1:$CONSOLE_PORT/" ]]; then
  echo "sign-in failed (sent to '$SIGNED')" >&2; tail -30 "$WORK/console.log" >&2; exit 1
fi
# an operator scoped to ZR7 (the local profile's user zr7), for the rows marked ZR7:
JAR_ZR7="$WORK/cookies-zr7"
CSRF=$(curl -fs -c "$JAR_ZR7" -b "$JAR_ZR7" "http://127.0.0.1:$CONSOLE_PORT/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$JAR_ZR7" -b "$JAR_ZR7" --data-urlencode "username=zr7" \
  --data-urlencode "password=${RDZ_ZR7_PASSWORD:-rdz-local-zr7}" --data-urlencode "_csrf=$CSRF" "http://127.0.0.1:$CONSOLE_PORT/login"
# the first dashboard of a cold console on a loaded machine may outlast the services' timeout: a few tries
for _ in 1 2 3 4 5; do
  curl -s -b "$JAR" "http://127.0.0.1:$CONSOLE_PORT/" | grep -q "Tableau de bord" && break; sleep 2
done

declare -a PAGES=(
  "Connexion (aucun service)|/login"
  "Tableau de bord, hier|/?period=hier"
  "Tableau de bord, semaine|/?period=semaine"
  "Tableau de bord, 30 jours|/?period=30j"
  "Formulaires & LP|/forms"
  "Clients|/clients"
  "Commandes|/commandes"
  "Leads, sans filtre|/leads"
  "Leads, téléphone|/leads?phone=0600012345"
  "Leads, nom|/leads?name=helene"
  "Leads, nom (opérateur ZR7)|ZR7:/leads?name=helene"
  "Leads, nom + formulaire|/leads?name=helene&form=FORM"
  "Leads, e-mail|/leads?email=paul.martin.777%40example.fr"
  "Leads, statut|/leads?status=no_order"
  "Leads, formulaire|/leads?form=FORM"
  "Fiche d'un lead|/leads/$LEAD_ID"
  "Livraisons|/runs"
  "Échecs|/failures"
  "Qualité|/quality"
  "Formulaires & LP, à nouveau (fin)|/forms"
)
FORM=$(grep -o '"code":"[A-Z]*-[0-9]*"' "$WORK/catalog.json" | head -1 | cut -d'"' -f4)

SERVER_PIDS=("$STACK_PID" "$routing_PID" "$delivery_PID" "$notifier_PID" "$crm_push_PID" "$console_PID")
cpu_ticks() { # user+system CPU ticks of the server processes: console routing stack others
  local pid c r s o=0
  for pid in "${SERVER_PIDS[@]}"; do
    t=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    case $pid in "$console_PID") c=$t ;; "$routing_PID") r=$t ;; "$STACK_PID") s=$t ;; *) o=$((o + t)) ;; esac
  done
  echo "$c $r $s $o"
}
per_request() { # ticks → ms per request
  awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v n="$SAMPLES" 'BEGIN { printf "%.0f", t * 1000 / hz / n }'
}

percentile() { # p file: nearest-rank percentile of the sorted values
  sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { i = int((p / 100) * NR + 0.999999); if (i < 1) i = 1; printf "%.0f", v[i] }'
}

target() { # "name|path" → path (FORM: a form's code) and jar (the ZR7 operator's session for ZR7:path)
  path=${1#*|}; path=${path//FORM/$FORM}; jar=$JAR
  if [[ "$path" == ZR7:* ]]; then path=${path#ZR7:}; jar=$JAR_ZR7; fi
}

echo "== warm-up: $WARMUP_PASSES passes over every page, then $WARMUP requests of each page before its measure"
for _ in $(seq 1 "$WARMUP_PASSES"); do
  for entry in "${PAGES[@]}"; do
    target "$entry"
    curl -s -o /dev/null -b "$jar" "http://127.0.0.1:$CONSOLE_PORT$path"
  done
done

echo "== load before measuring: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores (other processes share the machine)"
printf '\n| %-28s | %6s | %6s | %6s | %10s | %-27s | %s\n' "page ($LEADS leads)" "p50 ms" "p95 ms" "max ms" "CPU ms/req" "console/routing/stack/others" "status"
printf '|%s|%s|%s|%s|%s|%s|%s\n' "------------------------------" "--------" "--------" "--------" "------------" "-----------------------------" "------"
for entry in "${PAGES[@]}"; do
  name=${entry%%|*}; target "$entry"
  [[ -n "${ONLY:-}" ]] && ! grep -Eq "$ONLY" <<<"$name" && continue
  for _ in $(seq 1 "$WARMUP"); do curl -s -o /dev/null -b "$jar" "http://127.0.0.1:$CONSOLE_PORT$path"; done
  : >"$WORK/times"; codes=""; read -r c0 r0 s0 o0 <<<"$(cpu_ticks)"
  for _ in $(seq 1 "$SAMPLES"); do
    out=$(curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}' "http://127.0.0.1:$CONSOLE_PORT$path")
    codes="$codes ${out%% *}"
    awk -v t="${out#* }" 'BEGIN { printf "%.1f\n", t * 1000 }' >>"$WORK/times"
  done
  read -r c1 r1 s1 o1 <<<"$(cpu_ticks)"
  cpu=$(per_request $((c1 + r1 + s1 + o1 - c0 - r0 - s0 - o0)))
  split="$(per_request $((c1 - c0))) / $(per_request $((r1 - r0))) / $(per_request $((s1 - s0))) / $(per_request $((o1 - o0)))"
  status=$(echo "$codes" | tr ' ' '\n' | grep -v '^$' | sort | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')
  printf '| %-28s | %6s | %6s | %6s | %10s | %-27s | %s (load %s)\n' "$name" "$(percentile 50 "$WORK/times")" "$(percentile 95 "$WORK/times")" \
    "$(sort -n "$WORK/times" | tail -1 | cut -d. -f1)" "$cpu" "$split" "$status" "$(cut -d" " -f1 /proc/loadavg)"
done
echo
echo "load after: $(cut -d" " -f1-3 /proc/loadavg); target: p95 < 300 ms per page"
grep -h "back-filled" "$WORK/routing.log" || true
