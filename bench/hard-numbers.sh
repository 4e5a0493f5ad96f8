#!/usr/bin/env bash
# Hard numbers: balanced semiprimes (two primes of half the digits each), Factor Fleet against
# PARI/GP's factorint and msieve's quadratic sieve, side by side in one run, one number at a time.
#
# Usage: bench/hard-numbers.sh [options]
#   --digits "LIST"    sizes in decimal digits
#                      (env HARD_DIGITS, default "40 45 50 55 60 65 70 75 80")
#   --count K          numbers of each size, each run in a process of its own
#                      (env HARD_COUNT, default 3)
#   --runs R           runs of each number; the programs alternate per number: fleet, pari, msieve,
#                      fleet, ... (env BENCH_REPEATS, default 1)
#   --timeout S        seconds per number and program; past it the run is a TIMEOUT
#                      (env HARD_TIMEOUT, default 600)
#   --threads 1|all    fleet's --threads (all: every processor); PARI and msieve run on one thread,
#                      pinned with taskset to CPU 1 when this is 1 (env HARD_THREADS, default 1)
#   --progs "LIST"     any of fleet pari msieve (env HARD_PROGS, default "fleet pari msieve")
#   --batch-digits "LIST"  sizes too quick to time per process, timed per number inside one
#                      process instead (env HARD_BATCH_DIGITS, default "30")
#   --batch-count B    numbers in such a batch, at most 999 (env HARD_BATCH_COUNT, default 200)
#   --help             this text
# Env: FLEET, the command line to run (default bin/fleet of this checkout); FLEET_JAR, the jar it
#   runs (the build is skipped when FLEET or FLEET_JAR is set, otherwise ./mvnw package runs
#   first); ANCHORS_BUILD, where ../shared/anchors/build.sh put msieve (default
#   /tmp/factor-anchors; built by that script when the directory is missing); ANCHORS_DIR, the
#   anchors' scripts (default ../shared/anchors beside this checkout).
#
# Numbers: for D digits and index i, gp's setrand(D*1000+i), then p a random prime of floor(D/2)
# digits and q one of ceil(D/2) digits, drawn again until p*q has exactly D digits and p != q
# (bench/semiprime-lib.sh). The same arguments always give the same numbers (PARI/GP 2.15).
# Each run is the whole process, wall time: `$FLEET factor --local --threads T N`, `gp` with
# factorint(N) (nbthreads=1), `msieve -q -t 1 N`. Fleet's output must be exactly "N: p q" (p < q,
# as GNU factor prints it); PARI's and msieve's factors must be p and q, whose product is N.
# A batch size (--batch-digits) is timed per number inside the process: fleet's time on the B
# numbers from standard input less its time on B lines of "1", divided by B; PARI's wall time
# around its factorint loop in one gp, divided by B; msieve's whole `-i` batch process divided
# by B. The timeout there is for the whole process.
# Prints a Markdown table (medians per size, fleet/pari and fleet/msieve of the medians), every
# run's time per number, and the command; progress goes to standard error. Exits 2 when a program
# printed a wrong answer or failed (a timeout is not a failure), after printing the tables.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/semiprime-lib.sh
source "$ROOT/bench/semiprime-lib.sh"
shell_word() { # $1 as a shell word, in single quotes when it needs them
  if [[ "$1" =~ ^[A-Za-z0-9_./:=,+-]+$ ]]; then printf '%s' "$1"; else printf "'%s'" "${1//\'/\'\\\'\'}"; fi
}
COMMAND="bench/hard-numbers.sh"
for arg in "$@"; do COMMAND+=" $(shell_word "$arg")"; done

DIGITS="${HARD_DIGITS:-40 45 50 55 60 65 70 75 80}"
COUNT="${HARD_COUNT:-3}"
RUNS="${BENCH_REPEATS:-1}"
TIMEOUT="${HARD_TIMEOUT:-600}"
THREADS="${HARD_THREADS:-1}"
PROGS="${HARD_PROGS:-fleet pari msieve}"
BATCH_DIGITS="${HARD_BATCH_DIGITS:-30}"
BATCH_COUNT="${HARD_BATCH_COUNT:-200}"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
die() { echo "hard-numbers: $*" >&2; exit 64; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --digits) DIGITS=${2:?}; shift 2 ;;
    --count) COUNT=${2:?}; shift 2 ;;
    --runs) RUNS=${2:?}; shift 2 ;;
    --timeout) TIMEOUT=${2:?}; shift 2 ;;
    --threads) THREADS=${2:?}; shift 2 ;;
    --progs) PROGS=${2:?}; shift 2 ;;
    --batch-digits) BATCH_DIGITS=${2:-}; shift 2 ;;
    --batch-count) BATCH_COUNT=${2:?}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 64 ;;
  esac
done

# validated once, here
is_int() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }
for d in $DIGITS $BATCH_DIGITS; do
  is_int "$d" && ((d >= 6 && d <= 200)) || die "a size must be 6 to 200 digits, not '$d'"
done
[[ -n "$DIGITS" ]] || die "--digits needs at least one size"
is_int "$COUNT" && ((COUNT <= 999)) || die "--count must be 1 to 999 (the seeds are D*1000+i)"
is_int "$BATCH_COUNT" && ((BATCH_COUNT <= 999)) || die "--batch-count must be 1 to 999"
is_int "$RUNS" || die "--runs must be a positive integer, not '$RUNS'"
is_int "$TIMEOUT" || die "--timeout must be a positive number of seconds, not '$TIMEOUT'"
case "$THREADS" in
  all) FLEET_THREADS=0 THREADS_LABEL="all ($(nproc))" ;;
  *) is_int "$THREADS" || die "--threads must be 1, all or a number, not '$THREADS'"
     FLEET_THREADS=$THREADS THREADS_LABEL=$THREADS ;;
esac
read -r -a PROG_LIST <<< "$PROGS"
((${#PROG_LIST[@]} > 0)) || die "--progs needs at least one of fleet pari msieve"
for p in "${PROG_LIST[@]}"; do
  case "$p" in fleet | pari | msieve) ;; *) die "unknown program '$p' (fleet pari msieve)" ;; esac
done
[[ $(printf '%s\n' "${PROG_LIST[@]}" | sort | uniq -d) == "" ]] || die "--progs names a program twice"
has() { [[ " ${PROG_LIST[*]} " == *" $1 "* ]]; }
is_batch() { [[ " $BATCH_DIGITS " == *" $1 "* ]]; }

# the comparators: gp generates the numbers, so it is needed whatever --progs says
ANCHORS_DIR="$(realpath -m "${ANCHORS_DIR:-$ROOT/../shared/anchors}")"
ANCHORS_BUILD="${ANCHORS_BUILD:-/tmp/factor-anchors}"
MSIEVE="$ANCHORS_BUILD/bin/msieve"
comparators_missing() { ! command -v gp >/dev/null || { has msieve && [[ ! -x "$MSIEVE" ]]; }; }
if comparators_missing && [[ ! -d "$ANCHORS_BUILD" && -x "$ANCHORS_DIR/build.sh" ]]; then
  echo "hard-numbers: building the comparators: $ANCHORS_DIR/build.sh (ANCHORS_BUILD=$ANCHORS_BUILD)" >&2
  ANCHORS_BUILD="$ANCHORS_BUILD" "$ANCHORS_DIR/build.sh" >&2
fi
if comparators_missing; then
  echo "hard-numbers: gp or $MSIEVE is missing; build them with" >&2
  echo "  ANCHORS_BUILD=$ANCHORS_BUILD ${ANCHORS_DIR}/build.sh" >&2
  exit 1
fi

# the command line, through its launcher as users start it; absolute paths, as runs start in
# directories of their own
if [[ -z "${FLEET:-}" && -z "${FLEET_JAR:-}" ]] && has fleet; then
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip package) >&2
fi
FLEET="$(realpath "${FLEET:-$ROOT/bin/fleet}")"
[[ -z "${FLEET_JAR:-}" ]] || export FLEET_JAR="$(realpath "$FLEET_JAR")"

PIN=()
if [[ "$THREADS" == 1 ]]; then
  PIN=(taskset -c "$(($(nproc) > 1 ? 1 : 0))")
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/hard-numbers.XXXXXX")"
CHILD=
cleanup() {
  if [[ -n "$CHILD" ]]; then
    kill -TERM "$CHILD" 2>/dev/null || true
    wait "$CHILD" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the numbers ---------------------------------------------------------------------------------
# numbers.txt: "D i N p q" per line, p < q
SIZES=()
for d in $DIGITS; do
  n=$COUNT
  is_batch "$d" && n=$BATCH_COUNT
  SIZES+=("$d" "$n")
done
balanced_semiprimes "${SIZES[@]}" > "$WORK/numbers.txt"

echo "numbers (digits, index, N = p * q):" >&2
for d in $DIGITS; do
  if is_batch "$d"; then
    awk -v d="$d" '$1 == d { n++; if (n == 1) first = $3; last = $3 }
      END { printf "  %d: a batch of %d, setrand(%d..%d): %s ... %s\n", d, n, d * 1000 + 1, d * 1000 + n, first, last }' \
      "$WORK/numbers.txt" >&2
  else
    awk -v d="$d" '$1 == d { printf "  %d %d %s = %s * %s\n", $1, $2, $3, $4, $5 }' "$WORK/numbers.txt" >&2
  fi
done

# --- running and checking ------------------------------------------------------------------------
# run_timed DIR IN OUT CMD...: runs CMD in DIR, <IN >OUT 2>OUT.err, under the timeout; sets
# ELAPSED (wall seconds) and RC. In the background and waited for, so that a signal to this script
# stops it at once (the EXIT trap ends the child; timeout passes the signal on).
run_timed() {
  local dir=$1 in=$2 out=$3 start end
  shift 3
  RC=0
  start=$(date +%s%N)
  (cd "$dir" && exec timeout -k 5 "$TIMEOUT" "$@") < "$in" > "$out" 2> "$out.err" &
  CHILD=$!
  wait "$CHILD" || RC=$?
  CHILD=
  end=$(date +%s%N)
  ELAPSED=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.6f", ns / 1e9 }')
}

# msieve -q prints each number, then a line "pK: f" or "prpK: f" per factor ("cK: f" for a
# composite left): as GNU factor's lines, factors ascending
msieve_to_gnu() {
  awk 'function flush(   i, j, t, s) {
         if (n == "") return
         for (i = 2; i <= k; i++) for (j = i; j > 1 && less(f[j], f[j - 1]); j--) { t = f[j]; f[j] = f[j - 1]; f[j - 1] = t }
         s = n ":"; for (i = 1; i <= k; i++) s = s " " f[i]; print s
       }
       function less(a, b) { return length(a) < length(b) || (length(a) == length(b) && a < b) }
       /^[0-9]+$/ { flush(); n = $1; k = 0; next }
       /^(p|prp)[0-9]+: [0-9]+$/ { f[++k] = $2; next }
       /^c[0-9]+: [0-9]+$/ { f[++k] = "c" $2; next }
       END { flush() }'
}

pari_one() { # pari_one N: the gp script that factors N and prints it as GNU factor does
  cat <<EOF
{
  my(f = factorint($1), s = Str($1, ":"));
  for (j = 1, #f~, for (k = 1, f[j, 2], s = concat(s, Str(" ", f[j, 1]))));
  print(s);
}
EOF
}
pari_batch() { # the gp script that factors nums.txt, wall time of the loop to ms.txt in ms
  cat <<'EOF'
{
  my(v = readvec("nums.txt"), t0 = getwalltime(), r);
  r = vector(#v, i, factorint(v[i]));
  write("ms.txt", getwalltime() - t0);
  for (i = 1, #v, my(f = r[i], s = Str(v[i], ":"));
    for (j = 1, #f~, for (k = 1, f[j, 2], s = concat(s, Str(" ", f[j, 1])))); print(s));
}
EOF
}
GP=(gp -q -f --default parisize=1000000000 --default nbthreads=1)
MSIEVE_CMD=("$MSIEVE" -q -t 1 -s ms.dat -l ms.log)

# verdict EXPECTED OUT: OK, TIMEOUT or FAIL for the run just made (RC), telling why on a FAIL
verdict() {
  if ((RC == 124 || RC == 137)); then
    echo TIMEOUT
  elif ((RC != 0)); then
    echo "    exit status $RC: $(head -c 300 "$2.err" | tr '\n' ' ')" >&2
    echo FAIL
  elif cmp -s "$1" "$2"; then
    echo OK
  else
    echo "    expected $(head -1 "$1"), got: $(head -c 300 "$2" | tr '\n' ' ')" >&2
    echo FAIL
  fi
}

: > "$WORK/runs.tsv" # digits, index ("batch" for a batch), run, program, OK|TIMEOUT|FAIL, seconds
record() { # record D I R PROG STATUS SECONDS
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$WORK/runs.tsv"
  local which="#$2"
  [[ "$2" == batch ]] && which="batch, per number,"
  if [[ "$5" == OK ]]; then
    printf '  %s digits %s run %s %-6s %s s\n' "$1" "$which" "$3" "$4" "$6" >&2
  else
    printf '  %s digits %s run %s %-6s %s\n' "$1" "$which" "$3" "$4" "$5" >&2
  fi
}

run_number() { # run_number D I N P Q R: each program on N once
  local d=$1 i=$2 n=$3 r=$6 prog dir status
  printf '%s: %s %s\n' "$n" "$4" "$5" > "$WORK/expected"
  for prog in "${PROG_LIST[@]}"; do
    dir="$WORK/run"
    rm -rf "$dir" && mkdir -p "$dir"
    case "$prog" in
      fleet) run_timed "$dir" /dev/null "$WORK/out" "$FLEET" factor --local --threads "$FLEET_THREADS" "$n" ;;
      pari) pari_one "$n" > "$WORK/one.gp"
            run_timed "$dir" "$WORK/one.gp" "$WORK/out" "${PIN[@]}" "${GP[@]}" ;;
      msieve) run_timed "$dir" /dev/null "$WORK/raw" "${PIN[@]}" "${MSIEVE_CMD[@]}" "$n"
              msieve_to_gnu < "$WORK/raw" > "$WORK/out"; cp "$WORK/raw.err" "$WORK/out.err" ;;
    esac
    status=$(verdict "$WORK/expected" "$WORK/out")
    record "$d" "$i" "$r" "$prog" "$status" "$ELAPSED"
  done
}

run_batch() { # run_batch D R: each program on the batch of D digits once, per number in the process
  local d=$1 r=$2 prog dir status ones b=$BATCH_COUNT
  awk -v d="$d" '$1 == d { print $3 }' "$WORK/numbers.txt" > "$WORK/nums.txt"
  awk -v d="$d" '$1 == d { print $3 ": " $4 " " $5 }' "$WORK/numbers.txt" > "$WORK/expected"
  for prog in "${PROG_LIST[@]}"; do
    dir="$WORK/run"
    rm -rf "$dir" && mkdir -p "$dir"
    cp "$WORK/nums.txt" "$dir/nums.txt"
    case "$prog" in
      fleet)
        run_timed "$dir" "$WORK/nums.txt" "$WORK/out" "$FLEET" factor --local --threads "$FLEET_THREADS"
        status=$(verdict "$WORK/expected" "$WORK/out")
        if [[ "$status" == OK ]]; then
          local whole=$ELAPSED
          awk -v b="$b" 'BEGIN { for (i = 0; i < b; i++) print 1 }' > "$WORK/ones.txt"
          awk -v b="$b" 'BEGIN { for (i = 0; i < b; i++) print "1:" }' > "$WORK/ones.expected"
          run_timed "$dir" "$WORK/ones.txt" "$WORK/out" "$FLEET" factor --local --threads "$FLEET_THREADS"
          status=$(verdict "$WORK/ones.expected" "$WORK/out")
          ones=$ELAPSED
          printf '  %s digits batch run %s fleet: %s s for %d numbers, %s s for %d ones\n' \
            "$d" "$r" "$whole" "$b" "$ones" "$b" >&2
          ELAPSED=$(awk -v w="$whole" -v o="$ones" -v b="$b" 'BEGIN { printf "%.6f", (w - o) / b }')
        fi ;;
      pari)
        pari_batch > "$WORK/batch.gp"
        run_timed "$dir" "$WORK/batch.gp" "$WORK/out" "${PIN[@]}" "${GP[@]}"
        status=$(verdict "$WORK/expected" "$WORK/out")
        if [[ "$status" == OK ]]; then
          printf '  %s digits batch run %s pari: %s s for the process, %s ms in factorint\n' \
            "$d" "$r" "$ELAPSED" "$(cat "$dir/ms.txt")" >&2
          ELAPSED=$(awk -v ms="$(cat "$dir/ms.txt")" -v b="$b" 'BEGIN { printf "%.6f", ms / 1000 / b }')
        fi ;;
      msieve)
        run_timed "$dir" /dev/null "$WORK/raw" "${PIN[@]}" "${MSIEVE_CMD[@]}" -i nums.txt
        msieve_to_gnu < "$WORK/raw" > "$WORK/out"; cp "$WORK/raw.err" "$WORK/out.err"
        status=$(verdict "$WORK/expected" "$WORK/out")
        ELAPSED=$(awk -v s="$ELAPSED" -v b="$b" 'BEGIN { printf "%.6f", s / b }') ;;
    esac
    record "$d" batch "$r" "$prog" "$status" "$ELAPSED"
  done
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
for d in $DIGITS; do
  for ((r = 1; r <= RUNS; r++)); do
    if is_batch "$d"; then run_batch "$d" "$r"; fi
  done
  is_batch "$d" && continue
  while read -r _ i n p q; do
    for ((r = 1; r <= RUNS; r++)); do run_number "$d" "$i" "$n" "$p" "$q" "$r"; done
  done < <(awk -v d="$d" '$1 == d' "$WORK/numbers.txt")
done

# --- the report ----------------------------------------------------------------------------------
describe() { # the programs and the machine, one Markdown paragraph
  local parts=() commit
  if has fleet; then
    commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
    [[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]] && commit="$commit with changes"
    parts+=("Factor Fleet \`$(basename "$FLEET") factor --local --threads $FLEET_THREADS\` ($commit, threads: $THREADS_LABEL)")
  fi
  has pari && parts+=("PARI/GP $(echo 'print(Strprintf("%d.%d.%d", version()[1], version()[2], version()[3]))' | gp -q -f) \`factorint\` (nbthreads=1)")
  has msieve && parts+=("$("$MSIEVE" -h 2>&1 | grep -o 'Msieve v\. [0-9.]*' | head -1) \`-t 1\`")
  local IFS=';'
  echo "${parts[*]}" | sed 's/;/; /g'
}
cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)

echo
echo "Command: \`$COMMAND\`"
echo
echo "$(describe). Wall seconds per number, whole processes (the JVM's start included); each" \
  "size the median of $COUNT number(s) x $RUNS run(s), a batch the median of its $RUNS run(s);" \
  "PARI and msieve on one thread$( ((${#PIN[@]})) && echo ", pinned with \`${PIN[*]}\`");" \
  "timeout $TIMEOUT s; $(nproc) x ${cpu_model:-unknown CPU}, load average $LOAD_START at the start, $(date -u +%Y-%m-%d)."
echo

awk -F'\t' -v progs="${PROG_LIST[*]}" -v digits="$DIGITS" -v batch=" $BATCH_DIGITS " -v count="$COUNT" \
  -v bcount="$BATCH_COUNT" '
  function fmt(v, isbatch) { return sprintf(isbatch ? "%.5f" : "%.3f", v) }
  function median(key,   n, i, j, t, a) {
    n = split(vals[key], a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j] + 0 < a[j - 1] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function ratio(x, y) {
    if (y <= 0) return "-"
    return sprintf(x / y >= 100 ? "%.0f" : x / y >= 10 ? "%.1f" : "%.2f", x / y)
  }
  {
    key = $1 SUBSEP $4; runs[key]++
    if ($5 == "OK") vals[key] = vals[key] " " $6
    else bad[key, $5]++
    id = $1 SUBSEP $2 SUBSEP $4
    cell[id] = (id in cell ? cell[id] ", " : "") ($5 == "OK" ? fmt($6, $2 == "batch") : $5)
    if (!(($1 SUBSEP $2) in seen)) { seen[$1 SUBSEP $2] = 1; order[++rows] = $1 SUBSEP $2 }
  }
  END {
    np = split(progs, prog, " "); nd = split(digits, dig, " ")
    printf "| digits | numbers |"; for (k = 1; k <= np; k++) printf " %s s |", prog[k]
    for (k = 1; k <= np; k++) if (prog[k] != "fleet" && progs ~ /fleet/) printf " fleet/%s |", prog[k]
    printf "\n|---|---|"; for (k = 1; k <= np; k++) printf "---|"
    for (k = 1; k <= np; k++) if (prog[k] != "fleet" && progs ~ /fleet/) printf "---|"
    printf "\n"
    for (x = 1; x <= nd; x++) {
      d = dig[x]; isbatch = index(batch, " " d " ") > 0; fleet = ""
      printf "| %s | %s |", isbatch ? d " (per number inside the process)" : d, isbatch ? bcount : count
      for (k = 1; k <= np; k++) {
        key = d SUBSEP prog[k]; med[k] = ""
        if (bad[key, "FAIL"] || bad[key, "TIMEOUT"]) {
          s = ""
          if (bad[key, "FAIL"]) s = "FAIL " bad[key, "FAIL"] "/" runs[key]
          if (bad[key, "TIMEOUT"]) s = s (s == "" ? "" : ", ") "TIMEOUT " bad[key, "TIMEOUT"] "/" runs[key]
          printf " %s |", s
        } else {
          med[k] = median(key); printf " %s |", fmt(med[k], isbatch)
          if (prog[k] == "fleet") fleet = med[k]
        }
      }
      for (k = 1; k <= np; k++) if (prog[k] != "fleet" && progs ~ /fleet/)
        printf " %s |", (fleet == "" || med[k] == "") ? "-" : ratio(fleet, med[k])
      printf "\n"
    }
    printf "\nEvery run, seconds per number (a batch: per number inside the process):\n\n"
    printf "| digits | # | N |"; for (k = 1; k <= np; k++) printf " %s s |", prog[k]
    printf "\n|---|---|---|"; for (k = 1; k <= np; k++) printf "---|"
    printf "\n"
    while ((getline line < numbers) > 0) { split(line, f, " "); num[f[1] SUBSEP f[2]] = f[3]; last[f[1]] = f[2] }
    for (x = 1; x <= rows; x++) {
      split(order[x], o, SUBSEP)
      if (o[2] == "batch") printf "| %s | 1-%s | %s numbers, setrand(%d..%d) |", o[1], last[o[1]], last[o[1]], o[1] * 1000 + 1, o[1] * 1000 + last[o[1]]
      else printf "| %s | %s | %s |", o[1], o[2], num[o[1] SUBSEP o[2]]
      for (k = 1; k <= np; k++) printf " %s |", cell[o[1] SUBSEP o[2] SUBSEP prog[k]]
      printf "\n"
    }
    for (key in runs) { split(key, kk, SUBSEP); fails += bad[key, "FAIL"]; timeouts += bad[key, "TIMEOUT"] }
    printf "\nRuns: %d; TIMEOUT: %d; FAIL: %d.\n", NR, timeouts, fails
  }' numbers="$WORK/numbers.txt" "$WORK/runs.tsv"

if cut -f5 "$WORK/runs.tsv" | grep -qx FAIL; then
  echo "hard-numbers: some runs failed (FAIL above; the reasons are on standard error)" >&2
  exit 2
fi
