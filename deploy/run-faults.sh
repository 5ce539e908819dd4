#!/usr/bin/env bash
# The long fault suite (issue 14): every fault of deploy/e2e's Fault, on one instance of each service
# (FaultSuiteIT) and on 2 intake / 2 routing / 3 delivery / 2 notifier / 2 crm-push
# (MultiInstanceFaultSuiteIT), more leads per run, and a run without fault on each (baseline). The
# checker's tables are printed and kept in deploy/e2e/target/e2e-faults/table.md and
# deploy/e2e/target/e2e-faults-multi/table.md.
#   deploy/run-faults.sh                 # all faults, both topologies, 60 leads per run
#   LEADS=200 FAULTS=KAFKA_KILL,MONGO_KILL MULTI_FAULTS=DELIVERY_KILL deploy/run-faults.sh
set -euo pipefail
cd "$(dirname "$0")/.."
LEADS="${LEADS:-60}"
FAULTS="${FAULTS:-all}"
MULTI_FAULTS="${MULTI_FAULTS:-NONE,INTAKE_KILL,ROUTING_KILL,DELIVERY_KILL,CRM_PUSH_KILL,NOTIFIER_KILL,KAFKA_KILL,MONGO_KILL,BROKER_RESTART,CRM_STALL}"
status=0
./mvnw -q -pl deploy/e2e -am verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test='FaultSuiteIT,MultiInstanceFaultSuiteIT' \
  -Drdz.faults="$FAULTS" -Drdz.faults.leads="$LEADS" -Drdz.faults.multi=true -Drdz.faults.multi-faults="$MULTI_FAULTS" || status=$?
for t in deploy/e2e/target/e2e-faults/table.md deploy/e2e/target/e2e-faults-multi/table.md; do
  [ -f "$t" ] && { echo "== $t"; cat "$t"; }
done
exit $status
