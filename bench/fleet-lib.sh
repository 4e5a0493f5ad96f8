# Shell functions shared by the fleet benchmarks; sourced, not run:
#
#   ROOT=... WORK=...; source "$ROOT/bench/fleet-lib.sh"
#
# The command line runs through its launcher bin/fleet ("${FLEET_CLI[@]}"), as users start it.
# Sets JAR, WORKER_JAR, AGGREGATOR_JAR (FLEET_JAR, FLEET_WORKER_JAR, FLEET_AGGREGATOR_JAR override
# them; `build_unless_given` builds them), JAVA_OPTS (BENCH_JAVA_OPTS), AMQP_URI (FLEET_AMQP_URI),
# CORES, and PREFIX and QUEUES: this run's private queue names, bench.<pid>.*.
# On exit the workers started here are stopped and the queues of this run deleted; the broker keeps
# running and no other queue is touched.

JAR="${FLEET_JAR:-$ROOT/producer/target/fleet.jar}"
WORKER_JAR="${FLEET_WORKER_JAR:-$ROOT/worker/target/fleet-worker.jar}"
AGGREGATOR_JAR="${FLEET_AGGREGATOR_JAR:-$ROOT/aggregator/target/fleet-aggregator.jar}"
JAVA_OPTS="${BENCH_JAVA_OPTS:-}"
AMQP_URI="${FLEET_AMQP_URI:-amqp://guest:guest@127.0.0.1:5672/%2F}"
CORES=$(nproc)

PREFIX="bench.$$"
QUEUES=(--amqp-uri "$AMQP_URI" --task-queue "$PREFIX.tasks" --result-queue "$PREFIX.results"
  --dead-letter-queue "$PREFIX.dead")

# The command line as users start it: bin/fleet (which execs java, so a PID taken with $! is the
# JVM's), with JAVA_OPTS added on top of the launcher's own options.
FLEET_CLI=(env FLEET_JAR="$JAR" "$ROOT/bin/fleet")
[[ -n "$JAVA_OPTS" ]] && FLEET_CLI=(env FLEET_JAR="$JAR" JDK_JAVA_OPTIONS="$JAVA_OPTS" "$ROOT/bin/fleet")

build_unless_given() { # build_unless_given VAR...: builds the jars unless every VAR names one
  local var
  for var in "$@"; do
    if [[ -z "${!var:-}" ]]; then
      (cd "$ROOT" && ./mvnw -q -DskipTests -Dspotless.check.skip package)
      return
    fi
  done
}
command -v factor >/dev/null || { echo "GNU factor is not on the PATH" >&2; exit 1; }
command -v rabbitmqctl >/dev/null || { echo "rabbitmqctl is not on the PATH" >&2; exit 1; }

# Workers are started as "${WORKER_WRAP[@]}" java ...: a script may set it to a command that runs
# the JVM as its child (/usr/bin/time, say); stopping a worker then signals that child.
WORKER_WRAP=()
WORKERS=()

signal_stop() { # signal_stop PID: SIGTERM to it, or to its children when it wraps them
  local children
  children=$(pgrep -P "$1" || true)
  # shellcheck disable=SC2086
  kill -TERM ${children:-$1} 2>/dev/null || true
}
stop_workers() { # stops every worker at once, then waits until all have drained and exited
  local pid
  for pid in "${WORKERS[@]}"; do signal_stop "$pid"; done
  for pid in "${WORKERS[@]}"; do wait "$pid" 2>/dev/null || true; done
  WORKERS=()
}
bench_queues() { # the queues of this run only: bench.<pid>.*
  rabbitmqctl -q list_queues name --no-table-headers 2>/dev/null | grep -F "$PREFIX." |
    grep -E "^bench\\.$$\\." || true
}
cleanup() {
  stop_workers
  local q
  for q in $(bench_queues); do rabbitmqctl -q delete_queue "$q" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

consumers() { # consumers [QUEUE]: consumers on QUEUE, this run's task queue by default
  rabbitmqctl -q list_queues name consumers --no-table-headers 2>/dev/null |
    awk -v q="${1:-$PREFIX.tasks}" '$1 == q { print $2 }'
}
await_consumers() { # await_consumers QUEUE COUNT WHAT: waits up to 60 s until COUNT consume QUEUE
  local i
  for ((i = 0; i < 120; i++)); do
    [[ "$(consumers "$1")" -ge "$2" ]] 2>/dev/null && return 0
    sleep 0.5
  done
  echo "$3 did not start consuming $1 (see the logs in $WORK)" >&2
  exit 3
}
start_workers() { # start_workers COUNT THREADS [more worker options]: waits until all consume
  local count=$1 threads=$2 i
  shift 2
  local -a logged=()
  for ((i = 1; i <= count; i++)); do
    logged[i]=$(consuming_lines "$WORK/worker-$i.log")
    # shellcheck disable=SC2086
    "${WORKER_WRAP[@]}" java $JAVA_OPTS -jar "$WORKER_JAR" "${QUEUES[@]}" --threads "$threads" \
      --metrics-port 0 --worker-id "$PREFIX.w$i" "$@" 2>>"$WORK/worker-$i.log" &
    WORKERS+=($!)
  done
  for ((i = 1; i <= count; i++)); do
    await_consuming_line "$WORK/worker-$i.log" "${logged[i]}"
  done
}
# A worker logs "consuming" once its consumers are subscribed. Its log is the sign to wait for,
# not the broker's consumer count: `rabbitmqctl list_queues consumers` can lag by seconds and
# still count the consumer of a worker that has just exited, so a job would start while the new
# worker was still warming up.
consuming_lines() {
  local n
  n=$(grep -c ' consuming ' "$1" 2>/dev/null || true)
  echo "${n:-0}"
}
await_consuming_line() { # await_consuming_line LOG SEEN: waits up to 60 s for line SEEN + 1
  local i
  for ((i = 0; i < 600; i++)); do
    (($(consuming_lines "$1") > $2)) && return 0
    sleep 0.1
  done
  echo "a worker did not start consuming (see $1)" >&2
  exit 3
}

check() { # check NAME OUTPUT: the output must equal GNU factor's, $WORK/NAME.gnu
  cmp -s "$WORK/$1.gnu" "$2" || { echo "$1: $2 differs from GNU factor's output (see $WORK)" >&2; exit 2; }
}
