#!/usr/bin/env bash
# Measures how fairly jobs share the fleet: small jobs started while big jobs run, against the
# same jobs on an idle fleet, with `fleet factor`'s window sized from the fleet (--max-in-flight 0,
# the default) and fixed at 1,024 tasks (the window of earlier builds). One worker with a thread
# per core, warmed up by an untimed job first; every output is checked against GNU `factor`.
#
# Each round, for each side (window 0, then 1024, or those of BENCH_WINDOWS; alternating, so that
# a change in the machine's speed weighs on both alike):
#   1. alone: the three big jobs one after the other, each alone on the fleet: two of 1,000,000
#      random 9-digit numbers and one of 200,000 62-bit semiprimes (two 31-bit primes);
#   2. together: the three big jobs started together; the time until the last one ends;
#   3. with small jobs: the three big jobs started together, then, 2 s later, twenty 10-number jobs
#      (random 63-bit numbers) one after the other; each small job's wall time (JVM start
#      included), and the time until the last big job ends.
# Plus, once, the twenty small jobs on the idle fleet: what a small job costs with nobody else.
#
# Big jobs' throughput lost = 1 - (sum of their alone times) / (their makespan): together, what
# they lose to sharing the fleet with each other; with the small jobs, to those as well (on one
# machine, the small jobs' command lines take their CPU from the same cores).
#
# Usage: bench/fair-share.sh [--quick]
#   --quick uses a tenth of the big inputs. BENCH_REPEATS rounds (default 3), medians reported.
#   BENCH_WINDOWS: the --max-in-flight values compared, each a side (default "0 1024").
#   BENCH_NICE=N: the worker and the big jobs at nice N, the small jobs not (see below).
#   Builds the jars first unless FLEET_JAR and FLEET_WORKER_JAR point at existing ones.
#   FLEET_AMQP_URI selects the broker. Queues are bench.<pid>.*, deleted at the end; the control
#   exchange, auto-delete, goes with the last process. Run it under `flock /tmp/timing.lock`.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$WORK"
# shellcheck source=bench/fleet-lib.sh
source "$ROOT/bench/fleet-lib.sh"
build_unless_given FLEET_JAR FLEET_WORKER_JAR
SCALE=1
[[ "${1:-}" == "--quick" ]] && SCALE=10
REPEATS="${BENCH_REPEATS:-3}"
WINDOWS="${BENCH_WINDOWS:-0 1024}"
# BENCH_NICE=N runs the worker and the big jobs' command lines at nice N, the small jobs at 0: as
# on a fleet where each user's command line has a machine of its own, so that what is left of a
# small job's time is the fleet's doing rather than its JVM's wait for a core.
NICE=()
if [[ -n "${BENCH_NICE:-}" ]]; then
  NICE=(nice -n "$BENCH_NICE")
  WORKER_WRAP=("${NICE[@]}")
fi
SMALL_JOBS=20
COMMIT=$(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet HEAD || echo "+changes")


echo "machine: $CORES cores; $(uptime)"
# Inputs are fixed-seed: those already in $WORK (BENCH_WORK) from an earlier run are kept.
if [[ ! -s "$WORK/inputs.done.$SCALE" ]]; then
  echo "generating inputs in $WORK"
  python3 "$ROOT/bench/inputs.py" "$WORK" "$SCALE" \
    big9a=random9digit:1000000 big9b=random9digit:1000000 bigsemi=semiprime31:200000
  python3 "$ROOT/bench/inputs.py" "$WORK" 1 smallall=random63:$((SMALL_JOBS * 10))
  for name in big9a big9b bigsemi; do factor < "$WORK/$name.txt" > "$WORK/$name.gnu"; done
  echo done > "$WORK/inputs.done.$SCALE"
fi
BIG=(big9a big9b bigsemi)
declare -A COUNT
for name in "${BIG[@]}"; do COUNT[$name]=$(wc -l < "$WORK/$name.txt"); done
for ((i = 1; i <= SMALL_JOBS; i++)); do
  sed -n "$(((i - 1) * 10 + 1)),$((i * 10))p" "$WORK/smallall.txt" > "$WORK/small$i.txt"
  factor < "$WORK/small$i.txt" > "$WORK/small$i.gnu"
done

now() { date +%s%N; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }
fleet() { "${FLEET_CLI[@]}" factor "${QUEUES[@]}" "$@"; }
median() { sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
worst() { sort -n | tail -1; }

small_jobs() { # small_jobs SIDE-OPTIONS...: the small jobs one after the other; prints, for each,
  # its wall time and how many big jobs were running when it started (BIG_PIDS)
  local i start running pid
  for ((i = 1; i <= SMALL_JOBS; i++)); do
    running=0
    for pid in "${BIG_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && running=$((running + 1)); done
    start=$(now)
    fleet "$@" < "$WORK/small$i.txt" > "$WORK/small$i.out" 2>>"$WORK/cli.log"
    echo "$(secs $(($(now) - start))) $running"
    check "small$i" "$WORK/small$i.out"
  done
}

alone() { # alone SIDE-OPTIONS...: the big jobs one after the other; prints the sum of their times
  local name start total=0
  for name in "${BIG[@]}"; do
    start=$(now)
    fleet "$@" < "$WORK/$name.txt" > "$WORK/$name.out" 2>>"$WORK/cli.log"
    total=$((total + $(now) - start))
    check "$name" "$WORK/$name.out"
  done
  secs "$total"
}

shared() { # shared LABEL SIDE-OPTIONS...: big jobs together, small jobs 2 s in (none when LABEL
  # is -); prints the time until the last big job ended
  local label=$1 name start last=0 end
  shift
  start=$(now)
  BIG_PIDS=()
  for name in "${BIG[@]}"; do
    ("${NICE[@]}" "${FLEET_CLI[@]}" factor "${QUEUES[@]}" "$@" < "$WORK/$name.txt" \
      > "$WORK/$name.out" 2>>"$WORK/cli.log"; now > "$WORK/$name.end") &
    BIG_PIDS+=($!)
  done
  if [[ $label != - ]]; then
    sleep 2
    small_jobs "$@" >> "$WORK/small.$label"
  fi
  for pid in "${BIG_PIDS[@]}"; do wait "$pid"; done
  BIG_PIDS=()
  for name in "${BIG[@]}"; do
    check "$name" "$WORK/$name.out"
    end=$(cat "$WORK/$name.end")
    ((end > last)) && last=$end
  done
  secs $((last - start))
}

start_workers 1 "$CORES"
cat "$WORK/bigsemi.txt" > "$WORK/warmup.txt"
head -n 100000 "$WORK/big9a.txt" >> "$WORK/warmup.txt"
fleet < "$WORK/warmup.txt" > /dev/null 2>>"$WORK/cli.log"
echo "(warm-up job of $(wc -l < "$WORK/warmup.txt") numbers, untimed)"

BIG_PIDS=()
small_jobs > "$WORK/small.idle"

declare -A ALONE TOGETHER SHARED OPTS
read -r -a SIDES <<< "$WINDOWS"
for side in "${SIDES[@]}"; do OPTS[$side]="--max-in-flight $side"; done
for side in "${SIDES[@]}"; do
  : > "$WORK/small.$side"
  ALONE[$side]=""
  TOGETHER[$side]=""
  SHARED[$side]=""
done
for ((r = 1; r <= REPEATS; r++)); do
  for side in "${SIDES[@]}"; do
    # shellcheck disable=SC2086
    a=$(alone ${OPTS[$side]})
    # shellcheck disable=SC2086
    t=$(shared - ${OPTS[$side]})
    # shellcheck disable=SC2086
    s=$(shared "$side" ${OPTS[$side]})
    ALONE[$side]+="$a "
    TOGETHER[$side]+="$t "
    SHARED[$side]+="$s "
    echo "round $r, window $side: big jobs alone $a s, together $t s, with small jobs $s s; small jobs (s, big jobs running): $(tail -n $SMALL_JOBS "$WORK/small.$side" | tr ' \n' '/ ')" | tee -a "$WORK/runs.txt"
  done
done

echo
echo "bench/fair-share.sh at $COMMIT, $CORES cores, 1 worker x $CORES threads, $REPEATS rounds${BENCH_NICE:+, worker and big jobs at nice $BENCH_NICE};"
echo "big jobs: ${COUNT[big9a]} + ${COUNT[big9b]} random 9-digit, ${COUNT[bigsemi]} 62-bit semiprimes; $SMALL_JOBS small jobs of 10 random 63-bit numbers"
echo
echo "| window | small jobs started during big ones | median (s) | worst (s) | all small jobs: median (s) | worst (s) | big jobs alone, sum (s) | big jobs together (s) | throughput lost together | big jobs with the small jobs (s) | throughput lost with them |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
during() { awk '$2 > 0 { print $1 }' "$@"; }
all() { awk '{ print $1 }' "$@"; }
echo "| idle fleet, no big job | 0 | | | $(all "$WORK/small.idle" | median) | $(all "$WORK/small.idle" | worst) | | | | | |"
for side in "${SIDES[@]}"; do
  a=$(printf '%s\n' ${ALONE[$side]} | median)
  t=$(printf '%s\n' ${TOGETHER[$side]} | median)
  s=$(printf '%s\n' ${SHARED[$side]} | median)
  awk -v w="${OPTS[$side]}" -v n="$(during "$WORK/small.$side" | wc -l)" \
    -v dm="$(during "$WORK/small.$side" | median)" -v dx="$(during "$WORK/small.$side" | worst)" \
    -v m="$(all "$WORK/small.$side" | median)" -v x="$(all "$WORK/small.$side" | worst)" \
    -v a="$a" -v t="$t" -v s="$s" \
    'BEGIN { printf "| %s | %d | %s | %s | %s | %s | %s | %s | %.1f%% | %s | %.1f%% |\n", w, n, dm, dx, m, x, a, t, 100 * (1 - a / t), s, 100 * (1 - a / s) }'
done
echo
echo "small jobs: wall time of fleet factor, JVM start included, over the $((REPEATS * SMALL_JOBS)) of each side (those started while a big job still ran, then all); big jobs: median of $REPEATS rounds; throughput lost = 1 - (sum of the lone times) / makespan ($WORK/runs.txt has every run)"
