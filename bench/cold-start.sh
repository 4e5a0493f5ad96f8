#!/usr/bin/env bash
# The efficiency of the FIRST job on a freshly started worker: `fleet factor` through one worker
# (--threads = nproc) that has just started and run no job, against `fleet factor --local` on the
# same input, with the worker's warm-up on (the default) and off (--warm-up=false). Every output is
# checked against GNU coreutils `factor` byte for byte.
#
# Each run starts a new worker for each side and times only the job: the worker is started, waits
# until it consumes (after its warm-up, as `docker compose up` waits for /health), then the job is
# sent. Runs alternate sides: --local, a fresh worker, --local, the other fresh worker; the order
# of warm-up on and off swaps from one run to the next, so that a change in the machine's speed
# weighs on every side alike. Efficiency = median --local time / median first-job time.
#
# Usage: bench/cold-start.sh [--count N] [--runs R]
#   --count N  semiprimes of two 31-bit primes (bench/inputs.py, fixed seed; default 40000)
#   --runs R   runs of each side, the medians of which are compared (default 5; BENCH_REPEATS too)
#   Builds the jars first unless FLEET_JAR and FLEET_WORKER_JAR point at existing ones.
#   FLEET_AMQP_URI selects the broker (default amqp://guest:guest@127.0.0.1:5672/%2F);
#   BENCH_JAVA_OPTS adds JVM options to every java command.
# Run it on a quiet machine: every other process's CPU lands in the figures. Queues are named
# bench.<pid>.* and deleted at the end; the broker keeps running.
set -euo pipefail

COUNT=40000
REPEATS="${BENCH_REPEATS:-5}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --runs) REPEATS=$2; shift 2 ;;
    *) sed -n '2,20p' "$0" >&2; exit 64 ;;
  esac
done
[[ "$COUNT" =~ ^[0-9]+$ && "$COUNT" -ge 2 && "$REPEATS" =~ ^[0-9]+$ && "$REPEATS" -ge 1 ]] ||
  { echo "--count must be at least 2 and --runs at least 1" >&2; exit 64; }

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$WORK"
# shellcheck source=bench/fleet-lib.sh
source "$ROOT/bench/fleet-lib.sh"
build_unless_given FLEET_JAR FLEET_WORKER_JAR

echo "machine: $CORES cores; $(uptime)"
echo "generating $COUNT semiprimes of two 31-bit primes in $WORK"
python3 "$ROOT/bench/inputs.py" "$WORK" 1 "semiprime31=semiprime31:$COUNT"
NAME=semiprime31
factor < "$WORK/$NAME.txt" > "$WORK/$NAME.gnu"

now_ns() { date +%s%N; }
seconds_since() { awk -v ns=$(($(now_ns) - $1)) 'BEGIN { printf "%.3f", ns / 1e9 }'; }
median() { sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }

# Each side's times, as space-separated seconds; no subshells, so the workers started here stay
# known to fleet-lib.sh's cleanup.
declare -A TIMES=([local]="" [on]="" [off]="" [ready-on]="" [ready-off]="")

local_run() { # one --local job, timed
  local start
  start=$(now_ns)
  "${FLEET_CLI[@]}" factor --local --threads "$CORES" < "$WORK/$NAME.txt" > "$WORK/$NAME.local" \
    2>>"$WORK/cli.log"
  TIMES[local]+="$(seconds_since "$start") "
  check "$NAME" "$WORK/$NAME.local"
}

first_job() { # first_job on|off: a fresh worker, and its first job timed
  local side=$1 start
  start=$(now_ns)
  start_workers 1 "$CORES" --warm-up="$([[ $side == on ]] && echo true || echo false)"
  TIMES[ready-$side]+="$(seconds_since "$start") "
  start=$(now_ns)
  "${FLEET_CLI[@]}" factor "${QUEUES[@]}" < "$WORK/$NAME.txt" > "$WORK/$NAME.fleet-$side" \
    2>>"$WORK/cli.log"
  TIMES[$side]+="$(seconds_since "$start") "
  stop_workers
  check "$NAME" "$WORK/$NAME.fleet-$side"
}

for ((run = 1; run <= REPEATS; run++)); do
  sides=(on off)
  ((run % 2 == 0)) && sides=(off on)
  for side in "${sides[@]}"; do
    local_run
    first_job "$side"
    echo "run $run: --local ${TIMES[local]% } s; first jobs with warm-up $side: ${TIMES[$side]% } s"
  done
done

med() { tr ' ' '\n' <<< "$1" | grep . | median; }
LOCAL=$(med "${TIMES[local]}")
echo
printf '%-34s %9s %11s   %s\n' side "median s" efficiency "runs (s)"
printf '%-34s %9.3f %11s   %s\n' "fleet factor --local --threads $CORES" "$LOCAL" "1.00" "${TIMES[local]}"
for side in on off; do
  m=$(med "${TIMES[$side]}")
  awk -v s="first job, fresh worker, warm-up $side" -v m="$m" -v l="$LOCAL" -v r="${TIMES[$side]}" \
    'BEGIN { printf "%-34s %9.3f %11.2f   %s\n", s, m, l / m, r }'
done
echo
for side in on off; do
  med "${TIMES[ready-$side]}" |
    awk -v s="$side" '{ printf "worker start until it logged consuming, warm-up %-3s: median %.3f s\n", s, $1 }'
done
grep -ho 'warmed up in [0-9]* ms' "$WORK"/worker-*.log | awk '{ print $4 }' | median |
  awk '{ printf "warm-up itself (the worker'"'"'s log): median %d ms\n", $1 }'
awk -v l="$LOCAL" -v m="$(med "${TIMES[on]}")" \
  'BEGIN { e = l / m; printf "efficiency of the first job with warm-up: %.2f (goal >= 0.70: %s)\n", e, e >= 0.7 ? "met" : "NOT met" }'
echo "inputs, outputs and worker logs: $WORK"
