#!/usr/bin/env bash
# Times `bin/fleet factor --local --threads 1` against GNU coreutils `factor` on the same inputs,
# single thread, whole process (JVM start included), and checks that both print identical output.
#
# Usage: bench/engine-vs-gnu.sh [--quick]
#   Builds the CLI first unless FLEET_JAR points at an existing fleet.jar.
#   --quick uses a tenth of each input (a smoke run for a shared machine).
#   The CLI runs through its launcher bin/fleet, as users start it; BENCH_JAVA_OPTS adds JVM
#   options on top of the launcher's (none by default: what users run).
#   BENCH_REPEATS (default 3): GNU and the fleet run alternately this many times on each input,
#   and the table shows the medians; every time is written to runs.txt in the work directory.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$WORK"
JAR="${FLEET_JAR:-$ROOT/producer/target/fleet.jar}"
JAVA_OPTS="${BENCH_JAVA_OPTS:-}"
SCALE=1
[[ "${1:-}" == "--quick" ]] && SCALE=10

if [[ -z "${FLEET_JAR:-}" ]]; then
  (cd "$ROOT" && ./mvnw -q -DskipTests -Dspotless.check.skip package)
fi
command -v factor >/dev/null || { echo "GNU factor is not on the PATH" >&2; exit 1; }

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

# single runs on a shared 2-core machine move by a tenth or more: alternate, take the medians
REPEATS="${BENCH_REPEATS:-3}"
median() { sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
: > "$WORK/runs.txt"

printf '%-14s %9s %10s %10s %12s %12s %9s\n' input numbers gnu_s fleet_s gnu_num/s fleet_num/s gnu/fleet
for name in random63 semiprime31 semiprime50 random9digit; do
  in="$WORK/$name.txt"
  count=$(wc -l < "$in")
  gnu_times=()
  our_times=()
  for ((i = 0; i < REPEATS; i++)); do
    gnu_times+=("$(seconds "$in" "$WORK/$name.gnu" factor)")
    # shellcheck disable=SC2086
    our_times+=("$(seconds "$in" "$WORK/$name.engine" "${FLEET_CLI[@]}" factor --local --threads 1)")
    cmp -s "$WORK/$name.gnu" "$WORK/$name.engine" || { echo "$name: outputs differ (see $WORK)" >&2; exit 2; }
  done
  echo "$name: gnu ${gnu_times[*]} s; fleet ${our_times[*]} s" >> "$WORK/runs.txt"
  gnu=$(printf '%s\n' "${gnu_times[@]}" | median)
  ours=$(printf '%s\n' "${our_times[@]}" | median)
  awk -v n="$name" -v c="$count" -v g="$gnu" -v o="$ours" \
    'BEGIN { printf "%-14s %9d %10.3f %10.3f %12.0f %12.0f %8.2fx\n", n, c, g, o, c / g, c / o, g / o }'
done
echo "medians of $REPEATS alternating runs each ($WORK/runs.txt has them all)"
echo "outputs identical; inputs and outputs in $WORK"
