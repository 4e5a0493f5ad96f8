#!/usr/bin/env bash
# Where the CPU of one `fleet factor` job goes: the CLI (split into its JIT compiler threads and
# the rest), the worker and the RabbitMQ node, in CPU seconds, next to the job's wall time.
#
# Usage: bench/fleet-cpu.sh INPUT [fleet factor options]
#   INPUT is a file of numbers, one per line (bench/inputs.py writes them).
#   One worker with --threads $(nproc) runs an untimed warm-up job (the first 100,000 lines of
#   INPUT) before the measured one, as a worker in service has run jobs before.
#   WORKER_OPTS adds worker options (e.g. "--prefetch-per-thread 2").
#   FLEET_JAR, FLEET_WORKER_JAR, FLEET_AMQP_URI and BENCH_JAVA_OPTS as in fleet-throughput.sh.
# The broker's figure is the CPU of every beam.smp on the machine during the job: run it on a
# machine where nothing else uses RabbitMQ. Queues are named bench.<pid>.* and deleted at the end.
set -euo pipefail

[[ $# -ge 1 && -f "$1" ]] || { sed -n '4,12p' "$0" >&2; exit 64; }
INPUT=$1
shift
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$WORK"
# shellcheck source=bench/fleet-lib.sh
source "$ROOT/bench/fleet-lib.sh"
build_unless_given FLEET_JAR FLEET_WORKER_JAR

TICKS=$(getconf CLK_TCK)
cpu_ticks() { # cpu_ticks PID...: user + system ticks of the processes, 0 for those gone
  local pid total=0 stat
  for pid in "$@"; do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    total=$((total + $(echo "${stat##*) }" | awk '{ print $12 + $13 }')))
  done
  echo "$total"
}
seconds_of() { awk -v t="$1" -v hz="$TICKS" 'BEGIN { printf "%.2f", t / hz }'; }

# shellcheck disable=SC2086
start_workers 1 "$CORES" ${WORKER_OPTS:-}
# shellcheck disable=SC2086
head -n 100000 "$INPUT" | "${FLEET_CLI[@]}" factor "${QUEUES[@]}" "$@" > /dev/null

mapfile -t BROKER < <(pgrep -x beam.smp || true)
worker0=$(cpu_ticks "${WORKERS[@]}")
broker0=$(cpu_ticks "${BROKER[@]}")
start=$(date +%s%N)
# shellcheck disable=SC2086
# bin/fleet execs java: $! is the CLI's JVM
"${FLEET_CLI[@]}" factor "${QUEUES[@]}" "$@" < "$INPUT" > "$WORK/out.txt" &
CLI=$!
# A thread's ticks are readable only while it runs: keep the last reading of each.
declare -A LAST
while kill -0 "$CLI" 2>/dev/null; do
  # one awk per reading, so that the measuring costs little: "tid|name|ticks" per thread
  while IFS='|' read -r tid name ticks; do
    [[ -n "$tid" ]] && LAST[$tid]="$name|$ticks"
  done < <(awk '{
      lp = index($0, "("); rp = index($0, ") ")
      split(substr($0, rp + 2), field, " ")
      print $1 "|" substr($0, lp + 1, rp - lp - 1) "|" field[12] + field[13]
    }' /proc/"$CLI"/task/*/stat 2>/dev/null || true)
  sleep 0.1
done
wait "$CLI"
end=$(date +%s%N)
worker1=$(cpu_ticks "${WORKERS[@]}")
broker1=$(cpu_ticks "${BROKER[@]}")
factor < "$INPUT" > "$WORK/out.gnu"
cmp -s "$WORK/out.gnu" "$WORK/out.txt" || { echo "output differs from GNU factor's (see $WORK)" >&2; exit 2; }

jit=0
rest=0
for entry in "${LAST[@]}"; do
  if [[ "${entry%%|*}" == C[12]\ CompilerThre* ]]; then
    jit=$((jit + ${entry##*|}))
  else
    rest=$((rest + ${entry##*|}))
  fi
done
echo "job: $(wc -l < "$INPUT") numbers of $INPUT, fleet factor $*"
awk -v ns=$((end - start)) 'BEGIN { printf "wall time                          %6.2f s\n", ns / 1e9 }'
printf 'CPU, fleet CLI: JIT compiler threads %6s s\n' "$(seconds_of "$jit")"
printf 'CPU, fleet CLI: every other thread   %6s s (at least: a thread that ends between two readings is missed)\n' "$(seconds_of "$rest")"
printf 'CPU, worker (%s threads)              %6s s\n' "$CORES" "$(seconds_of $((worker1 - worker0)))"
printf 'CPU, RabbitMQ (beam.smp)             %6s s\n' "$(seconds_of $((broker1 - broker0)))"
