#!/usr/bin/env bash
# One hard number across the fleet: a balanced semiprime (two primes of half the digits each) of
# each size, factored by `bin/fleet factor` in three configurations, one number at a time:
#   (a) --local:      `bin/fleet factor --local --threads 1 N`, no broker, no worker;
#   (b) one worker:   a worker with --threads 1, and `bin/fleet factor N` through it;
#   (c) two workers:  two workers with --threads 1 each, and `bin/fleet factor N` through them.
# From about 60 digits on, `fleet factor` splits the number into units that the workers share, so
# b/c is what a second worker gains on one number (goal: at least 1.8) and a/b what going through
# the fleet costs a single thread (goal: at least 0.85).
#
# Usage: bench/fleet-hard-numbers.sh [options]
#   --digits "LIST"  sizes in decimal digits, one number each (env HARD_DIGITS, default "65 70")
#   --runs R         runs of each configuration and size; the configurations alternate run by run:
#                    a, b, c, a, b, c, ... (env BENCH_REPEATS, default 3)
#   --timeout S      seconds per run of `fleet factor`; past it the run is a TIMEOUT
#                    (env HARD_TIMEOUT, default 600)
#   --help           this text
# Env: FLEET_JAR and FLEET_WORKER_JAR, the jars to run (./mvnw package runs first unless both are
#   set); FLEET_AMQP_URI, the broker (default amqp://guest:guest@127.0.0.1:5672/%2F);
#   BENCH_JAVA_OPTS, JVM options added to every java command; BENCH_LOCK, the lock that keeps
#   timings apart (default /tmp/timing.lock).
#
# Numbers: index 1 of each size as bench/hard-numbers.sh draws them (bench/semiprime-lib.sh):
# gp's setrand(D*1000+1), p of floor(D/2) digits, q of ceil(D/2); needs gp (PARI/GP 2.15,
# `apt-get install pari-gp`), rabbitmqctl and a broker.
# Each run: the configuration's workers are started fresh (their warm-up on, as users start them)
# and waited for until they consume this run's private task queue, bench.<pid>.tasks; then the
# whole `fleet factor` process is timed, wall time, the JVM's start included; its output must be
# exactly "N: p q" (p < q, as GNU factor prints it) and its exit status 0; then the workers are
# stopped (SIGTERM). Messages left in the task queue after that are reported and purged, so that
# no run inherits another's work. The runs hold `flock BENCH_LOCK` (taken here, or inherited
# when the script runs under `flock /tmp/timing.lock`), so that no other timing overlaps them.
# Prints a Markdown table (medians per size and configuration, b/c and a/b of the medians), every
# run's time, where the time of (b) and (c) went as the coordinator logged it (`fleet factor` runs
# with FLEET_LOG_LEVEL=DEBUG: the pretest's and the sieve's wall time, the workers' busy time, the
# units, the matrix), and the command; progress goes to standard error. Exits 2 when a run printed a wrong
# answer or failed (a timeout is not a failure), after printing the tables.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/semiprime-lib.sh
source "$ROOT/bench/semiprime-lib.sh"
shell_word() { # $1 as a shell word, in single quotes when it needs them
  if [[ "$1" =~ ^[A-Za-z0-9_./:=,+-]+$ ]]; then printf '%s' "$1"; else printf "'%s'" "${1//\'/\'\\\'\'}"; fi
}
COMMAND="bench/fleet-hard-numbers.sh"
for arg in "$@"; do COMMAND+=" $(shell_word "$arg")"; done

DIGITS="${HARD_DIGITS:-65 70}"
RUNS="${BENCH_REPEATS:-3}"
TIMEOUT="${HARD_TIMEOUT:-600}"
LOCK="${BENCH_LOCK:-/tmp/timing.lock}"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die() { echo "fleet-hard-numbers: $*" >&2; exit 64; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --digits) DIGITS=${2:?}; shift 2 ;;
    --runs) RUNS=${2:?}; shift 2 ;;
    --timeout) TIMEOUT=${2:?}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 64 ;;
  esac
done

is_int() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }
[[ -n "${DIGITS// /}" ]] || die "--digits needs at least one size"
for d in $DIGITS; do
  if ! is_int "$d" || ((d < 6 || d > 100)); then die "a size must be 6 to 100 digits, not '$d'"; fi
done
is_int "$RUNS" || die "--runs must be a positive integer, not '$RUNS'"
is_int "$TIMEOUT" || die "--timeout must be a positive number of seconds, not '$TIMEOUT'"
command -v gp >/dev/null || { echo "fleet-hard-numbers: gp is missing: apt-get install pari-gp" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/fleet-hard-numbers.XXXXXX")"
# shellcheck source=bench/fleet-lib.sh
source "$ROOT/bench/fleet-lib.sh"
build_unless_given FLEET_JAR FLEET_WORKER_JAR >&2

CHILD=
FAILED=
finish() { # on exit: the command line, the workers and this run's queues; the logs if a run failed
  if [[ -n "$CHILD" ]]; then
    kill -TERM "$CHILD" 2>/dev/null || true
    wait "$CHILD" 2>/dev/null || true
  fi
  cleanup
  if [[ -n "$FAILED" ]]; then echo "fleet-hard-numbers: logs kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the numbers ---------------------------------------------------------------------------------
SIZES=()
for d in $DIGITS; do SIZES+=("$d" 1); done
balanced_semiprimes "${SIZES[@]}" > "$WORK/numbers.txt" # "D 1 N p q" a line
echo "numbers (digits, index, N = p * q):" >&2
awk '{ printf "  %d %d %s = %s * %s\n", $1, $2, $3, $4, $5 }' "$WORK/numbers.txt" >&2

# --- running and checking ------------------------------------------------------------------------
# run_timed CMD...: runs CMD </dev/null >$WORK/out 2>$WORK/out.err under the timeout; sets ELAPSED
# (wall seconds) and RC. In the background and waited for, so that a signal to this script stops it
# at once (the EXIT trap ends the child; timeout passes the signal on).
run_timed() {
  local start end
  RC=0
  start=$(date +%s%N)
  timeout -k 5 "$TIMEOUT" "$@" < /dev/null > "$WORK/out" 2> "$WORK/out.err" &
  CHILD=$!
  wait "$CHILD" || RC=$?
  CHILD=
  end=$(date +%s%N)
  ELAPSED=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')
}

verdict() { # verdict: OK, TIMEOUT or FAIL for the run just made, telling why on a FAIL
  if ((RC == 124 || RC == 137)); then
    echo TIMEOUT
  elif ((RC != 0)); then
    echo "    exit status $RC: $(head -c 300 "$WORK/out.err" | tr '\n' ' ')" >&2
    echo FAIL
  elif cmp -s "$WORK/expected" "$WORK/out"; then
    echo OK
  else
    echo "    expected $(cat "$WORK/expected"), got: $(head -c 300 "$WORK/out" | tr '\n' ' ')" >&2
    echo FAIL
  fi
}

unit_lines() { # unit_lines I: lines of worker I's log saying it worked on units of a number
  local n
  n=$(grep -c 'units of number' "$WORK/worker-$1.log" 2>/dev/null || true)
  echo "${n:-0}"
}
queue_depth() { # queue_depth QUEUE: messages in it (ready and unacknowledged)
  rabbitmqctl -q list_queues name messages --no-table-headers 2>/dev/null |
    awk -v q="$1" '$1 == q { print $2 }'
}
# after_fleet_run: what a run through the fleet left once its workers stopped, as a note; the task
# queue is purged, so that the next run starts on an empty one. The broker's message counts lag by
# up to its statistics interval (5 s), so a count above 0 is read again for up to 10 s.
after_fleet_run() {
  local tasks dead extra i
  NOTE=
  for ((i = 0; i < 10; i++)); do
    tasks=$(queue_depth "$PREFIX.tasks")
    ((${tasks:-0} > 0)) || break
    sleep 1
  done
  if ((${tasks:-0} > 0)); then
    NOTE+="$tasks messages left in the task queue, purged; "
    rabbitmqctl -q purge_queue "$PREFIX.tasks" >/dev/null 2>&1 || true
  fi
  dead=$(queue_depth "$PREFIX.dead")
  if ((${dead:-0} > 0)); then NOTE+="$dead dead-lettered so far; "; fi
  extra=$(bench_queues | grep -vxF -e "$PREFIX.tasks" -e "$PREFIX.results" -e "$PREFIX.dead" |
    tr '\n' ' ' || true)
  [[ -z "$extra" ]] || NOTE+="queues left: ${extra% }; "
  NOTE=${NOTE%; }
  [[ -z "$NOTE" ]] || echo "    $NOTE" >&2
}

: > "$WORK/runs.tsv" # digits, run, configuration, OK|TIMEOUT|FAIL, seconds, workers on units, note
: > "$WORK/phases.tsv" # digits, run, configuration, pretest s, sieve s, workers busy s, units, matrix s, A coefficients
# record_phases D R C: the coordinator's own account of the run just made, from its debug lines
# ("ECM pretest of ... in P s, the workers busy ..." and "sieve of U units (A A coefficients) in S s,
# the workers busy W s; ... matrix and square root M s"), one line of phases.tsv; nothing when it
# logged none.
record_phases() {
  awk -v d="$1" -v r="$2" -v c="$3" '
    /FleetSplitter - .*ECM pretest of/ { for (i = 1; i <= NF; i++) if ($i == "in") p = $(i + 1) }
    /FleetSplitter - .*sieve of .* units \(/ {
      for (i = 1; i <= NF; i++) {
        if ($i == "of" && $(i + 2) == "units") u = $(i + 1)
        if ($i == "units" && $(i + 1) ~ /^\(/) a = substr($(i + 1), 2)
        if ($i == "coefficients)" && $(i + 1) == "in") s = $(i + 2)
        if ($i == "busy") w = $(i + 1)
        if ($i == "root") m = $(i + 1)
      }
    }
    END { if (s != "") printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", d, r, c, p, s, w, u, m, a }
  ' "$WORK/out.err" >> "$WORK/phases.tsv"
}
run_config() { # run_config a|b|c D N R: one run of the configuration on N
  local config=$1 d=$2 n=$3 r=$4 status workers=0 split=- i
  local -a before=()
  NOTE=
  case "$config" in
    a) run_timed "${FLEET_CLI[@]}" factor --local --threads 1 "$n" ;;
    b | c)
      workers=1
      [[ "$config" == c ]] && workers=2
      start_workers "$workers" 1
      for ((i = 1; i <= workers; i++)); do before[i]=$(unit_lines "$i"); done
      run_timed env FLEET_LOG_LEVEL=DEBUG "${FLEET_CLI[@]}" factor "${QUEUES[@]}" "$n"
      stop_workers
      record_phases "$d" "$r" "$config"
      split=0
      for ((i = 1; i <= workers; i++)); do
        if (($(unit_lines "$i") > before[i])); then split=$((split + 1)); fi
      done
      after_fleet_run ;;
  esac
  status=$(verdict)
  [[ "$status" == FAIL ]] && FAILED=1
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$d" "$r" "$config" "$status" "$ELAPSED" "$split" "$NOTE" \
    >> "$WORK/runs.tsv"
  printf '  %s digits run %s (%s) %s%s\n' "$d" "$r" "$config" \
    "$([[ "$status" == OK ]] && echo "$ELAPSED s" || echo "$status")" \
    "$([[ "$split" == - ]] || echo ", $split of $workers worker(s) on units")" >&2
}

# The lock that keeps timings apart: the descriptor inherited from `flock LOCK this-script` when
# there is one (flock on it returns at once), otherwise one of our own, waited for.
hold_timing_lock() {
  local fd target
  target=$(realpath -m "$LOCK")
  for fd in "/proc/$$/fd"/*; do
    if [[ "$(readlink "$fd" 2>/dev/null)" == "$target" ]]; then
      flock "${fd##*/}"
      return
    fi
  done
  exec {LOCK_FD}>>"$LOCK"
  if ! flock -n "$LOCK_FD"; then
    echo "fleet-hard-numbers: waiting for $LOCK (another timing holds it)" >&2
    flock "$LOCK_FD"
  fi
}

hold_timing_lock
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
mapfile -t NUMBERS < "$WORK/numbers.txt" # read first: rabbitmqctl reads its standard input
for line in "${NUMBERS[@]}"; do
  read -r d _ n p q <<< "$line"
  printf '%s: %s %s\n' "$n" "$p" "$q" > "$WORK/expected"
  for ((r = 1; r <= RUNS; r++)); do
    for config in a b c; do run_config "$config" "$d" "$n" "$r"; done
  done
done
[[ -z "${LOCK_FD:-}" ]] || exec {LOCK_FD}>&-

# --- the report ----------------------------------------------------------------------------------
COMMIT=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null)$(cd "$ROOT" && git diff --quiet HEAD 2>/dev/null || echo "+changes")
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
echo
echo "Command: \`$COMMAND\`"
echo
echo "Factor Fleet at ${COMMIT:-unknown}. Wall seconds of the whole \`fleet factor\` process (the" \
  "JVM's start included), medians of $RUNS run(s); workers started fresh before each run and" \
  "untimed; timeout $TIMEOUT s; $CORES x ${CPU_MODEL:-unknown CPU}, load average $LOAD_START at" \
  "the start, $(date -u +%Y-%m-%d)."
echo

awk -F'\t' -v runs="$RUNS" '
  function median(key,   n, i, j, t, a) {
    n = split(vals[key], a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j] + 0 < a[j - 1] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function ratio(x, y) { return (x == "" || y == "" || y <= 0) ? "-" : sprintf("%.2f", x / y) }
  FILENAME == numbers { split($0, f, " "); num[f[1]] = f[3]; order[++nd] = f[1]; next }
  {
    key = $1 SUBSEP $3; count[key]++
    if ($4 == "OK") vals[key] = vals[key] " " $5
    else { bad[key] = 1; nbad[key, $4]++ }
    cell[$1, $2, $3] = $4 == "OK" ? sprintf("%.3f", $5) : $4
    if ($6 != "-") split_[$1, $2] = split_[$1, $2] (split_[$1, $2] == "" ? "" : " / ") $6
    if ($7 != "") note[$1, $2] = note[$1, $2] (note[$1, $2] == "" ? "" : "; ") "(" $3 ") " $7
    if ($4 == "FAIL") fails++
    if ($4 == "TIMEOUT") timeouts++
    total++
  }
  END {
    print "| digits | (a) --local, 1 thread (s) | (b) 1 worker x 1 thread (s) | (c) 2 workers x 1 thread (s) | speed-up b/c (goal >= 1.8) | efficiency a/b (goal >= 0.85) |"
    print "|---|---|---|---|---|---|"
    for (x = 1; x <= nd; x++) {
      d = order[x]; line = "| " d " |"
      for (k = 1; k <= 3; k++) {
        c = substr("abc", k, 1); key = d SUBSEP c; med[c] = ""
        if (count[key] == 0) line = line " - |"
        else if (bad[key]) {
          s = ""
          if (nbad[key, "FAIL"]) s = "FAIL " nbad[key, "FAIL"] "/" count[key]
          if (nbad[key, "TIMEOUT"]) s = s (s == "" ? "" : ", ") "TIMEOUT " nbad[key, "TIMEOUT"] "/" count[key]
          line = line " " s " |"
        }
        else { med[c] = median(key); line = line sprintf(" %.3f |", med[c]) }
      }
      print line " " ratio(med["b"], med["c"]) " | " ratio(med["a"], med["b"]) " |"
    }
    print ""
    print "Every run, seconds; workers on units: of the workers of (b) / (c), those that logged work on units of the number:"
    print ""
    print "| digits | run | (a) s | (b) s | (c) s | workers on units (b / c) | notes |"
    print "|---|---|---|---|---|---|---|"
    for (x = 1; x <= nd; x++) {
      d = order[x]
      for (r = 1; r <= runs; r++)
        printf "| %s | %d | %s | %s | %s | %s | %s |\n", d, r, cell[d, r, "a"], cell[d, r, "b"], cell[d, r, "c"], split_[d, r], note[d, r]
    }
    print ""
    for (x = 1; x <= nd; x++) printf "%s digits: N = %s (setrand(%d)).\n", order[x], num[order[x]], order[x] * 1000 + 1
    printf "\nRuns: %d; TIMEOUT: %d; FAIL: %d.\n", total, timeouts, fails
  }' numbers="$WORK/numbers.txt" "$WORK/numbers.txt" "$WORK/runs.tsv"

if [[ -s "$WORK/phases.tsv" ]]; then
  echo
  echo "Where the time of (b) and (c) went, as the coordinator logged it (medians): the ECM pretest's" \
    "and the sieve's wall seconds, the seconds the workers spent on sieve units (busy), the" \
    "sieve units and the A coefficients they covered, and the matrix and square root on the" \
    "coordinator:"
  echo
  echo "| digits | configuration | pretest s | sieve s | workers busy s | busy / sieve | units | A coefficients | matrix s |"
  echo "|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' '
    function median(list,   n, i, j, t, a) {
      n = split(list, a, " ")
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j] + 0 < a[j - 1] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { key = $1 SUBSEP $3; if (!(key in seen)) { seen[key] = 1; order[++n] = key }
      for (f = 4; f <= 9; f++) v[key, f] = v[key, f] " " $f }
    END {
      for (x = 1; x <= n; x++) {
        split(order[x], k, SUBSEP)
        printf "| %s | (%s) | %.2f | %.2f | %.2f | %.2f | %d | %d | %.2f |\n", k[1], k[2],
          median(v[order[x], 4]), median(v[order[x], 5]), median(v[order[x], 6]),
          median(v[order[x], 6]) / median(v[order[x], 5]), median(v[order[x], 7]),
          median(v[order[x], 9]), median(v[order[x], 8])
      }
    }' "$WORK/phases.tsv"
fi

if [[ -n "$FAILED" ]]; then
  echo "fleet-hard-numbers: some runs failed (FAIL above; the reasons are on standard error)" >&2
  exit 2
fi
