#!/usr/bin/env bash
# Times `bin/fleet factor --local --threads 1` against GNU coreutils `factor` and against hfactor
# (Jeffrey Hurchalla's C++ hurchalla/factoring, built by ../shared/anchors/build.sh) on the same
# inputs, single thread, whole process (the JVM's start included), and checks that every output is
# byte-identical to GNU's.
#
# Usage: bench/engine-vs-gnu.sh [--quick] [--in-process]
#   Builds the CLI first unless FLEET_JAR points at an existing fleet.jar.
#   --quick uses a tenth of each input (a smoke run for a shared machine).
#   --in-process adds a second table: the engine's time per number inside the JVM (JMH's
#     FactorizerBenchmark, one thread, after its warm-up) against hfactor's whole process divided
#     by its numbers, on 50,000 numbers of each 64-bit class (a tenth with --quick). It builds
#     bench/jmh first unless bench/jmh/target/benchmarks.jar exists.
#   The CLI runs through its launcher bin/fleet, as users start it; BENCH_JAVA_OPTS adds JVM
#   options on top of the launcher's (none by default: what users run).
#   BENCH_REPEATS (default 3): the programs run in turn (GNU, hfactor, fleet) this many times on
#   each input, and the tables show the medians; every time is written to runs.txt in the work
#   directory.
#   ANCHORS_BUILD: where ../shared/anchors/build.sh put hfactor (default /tmp/factor-anchors; built
#   by that script when hfactor is missing there); ANCHORS_DIR: the anchors' scripts (default
#   ../shared/anchors beside this checkout). Without hfactor its columns are left out, with a note.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$WORK"
JAR="${FLEET_JAR:-$ROOT/producer/target/fleet.jar}"
JAVA_OPTS="${BENCH_JAVA_OPTS:-}"
SCALE=1
IN_PROCESS=false
for arg in "$@"; do
  case $arg in
    --quick) SCALE=10 ;;
    --in-process) IN_PROCESS=true ;;
    *) echo "engine-vs-gnu: unknown option $arg (see the head of this script)" >&2; exit 64 ;;
  esac
done

if [[ -z "${FLEET_JAR:-}" ]]; then
  (cd "$ROOT" && ./mvnw -q -DskipTests -Dspotless.check.skip package)
fi
command -v factor >/dev/null || { echo "GNU factor is not on the PATH" >&2; exit 1; }

ANCHORS_DIR="$(realpath -m "${ANCHORS_DIR:-$ROOT/../shared/anchors}")"
ANCHORS_BUILD="${ANCHORS_BUILD:-/tmp/factor-anchors}"
HFACTOR="$ANCHORS_BUILD/bin/hfactor"
if [[ ! -x "$HFACTOR" && -x "$ANCHORS_DIR/build.sh" ]]; then
  echo "engine-vs-gnu: building hfactor: $ANCHORS_DIR/build.sh (ANCHORS_BUILD=$ANCHORS_BUILD)" >&2
  ANCHORS_BUILD="$ANCHORS_BUILD" "$ANCHORS_DIR/build.sh" >&2 || true
fi
HAS_HFACTOR=false
if [[ -x "$HFACTOR" ]]; then
  HAS_HFACTOR=true
else
  echo "engine-vs-gnu: no hfactor at $HFACTOR: its columns are left out" >&2
fi

python3 "$ROOT/bench/inputs.py" "$WORK" "$SCALE" \
  random63=random63:50000 semiprime31=semiprime31:5000 semiprime50=semiprime50:20 \
  random9digit=random9digit:1000000

# the command line as users start it: bin/fleet, with BENCH_JAVA_OPTS on top of its own options
FLEET_CLI=(env FLEET_JAR="$JAR" "$ROOT/bin/fleet")
[[ -n "$JAVA_OPTS" ]] && FLEET_CLI=(env FLEET_JAR="$JAR" JDK_JAVA_OPTIONS="$JAVA_OPTS" "$ROOT/bin/fleet")

seconds() { # runs "$@" < input > output, prints the wall time in seconds
  local input=$1 output=$2; shift 2
  local start end
  start=$(date +%s%N)
  "$@" < "$input" > "$output"
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }'
}

same_as_gnu() { # NAME PROGRAM: stops the run when PROGRAM's output differs from GNU's
  cmp -s "$WORK/$1.gnu" "$WORK/$1.$2" || { echo "$1: $2's output differs from GNU's (see $WORK)" >&2; exit 2; }
}

# single runs on a shared 2-core machine move by a tenth or more: alternate, take the medians
REPEATS="${BENCH_REPEATS:-3}"
median() { sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
: > "$WORK/runs.txt"

echo "Whole processes, one thread, wall seconds, medians of $REPEATS runs in turn"
echo
echo "| input | numbers | GNU s | hfactor s | fleet s | GNU / fleet | fleet / hfactor |"
echo "|---|---|---|---|---|---|---|"
for name in random63 semiprime31 semiprime50 random9digit; do
  in="$WORK/$name.txt"
  count=$(wc -l < "$in")
  gnu_times=()
  h_times=()
  our_times=()
  for ((i = 0; i < REPEATS; i++)); do
    gnu_times+=("$(seconds "$in" "$WORK/$name.gnu" factor)")
    if $HAS_HFACTOR; then
      h_times+=("$(seconds "$in" "$WORK/$name.hfactor" "$HFACTOR")")
      same_as_gnu "$name" hfactor
    fi
    our_times+=("$(seconds "$in" "$WORK/$name.fleet" "${FLEET_CLI[@]}" factor --local --threads 1)")
    same_as_gnu "$name" fleet
  done
  echo "$name: gnu ${gnu_times[*]} s; hfactor ${h_times[*]:--} s; fleet ${our_times[*]} s" >> "$WORK/runs.txt"
  gnu=$(printf '%s\n' "${gnu_times[@]}" | median)
  ours=$(printf '%s\n' "${our_times[@]}" | median)
  h=-
  $HAS_HFACTOR && h=$(printf '%s\n' "${h_times[@]}" | median)
  awk -v n="$name" -v c="$count" -v g="$gnu" -v h="$h" -v o="$ours" 'BEGIN {
    printf "| %s | %d | %.3f | %s | %.3f | %.2fx | %s |\n", n, c, g,
      h == "-" ? "-" : sprintf("%.3f", h), o, g / o, h == "-" ? "-" : sprintf("%.2f", o / h) }'
done
echo
echo "Outputs identical to GNU factor's; every time in $WORK/runs.txt, inputs and outputs in $WORK."

$IN_PROCESS || exit 0
if ! $HAS_HFACTOR; then
  echo "engine-vs-gnu: --in-process needs hfactor ($HFACTOR)" >&2
  exit 1
fi
BENCHMARKS="$ROOT/bench/jmh/target/benchmarks.jar"
if [[ ! -f "$BENCHMARKS" ]]; then
  (cd "$ROOT/bench/jmh" && ../../mvnw -q -B -Dspotless.check.skip package)
fi
python3 "$ROOT/bench/inputs.py" "$WORK" "$SCALE" \
  inproc-random63=random63:50000 inproc-semiprime31=semiprime31:50000 \
  inproc-random9digit=random9digit:50000
echo
echo "Inside the process, one thread, microseconds per number: the engine in JMH's"
echo "FactorizerBenchmark (its own fixed-seed numbers of the class), hfactor's whole process on the"
echo "numbers of the input divided by their count; medians of $REPEATS runs in turn"
echo
echo "| class | numbers (hfactor) | engine µs | hfactor µs | engine / hfactor |"
echo "|---|---|---|---|---|"
for pair in random63:random63 semiprime31x31:semiprime31 random9digit:random9digit; do
  shape=${pair%%:*}
  name=inproc-${pair##*:}
  in="$WORK/$name.txt"
  count=$(wc -l < "$in")
  factor < "$in" > "$WORK/$name.gnu"
  engine_us=()
  h_us=()
  for ((i = 0; i < REPEATS; i++)); do
    h_s=$(seconds "$in" "$WORK/$name.hfactor" "$HFACTOR")
    same_as_gnu "$name" hfactor
    h_us+=("$(awk -v s="$h_s" -v c="$count" 'BEGIN { printf "%.4f", s * 1e6 / c }')")
    java -jar "$BENCHMARKS" 'FactorizerBenchmark.factorOneLong$' -p shape="$shape" -f 1 \
      -rf csv -rff "$WORK/jmh.csv" > "$WORK/jmh.log" 2>&1 \
      || { echo "JMH failed (see $WORK/jmh.log)" >&2; exit 1; }
    engine_us+=("$(awk -F, 'NR == 2 { gsub(/"/, "", $5); printf "%.4f", $5 }' "$WORK/jmh.csv")")
  done
  echo "in-process $shape: engine ${engine_us[*]} µs; hfactor ${h_us[*]} µs" >> "$WORK/runs.txt"
  e=$(printf '%s\n' "${engine_us[@]}" | median)
  h=$(printf '%s\n' "${h_us[@]}" | median)
  awk -v n="$shape" -v c="$count" -v e="$e" -v h="$h" \
    'BEGIN { printf "| %s | %d | %.3f | %.3f | %.2f |\n", n, c, e, h, e / h }'
done
