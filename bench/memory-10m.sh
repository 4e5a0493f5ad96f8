#!/usr/bin/env bash
# Checks that a job of 10,000,000 numbers from standard input runs with every JVM under a 256 MB
# heap, and that its output comes back complete and in input order, on both paths of a job:
#
#   1. `fleet factor` (the aggregator inside the CLI) with one worker (--threads = nproc);
#   2. `fleet submit --wait` with one worker and the `fleet-aggregator` service (a temporary
#      --data-dir, its HTTP server on a spare port): the time from the start of `fleet submit` to
#      its exit, once the service has written <data-dir>/<job-id>.txt; then `fleet result` prints
#      the job from the service.
#
# The input is 10,000,000 random 9-digit numbers from bench/inputs.py (fixed seed). Each output is
# compared with `cmp` against GNU `factor`'s on the same input. For every JVM (CLI, worker,
# aggregator) it records the exit status, the wall time, the peak RSS (/usr/bin/time %M) and, from
# its GC log (-Xlog:gc), the largest heap occupancy right after a collection, the largest right
# after a full collection (the live data then; "-" when there was none) and the number of
# collections; then prints them as a table.
#
# Usage: bench/memory-10m.sh [--quick]
#   --quick uses 1,000,000 numbers.
#   Builds the jars first unless FLEET_JAR, FLEET_WORKER_JAR and FLEET_AGGREGATOR_JAR point at
#   existing ones. FLEET_AMQP_URI selects the broker (default amqp://guest:guest@127.0.0.1:5672/%2F).
#   BENCH_HEAP sets every JVM's -Xmx (default 256m). BENCH_JAVA_OPTS adds JVM options.
#   BENCH_SUBMIT_TIMEOUT: seconds the service may not answer, or not know the job, before
#   `fleet submit --wait` gives up (its --patience; default 3600).
# Every JVM runs with -XX:+ExitOnOutOfMemoryError, so that running out of heap shows as exit
# status 3 instead of a process that hangs. Every queue it uses is named bench.<pid>.*; they are
# deleted at the end. The broker keeps running.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$WORK"
# shellcheck source=bench/fleet-lib.sh
source "$ROOT/bench/fleet-lib.sh"
build_unless_given FLEET_JAR FLEET_WORKER_JAR FLEET_AGGREGATOR_JAR
HEAP="${BENCH_HEAP:-256m}"
SUBMIT_TIMEOUT="${BENCH_SUBMIT_TIMEOUT:-3600}"
COUNT=10000000
[[ "${1:-}" == "--quick" ]] && COUNT=1000000
TIME_FORMAT="%x %e %M"

AGGREGATOR=""
stop_aggregator() {
  if [[ -n "$AGGREGATOR" ]]; then
    signal_stop "$AGGREGATOR"
    wait "$AGGREGATOR" 2>/dev/null || true
    AGGREGATOR=""
  fi
}
trap 'stop_aggregator; cleanup' EXIT

jvm_opts() { # jvm_opts NAME: the options of a measured JVM, its GC log in $WORK/NAME.gc
  echo "-Xmx$HEAP -XX:+ExitOnOutOfMemoryError -Xlog:gc:file=$WORK/$1.gc $JAVA_OPTS"
}
measured() { # measured NAME CMD...: runs CMD in the foreground under /usr/bin/time
  local name=$1
  shift
  /usr/bin/time -o "$WORK/$name.time" -f "$TIME_FORMAT" "$@"
}
now() { date +%s%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

echo "machine: $CORES cores; $(uptime)"
echo "$(java -version 2>&1 | head -1); RabbitMQ $(rabbitmqctl -q version 2>/dev/null || echo '?')"
echo "heap of every JVM: -Xmx$HEAP; $COUNT random 9-digit numbers; work directory $WORK"
python3 "$ROOT/bench/inputs.py" "$WORK" 1 "numbers=random9digit:$COUNT"
IN="$WORK/numbers.txt"
start=$(now)
factor < "$IN" > "$WORK/numbers.gnu"
echo "GNU factor (one process, for reference): $(elapsed "$start" "$(now)") s"

# 1. fleet factor: the aggregator in the CLI process.
WORKER_WRAP=(/usr/bin/time -o "$WORK/factor.worker.time" -f "$TIME_FORMAT")
JAVA_OPTS_SAVED=$JAVA_OPTS
JAVA_OPTS=$(jvm_opts factor.worker)
start_workers 1 "$CORES"
JAVA_OPTS=$JAVA_OPTS_SAVED
echo "fleet factor: running"
# shellcheck disable=SC2046
measured factor.cli env JDK_JAVA_OPTIONS="$(jvm_opts factor.cli)" FLEET_JAR="$JAR" "$ROOT/bin/fleet" factor "${QUEUES[@]}" \
  < "$IN" > "$WORK/factor.out" 2> "$WORK/factor.cli.log" || true
stop_workers
FACTOR_SAME=no
cmp -s "$WORK/numbers.gnu" "$WORK/factor.out" && FACTOR_SAME=yes

# 2. fleet submit and the aggregator service.
WORKER_WRAP=(/usr/bin/time -o "$WORK/submit.worker.time" -f "$TIME_FORMAT")
JAVA_OPTS=$(jvm_opts submit.worker)
start_workers 1 "$CORES"
JAVA_OPTS=$JAVA_OPTS_SAVED
DATA="$WORK/data"
mkdir -p "$DATA"
RESULTS_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# Started as a plain command, not through a function, so that $! is /usr/bin/time and its child
# the JVM that signal_stop stops.
# shellcheck disable=SC2046
/usr/bin/time -o "$WORK/submit.aggregator.time" -f "$TIME_FORMAT" \
  java $(jvm_opts submit.aggregator) -jar "$AGGREGATOR_JAR" "${QUEUES[@]}" --data-dir "$DATA" \
  --metrics-port "$RESULTS_PORT" 2> "$WORK/submit.aggregator.log" &
AGGREGATOR=$!
await_consumers "$PREFIX.results" 1 "the aggregator"
echo "fleet submit --wait: running"
start=$(now)
# shellcheck disable=SC2046
measured submit.cli env JDK_JAVA_OPTIONS="$(jvm_opts submit.cli)" FLEET_JAR="$JAR" "$ROOT/bin/fleet" submit "${QUEUES[@]}" \
  --wait --results-url "http://127.0.0.1:$RESULTS_PORT" --patience "PT${SUBMIT_TIMEOUT}S" \
  < "$IN" > "$WORK/submit.job" 2> "$WORK/submit.cli.log" || true
SUBMIT_END=$(now)
JOB=$(head -1 "$WORK/submit.job")
SUBMIT_SAME=no
RESULT_SAME=no
SUBMIT_SECONDS="-"
if [[ -n "$JOB" && -e "$DATA/$JOB.txt" ]]; then
  SUBMIT_SECONDS=$(elapsed "$start" "$SUBMIT_END")
  cmp -s "$WORK/numbers.gnu" "$DATA/$JOB.txt" && SUBMIT_SAME=yes
  measured result.cli env JDK_JAVA_OPTIONS="$(jvm_opts result.cli)" FLEET_JAR="$JAR" "$ROOT/bin/fleet" result \
    --results-url "http://127.0.0.1:$RESULTS_PORT" "$JOB" > "$WORK/result.out" 2> "$WORK/result.cli.log" || true
  cmp -s "$WORK/numbers.gnu" "$WORK/result.out" && RESULT_SAME=yes
fi
stop_aggregator
stop_workers

heap_after_gc() { # heap_after_gc GCLOG: "largest heap after a GC in MB, after a full GC, collections"
  awk '
    function mb(v) {
      u = substr(v, length(v)); v = substr(v, 1, length(v) - 1)
      return u == "G" ? v * 1024 : u == "K" ? v / 1024 : u == "B" ? v / 1048576 : v + 0
    }
    /Pause/ && match($0, /[0-9]+[BKMG]->[0-9]+[BKMG]\(/) {
      split(substr($0, RSTART, RLENGTH - 1), a, "->")
      after = mb(a[2]); if (after > max) max = after; n++
      if (/Pause Full/ && after > full) { full = after; fulls++ }
    }
    END { printf "%d %s %d\n", max, fulls ? sprintf("%d", full) : "-", n }' "$1"
}

echo
printf '%-7s %-17s %5s %9s %12s %20s %21s %5s\n' \
  job process exit wall_s peak_rss_MB max_heap_after_GC_MB after_full_GC_MB GCs
for row in "factor factor.cli fleet-factor" "factor factor.worker fleet-worker" \
  "submit submit.cli fleet-submit" "submit submit.worker fleet-worker" \
  "submit submit.aggregator fleet-aggregator" "result result.cli fleet-result"; do
  read -r job name process <<< "$row"
  read -r status wall rss < <(tail -1 "$WORK/$name.time" 2>/dev/null || echo "- - -")
  heap="-" full="-" gcs="-"
  [[ -s "$WORK/$name.gc" ]] && read -r heap full gcs < <(heap_after_gc "$WORK/$name.gc")
  awk -v j="$job" -v p="$process" -v x="$status" -v w="$wall" -v r="$rss" -v h="$heap" -v f="$full" \
    -v g="$gcs" \
    'BEGIN { printf "%-7s %-17s %5s %9s %12.0f %20s %21s %5s\n", j, p, x, w, r / 1024, h, f, g }'
done
echo
echo "fleet factor: output identical to GNU factor's: $FACTOR_SAME"
echo "fleet submit --wait: job $JOB written by the service ${SUBMIT_SECONDS} s after submit started;" \
  "output identical to GNU factor's: $SUBMIT_SAME; fleet result identical: $RESULT_SAME"
FACTOR_SECONDS=$(awk '{ print $2 }' "$WORK/factor.cli.time" 2>/dev/null | tail -1)
RATIO=$(awk -v s="$SUBMIT_SECONDS" -v f="$FACTOR_SECONDS" \
  'BEGIN { if (s + 0 > 0 && f + 0 > 0) printf "%.2f", s / f; else print "-" }')
WITHIN=$(awk -v r="$RATIO" 'BEGIN { print (r != "-" && r + 0 <= 1.25) ? "yes" : "no" }')
echo "submitted job / fleet factor: ${SUBMIT_SECONDS} s / ${FACTOR_SECONDS} s = $RATIO (within 1.25: $WITHIN)"
grep -h -m3 -i 'OutOfMemory\|exception' "$WORK"/*.log 2>/dev/null | sed 's/^/log: /' || true
[[ "$FACTOR_SAME" == yes && "$SUBMIT_SAME" == yes && "$RESULT_SAME" == yes ]] || exit 2
