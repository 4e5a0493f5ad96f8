#!/usr/bin/env bash
# Measures the throughput of Factor Fleet on this machine, whole process (JVM start included),
# with fixed-seed inputs, and checks every output against GNU coreutils `factor` byte for byte:
#
#   1. `fleet factor --local` (all cores, in this process);
#   2. `fleet factor` through RabbitMQ with one worker (--threads = nproc) and with two workers
#      (each --threads = nproc/2, at least 1: the same number of factoring threads as cores);
#   3. GNU `factor` on all cores (the input split into nproc parts, run in parallel, joined in order);
#
# on (a) 40,000 semiprimes of two 31-bit primes and (b) 1,000,000 random 9-digit numbers, then
#   4. RabbitMQ PerfTest against the same broker (persistent messages, confirms, prefetch 4,
#      ~100 bytes, quorum queue like the fleet's task queue) next to the fleet's raw task rate
#      (`--chunk-size 1`, 20,000 small numbers, one worker, --prefetch-per-thread 2);
#   5. numbers/s against --chunk-size (1, 10, 100, 1000, 0 = adaptive) on 200,000 9-digit numbers
#      (the first 20,000 of them for chunks of 1 and 10)
#      with one and with two workers, drawn as docs/fleet-throughput.svg.
#
# Workers are started before the timed jobs and first run one untimed warm-up job, as the workers
# of a fleet in service have run jobs before. The runs behind each efficiency figure alternate,
# --local then the one-worker fleet, REPEATS times (the worker idle during --local), so that a
# change in the machine's speed during the run weighs on both sides alike.
#
# Usage: bench/fleet-throughput.sh [--quick]
#   --quick uses a tenth of every input.
#   Builds the jars first unless FLEET_JAR and FLEET_WORKER_JAR point at existing ones.
#   FLEET_AMQP_URI selects the broker (default amqp://guest:guest@127.0.0.1:5672/%2F).
#   PERFTEST_VERSION selects the PerfTest release fetched from Maven Central (default 2.22.1);
#   it is fetched into a temporary directory, never into the repository.
#   BENCH_REPEATS sets how many runs the --local and fleet rows take the median of (default 3).
#   BENCH_JAVA_OPTS adds JVM options to every java command (none by default); the command line
#   runs through bin/fleet, with its own options first.
# Every queue it uses is named bench.<pid>.*; they are deleted at the end. The broker keeps running.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$WORK"
# shellcheck source=bench/fleet-lib.sh
source "$ROOT/bench/fleet-lib.sh"
build_unless_given FLEET_JAR FLEET_WORKER_JAR
PERFTEST_VERSION="${PERFTEST_VERSION:-2.22.1}"
SVG="$ROOT/docs/fleet-throughput.svg"
SCALE=1
[[ "${1:-}" == "--quick" ]] && SCALE=10
HALF=$((CORES / 2 > 0 ? CORES / 2 : 1))

echo "machine: $CORES cores; $(uptime)"
echo "generating inputs in $WORK"
python3 "$ROOT/bench/inputs.py" "$WORK" "$SCALE" \
  semiprime31=semiprime31:40000 random9digit=random9digit:1000000 \
  chart9digit=random9digit:200000 small=small:20000

seconds() { # runs "$@" < input > output, prints the wall time in seconds
  local input=$1 output=$2; shift 2
  local start end
  start=$(date +%s%N)
  "$@" < "$input" > "$output" 2>>"$WORK/cli.log"
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }'
}
fleet() {
  "${FLEET_CLI[@]}" factor "$@"
}
gnu_parallel() { # GNU factor on every core: nproc parts in parallel, outputs joined in order
  local dir pid part pids=()
  dir=$(mktemp -d "$WORK/split.XXXX")
  cat > "$dir/in"
  split -n "l/$CORES" -d -a 3 "$dir/in" "$dir/part."
  for part in "$dir"/part.*; do
    factor < "$part" > "$part.out" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  cat "$dir"/part.*.out
  rm -rf "$dir"
}

declare -A COUNT TIME
for name in semiprime31 random9digit chart9digit small; do
  COUNT[$name]=$(wc -l < "$WORK/$name.txt")
  factor < "$WORK/$name.txt" > "$WORK/$name.gnu"
done

# The rows that make the efficiency figures are the median of REPEATS runs: single runs on a shared
# 2-core machine move by a third.
REPEATS="${BENCH_REPEATS:-3}"
median() { sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
median_seconds() { # median_seconds NAME OUTPUT CMD...: median wall time of REPEATS runs on NAME
  local name=$1 output=$2 i times=()
  shift 2
  for ((i = 0; i < REPEATS; i++)); do
    times+=("$(seconds "$WORK/$name.txt" "$output" "$@")")
    check "$name" "$output"
  done
  echo "$name: $* took ${times[*]} s" >> "$WORK/runs.txt"
  printf '%s\n' "${times[@]}" | median
}

ROWS="$WORK/table.txt"
: > "$ROWS"
row() { # row INPUT PROGRAM SECONDS
  awk -v i="$1" -v p="$2" -v s="$3" -v c="${COUNT[$1]}" \
    'BEGIN { printf "%-14s %-34s %9.3f %12.0f\n", i, p, s, c / s }' | tee -a "$ROWS"
}

# A fleet in service has run jobs before: its workers' JIT has compiled the engine. Each set-up of
# workers first runs one untimed job, so that the timed jobs measure workers in service rather than
# the JVM's warm-up (which the first job after a start pays, about 1.3 s of the worker's time on
# the semiprimes here): all the semiprimes and a tenth of the 9-digit numbers. With a tenth of the
# semiprimes (4,000 numbers) the worker's C2 was still compiling the 64-bit ECM during the first
# timed job (seen with -XX:+PrintCompilation), and the three timed runs fell one after the other.
cp "$WORK/semiprime31.txt" "$WORK/warmup.txt"
head -n "$(( ${COUNT[random9digit]} / 10 ))" "$WORK/random9digit.txt" >> "$WORK/warmup.txt"
warm_up() {
  local t
  t=$(seconds "$WORK/warmup.txt" "$WORK/warmup.out" fleet "${QUEUES[@]}")
  echo "(warm-up job of $(wc -l < "$WORK/warmup.txt") numbers through the new workers: $t s, untimed)"
}

alternating_medians() { # alternating_medians NAME: sets TIME[NAME.local] and TIME[NAME.fleet1]
  local name=$1 i local_times=() fleet_times=()
  for ((i = 0; i < REPEATS; i++)); do
    local_times+=("$(seconds "$WORK/$name.txt" "$WORK/$name.local" fleet --local --threads "$CORES")")
    check "$name" "$WORK/$name.local"
    fleet_times+=("$(seconds "$WORK/$name.txt" "$WORK/$name.fleet1" fleet "${QUEUES[@]}")")
    check "$name" "$WORK/$name.fleet1"
  done
  echo "$name: --local took ${local_times[*]} s, alternating with 1 worker: ${fleet_times[*]} s" \
    >> "$WORK/runs.txt"
  TIME[$name.local]=$(printf '%s\n' "${local_times[@]}" | median)
  TIME[$name.fleet1]=$(printf '%s\n' "${fleet_times[@]}" | median)
}

printf '%-14s %-34s %9s %12s\n' input program seconds numbers/s
for name in semiprime31 random9digit; do
  t=$(seconds "$WORK/$name.txt" "$WORK/$name.par" gnu_parallel)
  check "$name" "$WORK/$name.par"
  row "$name" "GNU factor x $CORES (split)" "$t"
done

start_workers 1 "$CORES"
warm_up
for name in semiprime31 random9digit; do
  alternating_medians "$name"
  row "$name" "fleet --local --threads $CORES" "${TIME[$name.local]}"
  row "$name" "fleet, 1 worker x $CORES threads" "${TIME[$name.fleet1]}"
done
stop_workers

start_workers 2 "$HALF"
warm_up
for name in semiprime31 random9digit; do
  t=$(median_seconds "$name" "$WORK/$name.fleet2" fleet "${QUEUES[@]}")
  row "$name" "fleet, 2 workers x $HALF threads" "$t"
done
stop_workers

echo
echo "each --local and fleet row: the median of $REPEATS runs, --local and one worker alternating ($WORK/runs.txt has them all)"
echo "fleet efficiency = fleet --local time / fleet 1-worker time"
for name in semiprime31 random9digit; do
  goal=0.80; [[ $name == random9digit ]] && goal=0.50
  awk -v n="$name" -v l="${TIME[$name.local]}" -v f="${TIME[$name.fleet1]}" -v g="$goal" \
    'BEGIN { e = l / f; printf "%-14s efficiency %.2f (goal >= %.2f: %s)\n", n, e, g, e >= g ? "met" : "NOT met" }'
done

echo
echo "raw task rate: RabbitMQ PerfTest vs fleet --chunk-size 1"
PT_DIR="$WORK/perftest"
PT_RATE=""
mkdir -p "$PT_DIR"
cat > "$PT_DIR/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>perftest-fetch</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>com.rabbitmq</groupId><artifactId>perf-test</artifactId>
      <version>$PERFTEST_VERSION</version></dependency>
  </dependencies>
</project>
EOF
if ! (cd "$PT_DIR" && mvn -q -B dependency:copy-dependencies -DoutputDirectory=lib) \
    > "$PT_DIR/fetch.log" 2>&1; then
  echo "PerfTest $PERFTEST_VERSION could not be fetched: $(grep -m1 ERROR "$PT_DIR/fetch.log" || tail -1 "$PT_DIR/fetch.log")"
else
  # persistent, confirms (64 in flight), 1 producer, 1 consumer acking manually, prefetch 4,
  # 100-byte messages, 20 s, on a quorum queue of its own like the fleet's task queue
  # shellcheck disable=SC2086
  if java $JAVA_OPTS -cp "$PT_DIR/lib/*" com.rabbitmq.perf.PerfTest --uri "$AMQP_URI" \
      -x 1 -y 1 --confirm 64 -q 4 -s 100 -z 20 -f persistent --quorum-queue \
      -u "$PREFIX.perftest" > "$PT_DIR/run.log" 2>&1; then
    PT_RATE=$(grep -oE 'receiving rate avg: [0-9.]+' "$PT_DIR/run.log" | tail -1 | grep -oE '[0-9.]+$' || true)
  fi
  if [[ -n "$PT_RATE" ]]; then
    grep -E 'sending rate avg|receiving rate avg' "$PT_DIR/run.log" | tail -1
    printf '%-49s %12.0f msg/s\n' "PerfTest $PERFTEST_VERSION average consume rate" "$PT_RATE"
  else
    echo "PerfTest did not run to the end: $(tail -3 "$PT_DIR/run.log" | tr '\n' ' ')"
  fi
fi
start_workers 1 "$CORES" --prefetch-per-thread 2
warm_up
t=$(seconds "$WORK/small.txt" "$WORK/small.fleet1" fleet "${QUEUES[@]}" --chunk-size 1)
check small "$WORK/small.fleet1"
stop_workers
FLEET_RATE=$(awk -v c="${COUNT[small]}" -v s="$t" 'BEGIN { printf "%.0f", c / s }')
printf '%-49s %12.0f tasks/s (%d numbers in %.3f s)\n' \
  "fleet --chunk-size 1, 1 worker x $CORES threads" "$FLEET_RATE" "${COUNT[small]}" "$t"
if [[ -n "$PT_RATE" ]]; then
  awk -v f="$FLEET_RATE" -v p="$PT_RATE" \
    'BEGIN { r = f / p; printf "fleet/PerfTest %.2f (goal >= 0.70: %s)\n", r, r >= 0.7 ? "met" : "NOT met" }'
fi

echo
# Tasks of 1 and 10 numbers run at a few thousand numbers/s at most: they get the first tenth of
# the input (the same numbers), so that the chart takes minutes rather than most of an hour.
SHORT=$(( ${COUNT[chart9digit]} / 10 ))
head -n "$SHORT" "$WORK/chart9digit.txt" > "$WORK/chart9short.txt"
head -n "$SHORT" "$WORK/chart9digit.gnu" > "$WORK/chart9short.gnu"
echo "numbers/s against --chunk-size on ${COUNT[chart9digit]} 9-digit numbers ($SHORT for chunks of 1 and 10)"
CHART="$WORK/chart.csv"
echo "workers,chunk,seconds,rate" > "$CHART"
printf '%-8s %-6s %8s %9s %12s\n' workers chunk numbers seconds numbers/s
for workers in 1 2; do
  threads=$CORES; [[ $workers == 2 ]] && threads=$HALF
  start_workers "$workers" "$threads"
  warm_up
  for chunk in 1 10 100 1000 0; do
    input=chart9digit; count=${COUNT[chart9digit]}
    [[ $chunk == 1 || $chunk == 10 ]] && input=chart9short && count=$SHORT
    t=$(seconds "$WORK/$input.txt" "$WORK/$input.out" fleet "${QUEUES[@]}" --chunk-size "$chunk")
    check "$input" "$WORK/$input.out"
    label=$chunk; [[ $chunk == 0 ]] && label=auto
    awk -v w="$workers" -v l="$label" -v s="$t" -v c="$count" \
      'BEGIN { printf "%-8s %-6s %8d %9.3f %12.0f\n", w, l, c, s, c / s }'
    echo "$workers,$label,$t,$(awk -v s="$t" -v c="$count" 'BEGIN { printf "%.0f", c / s }')" >> "$CHART"
  done
  stop_workers
done

python3 - "$CHART" "$SVG" "$CORES" "$HALF" "${COUNT[chart9digit]}" <<'PY'
import csv, sys
src, dst, cores, half, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
rows = list(csv.DictReader(open(src)))
labels = ["1", "10", "100", "1000", "auto"]
series = {
    "1": (f"1 worker × {cores} threads", "#1f77b4"),
    "2": (f"2 workers × {half} threads", "#d62728"),
}
W, H, L, R, T, B = 640, 400, 80, 20, 50, 60
pw, ph = W - L - R, H - T - B
top = max(float(r["rate"]) for r in rows) * 1.1 or 1
step = 10 ** (len(str(int(top))) - 1)
for m in (1, 2, 5, 10):
    if top / (m * step) <= 6:
        tick = m * step
        break
ymax = tick * -(-top // tick)
x = lambda i: L + pw * (i + 0.5) / len(labels)
y = lambda v: T + ph * (1 - v / ymax)
out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
       f'font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<text x="{W / 2}" y="22" text-anchor="middle" font-size="15">Factor Fleet: numbers/s '
       f'against chunk size ({count:,} random 9-digit numbers)</text>']
v = 0
while v <= ymax + 1e-9:
    out.append(f'<line x1="{L}" y1="{y(v):.1f}" x2="{L + pw}" y2="{y(v):.1f}" stroke="#ddd"/>')
    out.append(f'<text x="{L - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{int(v):,}</text>')
    v += tick
out.append(f'<line x1="{L}" y1="{T}" x2="{L}" y2="{T + ph}" stroke="black"/>')
out.append(f'<line x1="{L}" y1="{T + ph}" x2="{L + pw}" y2="{T + ph}" stroke="black"/>')
for i, lab in enumerate(labels):
    out.append(f'<text x="{x(i):.1f}" y="{T + ph + 18}" text-anchor="middle">{lab}</text>')
out.append(f'<text x="{L + pw / 2}" y="{H - 15}" text-anchor="middle">--chunk-size '
           f'(numbers per task; auto = adaptive default 0)</text>')
out.append(f'<text transform="translate(18 {T + ph / 2}) rotate(-90)" text-anchor="middle">'
           f'numbers/s (whole fleet factor process)</text>')
for k, (name, colour) in series.items():
    pts = [(labels.index(r["chunk"]), float(r["rate"])) for r in rows if r["workers"] == k]
    if not pts:
        continue
    path = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in pts)
    out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
    for i, v in pts:
        out.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.5" fill="{colour}"/>')
legend_y = T + 8
for j, (k, (name, colour)) in enumerate(series.items()):
    ly = legend_y + 18 * j
    out.append(f'<line x1="{L + 12}" y1="{ly}" x2="{L + 36}" y2="{ly}" stroke="{colour}" stroke-width="2"/>')
    out.append(f'<text x="{L + 42}" y="{ly + 4}">{name}</text>')
out.append("</svg>")
open(dst, "w").write("\n".join(out) + "\n")
PY
echo "chart written to $SVG"
echo "all outputs identical to GNU factor's; inputs and outputs in $WORK"
