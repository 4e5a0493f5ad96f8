#!/usr/bin/env bash
# Records fleet.classlist beside this script: the classes the command line loads on its common
# paths, which the build (producer/pom.xml) and the Docker image dump into a class-data archive,
# fleet.jsa beside fleet.jar, that bin/fleet starts the JVM from.
#
# Usage: producer/src/main/cds/record-classlist.sh     (after ./mvnw -DskipTests package)
#   Needs a RabbitMQ broker (FLEET_AMQP_URI, default amqp://guest:guest@127.0.0.1:5672/%2F): it
#   starts one worker on queues of its own, cds.<pid>.*, runs one job through it and one with
#   --local, then stops the worker and deletes those queues.
#   FLEET_JAR and FLEET_WORKER_JAR name the jars (default: this checkout's).
# Run it again when the command line's classes change much: classes the list names that no longer
# exist are skipped by the dump, and classes it does not name load from the jar as before, so a
# stale list costs start-up time, never correctness (ClassListTest names the stale entries).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../../.." && pwd)"
JAR="${FLEET_JAR:-$ROOT/producer/target/fleet.jar}"
WORKER_JAR="${FLEET_WORKER_JAR:-$ROOT/worker/target/fleet-worker.jar}"
AMQP_URI="${FLEET_AMQP_URI:-amqp://guest:guest@127.0.0.1:5672/%2F}"
for jar in "$JAR" "$WORKER_JAR"; do
  [[ -f "$jar" ]] || { echo "$jar not found; build it with ./mvnw -DskipTests package" >&2; exit 1; }
done
WORK="$(mktemp -d)"
PREFIX="cds.$$"
QUEUES=(--amqp-uri "$AMQP_URI" --task-queue "$PREFIX.tasks" --result-queue "$PREFIX.results"
  --dead-letter-queue "$PREFIX.dead")

worker=
cleanup() {
  if [[ -n "$worker" ]]; then kill -TERM "$worker" 2>/dev/null || true; wait "$worker" || true; fi
  local q
  for q in $(rabbitmqctl -q list_queues name --no-table-headers 2>/dev/null | grep -F "$PREFIX."); do
    rabbitmqctl -q delete_queue "$q" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

# numbers of every size class the command line treats differently: small, 9-digit, 19-digit,
# above 2^64
{
  seq 1 3000
  seq 123456789 123458789
  echo 4611686014132420609
  echo 9223372036854775783
  echo 18446744073709551617
  echo 1208925819614629174706189
} > "$WORK/input.txt"

java -jar "$WORKER_JAR" "${QUEUES[@]}" --threads 1 --metrics-port 0 --worker-id "$PREFIX.w" \
  2> "$WORK/worker.log" &
worker=$!
for ((i = 0; i < 120; i++)); do
  consumers=$(rabbitmqctl -q list_queues name consumers --no-table-headers 2>/dev/null |
    awk -v q="$PREFIX.tasks" '$1 == q { print $2 }')
  [[ "${consumers:-0}" -ge 1 ]] && break
  sleep 0.5
done
[[ "${consumers:-0}" -ge 1 ]] || { echo "the worker did not start (see $WORK/worker.log)" >&2; exit 3; }

# the options of bin/fleet, without an archive, each path in a JVM of its own
record() { # record LIST [fleet factor options]
  local list=$1
  shift
  java -XX:+UseSerialGC -XX:DumpLoadedClassList="$list" -jar "$JAR" factor "$@" \
    < "$WORK/input.txt" > "$WORK/out.txt"
  factor < "$WORK/input.txt" | cmp -s - "$WORK/out.txt" ||
    { echo "fleet factor $*: output differs from GNU factor's" >&2; exit 2; }
}
record "$WORK/fleet.lst" "${QUEUES[@]}"
record "$WORK/local.lst" --local

{
  echo "# The classes bin/fleet's command line loads on a job through the fleet and on one with"
  echo "# --local, in the order first loaded; written by record-classlist.sh from"
  echo "# -XX:DumpLoadedClassList, and dumped into fleet.jsa by the build."
  # Classes generated at run time (proxies) cannot be loaded by name from the jar.
  cat "$WORK/fleet.lst" "$WORK/local.lst" | grep -v '^#' | grep -v '/\$Proxy[0-9]*$' | awk '!seen[$0]++'
} > "$HERE/fleet.classlist"
echo "wrote $HERE/fleet.classlist: $(grep -vc '^#' "$HERE/fleet.classlist") entries"
