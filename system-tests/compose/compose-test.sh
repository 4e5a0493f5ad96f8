#!/usr/bin/env bash
# The README's docker compose steps, run as written against a real Docker engine, each checked and
# logged with its time and PASS or FAIL. Run by run.sh, which provides Docker, Compose and the
# images; it expects `docker compose` to work and the base images to exist.
#
# Host ports come from the environment (as users set them in .env), so that the stack starts beside
# a RabbitMQ already on 5672; the image build uses the host's network through an override file.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1

export COMPOSE_PROJECT_NAME=${COMPOSE_PROJECT_NAME:-fleet-compose-test}
export COMPOSE_FILE=docker-compose.yml:system-tests/compose/host-network-build.yml
export DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0
project=$COMPOSE_PROJECT_NAME
work=$(mktemp -d)
passed=0
failed=0
readonly WAIT_SECONDS=240

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
export RABBITMQ_AMQP_PORT=${RABBITMQ_AMQP_PORT:-$(free_port)}
export RABBITMQ_MANAGEMENT_PORT=${RABBITMQ_MANAGEMENT_PORT:-$(free_port)}
export PROMETHEUS_PORT=${PROMETHEUS_PORT:-$(free_port)}
export GRAFANA_PORT=${GRAFANA_PORT:-$(free_port)}
# One CPU per worker here, below the host's two, so that a worker sizing its threads from the
# host instead of its limit shows.
export FLEET_WORKER_CPUS=${FLEET_WORKER_CPUS:-1}

compose_log() { printf '%s compose-test: %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# step DESCRIPTION FUNCTION [ARGS...]: runs one check, logs it with its duration and result.
step() {
  local description=$1 started=$SECONDS
  shift
  compose_log "step: $description"
  if "$@" >"$work/step.log" 2>&1; then
    passed=$((passed + 1))
    sed 's/^/    | /' "$work/step.log" | tail -n 12
    compose_log "PASS ($((SECONDS - started)) s): $description"
  else
    failed=$((failed + 1))
    compose_log "FAIL ($((SECONDS - started)) s): $description"
    sed 's/^/    | /' "$work/step.log" | tail -n 40
  fi
}

# The README must show each command this test runs as written, so that the two cannot drift.
readme_shows() {
  grep -qF -- "$1" README.md || {
    echo "README.md does not show: $1"
    return 1
  }
}

# run_as_written COMMAND OUT: a README command through bash, standard output to OUT and standard
# error to OUT.err, which must hold no JVM chatter and no password.
run_as_written() {
  readme_shows "$1" || return 1
  echo "\$ $1"
  bash -c "$1" >"$2" 2>"$2.err"
  local status=$?
  cat "$2.err"
  if [ "$status" -ne 0 ]; then
    echo "exit status $status"
    return 1
  fi
  if grep -q 'Picked up' "$2.err"; then
    echo "the JVM announced its options on standard error"
    return 1
  fi
}

same_as_gnu() { # OUTPUT INPUT_COMMAND
  bash -c "$2" | factor >"$work/expected"
  if ! cmp -s "$work/expected" "$1"; then
    echo "output differs from GNU factor ($(wc -l <"$1") lines against $(wc -l <"$work/expected")):"
    diff "$work/expected" "$1" | head -n 10
    return 1
  fi
  echo "identical to GNU factor: $(wc -l <"$1") lines"
}

containers() { # SERVICE: the running containers of a service
  docker ps -q --filter "label=com.docker.compose.project=$project" \
    --filter "label=com.docker.compose.service=$1"
}

health_of() { docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$1"; }

# wait_healthy SERVICE COUNT: until COUNT containers of the service are running and healthy.
wait_healthy() {
  local service=$1 count=$2 deadline=$((SECONDS + WAIT_SECONDS)) healthy id
  while [ "$SECONDS" -lt "$deadline" ]; do
    healthy=0
    for id in $(containers "$service"); do
      [ "$(health_of "$id")" = healthy ] && healthy=$((healthy + 1))
    done
    if [ "$healthy" -eq "$count" ] && [ "$(containers "$service" | wc -l)" -eq "$count" ]; then
      echo "$service: $count healthy"
      return 0
    fi
    sleep 2
  done
  echo "$service: $healthy of $count healthy after ${WAIT_SECONDS} s"
  for id in $(containers "$service"); do
    echo "--- $(docker inspect --format '{{.Name}} {{json .State.Health}}' "$id" | cut -c1-600)"
    docker logs --tail 20 "$id" 2>&1
  done
  return 1
}

broker_password() {
  docker compose exec -T rabbitmq cat /run/fleet/amqp-password
}

# --- the steps -------------------------------------------------------------------------------

start_fleet() {
  [ ! -e .env ] || echo "note: .env exists and is read"
  run_as_written "docker compose up -d" "$work/up" || return 1
  wait_healthy rabbitmq 1 && wait_healthy aggregator 1 && wait_healthy worker 1 || return 1
  local exit_code
  exit_code=$(docker inspect --format '{{.State.ExitCode}}' "$(docker ps -aq --filter "label=com.docker.compose.project=$project" --filter label=com.docker.compose.service=credentials)")
  [ "$exit_code" = 0 ] || { echo "the credentials service exited $exit_code"; return 1; }
}

password_made_at_random() {
  broker_password >"$work/password" || return 1
  local password
  password=$(head -n 1 "$work/password")
  if ! [[ $password =~ ^[A-Za-z0-9]{32}$ ]]; then
    echo "the password in the fleet-secrets volume is not 32 random letters and digits"
    return 1
  fi
  echo "a 32-character password was made on the first start"
}

worker_limited() {
  local id limits
  id=$(containers worker | head -n 1)
  limits=$(docker inspect --format '{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}}' "$id")
  echo "worker limits (NanoCpus Memory): $limits"
  [ "$limits" = "${FLEET_WORKER_CPUS}000000000 1073741824" ] || return 1
  docker logs "$id" 2>&1 | grep -E "with $FLEET_WORKER_CPUS threads" || {
    echo "the worker did not size its threads from its CPU limit"
    return 1
  }
}

factor_arguments() {
  local command='docker compose run --rm producer factor 123 4567 18446744073709551617'
  run_as_written "$command" "$work/factor-args" || return 1
  cat "$work/factor-args"
  same_as_gnu "$work/factor-args" 'printf "%s\n" 123 4567 18446744073709551617'
}

factor_standard_input() {
  run_as_written 'seq 1 100000 | docker compose run --rm -T producer factor' "$work/factor-stdin" || return 1
  same_as_gnu "$work/factor-stdin" 'seq 1 100000'
}

# A job long enough to scale under: workers go 1 -> 4 -> 1 while it runs; every stopped worker
# must drain and exit 0, and the job's output must still be GNU factor's, line for line.
scale_during_a_job() {
  local job='seq 18446744073708551616 18446744073709151615'
  readme_shows 'docker compose up -d --scale worker=' || return 1
  docker events --filter "label=com.docker.compose.project=$project" \
    --filter label=com.docker.compose.service=worker --filter event=die \
    --format '{{.Actor.Attributes.name}} exit {{.Actor.Attributes.exitCode}}' >"$work/deaths" &
  local events=$!
  bash -c "$job | docker compose run --rm -T producer factor" >"$work/scaled" 2>"$work/scaled.err" &
  local fleet_job=$!
  sleep 5
  echo "\$ docker compose up -d --scale worker=4"
  docker compose up -d --scale worker=4 2>&1 || return 1
  wait_healthy worker 4 || return 1
  kill -0 "$fleet_job" 2>/dev/null || echo "note: the job ended before the scale-down"
  echo "\$ docker compose up -d --scale worker=1"
  docker compose up -d --scale worker=1 2>&1 || return 1
  wait "$fleet_job" || { echo "the job failed:"; cat "$work/scaled.err"; return 1; }
  sleep 1
  kill "$events" 2>/dev/null
  wait "$events" 2>/dev/null
  echo "workers stopped:"
  cat "$work/deaths"
  [ "$(grep -c ' exit 0$' "$work/deaths")" -eq 3 ] && ! grep -qv ' exit 0$' "$work/deaths" || {
    echo "expected three workers to stop, each with exit status 0"
    return 1
  }
  same_as_gnu "$work/scaled" "$job"
}

submit_a_job() {
  run_as_written 'seq 1 100000 | docker compose run --rm -T producer submit' "$work/submitted" || return 1
  local job
  job=$(tail -n 1 "$work/submitted")
  echo "job id: $job"
  [ -n "$job" ] || return 1
  readme_shows 'docker compose run --rm producer wait <job-id>' || return 1
  readme_shows 'docker compose run --rm -T producer result <job-id> > out.txt' || return 1
  run_as_written_for "$job" 'docker compose run --rm producer wait <job-id>' "$work/waited" ||
    return 1
  run_as_written_for "$job" 'docker compose run --rm -T producer result <job-id> > out.txt' \
    "$work/result-run" || return 1
  same_as_gnu "$work/out.txt" 'seq 1 100000' || return 1
  docker compose exec -T aggregator test -e "/data/$job.txt" || {
    echo "no /data/$job.txt in the results volume"
    return 1
  }
  run_as_written_for "$job" 'docker compose run --rm -T producer result --delete <job-id> > out.txt' \
    "$work/result-delete" || return 1
  same_as_gnu "$work/out.txt" 'seq 1 100000' || return 1
  if docker compose exec -T aggregator test -e "/data/$job.txt"; then
    echo "/data/$job.txt is still there after result --delete"
    return 1
  fi
}

# A hard number is split over the workers by the coordinator of `fleet factor` and by the
# aggregator service for `fleet submit` (docs/engine.md): with two workers, both run units of it,
# and either way the answer is the number's two primes.
readonly HARD_NUMBER=15813512121936773411169931258122792556605403613807980794244599721
readonly HARD_FACTORS="91575185092637057423651824205339 172683376025283417010904107398539"

hard_number_over_the_workers() {
  run_as_written 'docker compose up -d --scale worker=2' "$work/scale-2" || return 1
  wait_healthy worker 2 || return 1
  run_as_written "docker compose run --rm producer factor $HARD_NUMBER" "$work/hard" || return 1
  cat "$work/hard"
  [ "$(cat "$work/hard")" = "$HARD_NUMBER: $HARD_FACTORS" ] || {
    echo "expected: $HARD_NUMBER: $HARD_FACTORS"
    return 1
  }
  local id units summary=
  for id in $(containers worker); do
    units=$(units_run_by "$id") || return 1
    summary+="$(docker inspect --format '{{.Name}}' "$id") ran $units units; "
    [ "$units" -gt 0 ] || { echo "$summary: a worker ran none of the number's units"; return 1; }
  done
  run_as_written "echo $HARD_NUMBER | docker compose run --rm -T producer submit --wait" \
    "$work/hard-submitted" || return 1
  local job
  job=$(tail -n 1 "$work/hard-submitted")
  echo "job id: $job"
  run_as_written_for "$job" 'docker compose run --rm -T producer result <job-id> > out.txt' \
    "$work/hard-result" || return 1
  cat "$work/out.txt"
  [ "$(cat "$work/out.txt")" = "$HARD_NUMBER: $HARD_FACTORS" ] || return 1
  docker compose up -d --scale worker=1 2>&1 || return 1
  echo "through factor and submit: $HARD_FACTORS; $summary"
}

# units_run_by CONTAINER: the units of hard numbers a worker has run, from its /metrics.
units_run_by() {
  docker exec "$1" bash -c 'exec 3<>/dev/tcp/127.0.0.1/$FLEET_METRICS_PORT &&
    printf "GET /metrics HTTP/1.0\r\n\r\n" >&3 && cat <&3' |
    awk '/^fleet_units_total/ { units += $NF } END { printf "%d\n", units }'
  [ "${PIPESTATUS[0]}" -eq 0 ]
}

# run_as_written_for JOB COMMAND OUT: a README command with <job-id> in it, run for JOB; its
# out.txt goes to the work directory rather than into the checkout.
run_as_written_for() {
  readme_shows "$2" || return 1
  local command=${2//<job-id>/$1}
  command=${command//> out.txt/> $work/out.txt}
  echo "\$ $command"
  bash -c "$command" >"$3" 2>"$3.err"
  local status=$?
  cat "$3.err"
  [ "$status" -eq 0 ] || { echo "exit status $status"; return 1; }
}

show_status() {
  run_as_written 'docker compose run --rm producer status' "$work/status" || return 1
  cat "$work/status"
  grep -q 'fleet.tasks' "$work/status"
}

prometheus_scrapes_every_target() {
  # Grafana has no Debian package and no registry is reachable: the profile's Prometheus alone.
  readme_shows 'docker compose --profile monitoring up -d' || return 1
  echo "\$ docker compose --profile monitoring up -d prometheus   (grafana: no image can be had here)"
  docker compose --profile monitoring up -d prometheus 2>&1 || return 1
  local deadline=$((SECONDS + WAIT_SECONDS)) summary=
  while [ "$SECONDS" -lt "$deadline" ]; do
    summary=$(curl -s "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/targets" | python3 -c '
import json, sys
targets = json.load(sys.stdin)["data"]["activeTargets"]
print(" ".join(sorted(t["labels"]["job"] + "=" + t["health"] for t in targets)))' 2>/dev/null)
    if [ "$summary" = "fleet-aggregator=up fleet-worker=up rabbitmq-queues=up" ]; then
      echo "targets: $summary"
      return 0
    fi
    sleep 3
  done
  echo "targets after ${WAIT_SECONDS} s: ${summary:-none}"
  return 1
}

no_password_anywhere() {
  local password
  password=$(head -n 1 "$work/password")
  [ -n "$password" ] || return 1
  docker compose --profile cli --profile monitoring logs --no-color >"$work/logs" 2>&1
  bash -c 'docker compose run --rm producer status --help' >"$work/help" 2>&1
  if grep -lF -- "$password" "$work"/* 2>/dev/null | grep -v '/password$'; then
    echo "the broker password was printed in the files above"
    return 1
  fi
  echo "the password appears in no output, help or log ($(wc -l <"$work/logs") log lines)"
}

restart_keeps_the_password() {
  docker compose down 2>&1 || return 1
  docker compose up -d 2>&1 || return 1
  wait_healthy rabbitmq 1 && wait_healthy aggregator 1 && wait_healthy worker 1 || return 1
  broker_password | cmp -s - "$work/password" || { echo "the password changed"; return 1; }
  bash -c 'docker compose run --rm producer factor 123' 2>&1 | grep -qx '123: 3 41'
}

down_leaves_nothing() {
  run_as_written 'docker compose --profile monitoring down -v' "$work/down" || return 1
  local left
  left=$( (docker ps -aq --filter "label=com.docker.compose.project=$project"
    docker volume ls -q --filter "label=com.docker.compose.project=$project"
    docker network ls -q --filter "label=com.docker.compose.project=$project") | wc -l)
  echo "containers, volumes and networks left: $left"
  [ "$left" -eq 0 ]
}

cleanup() {
  docker compose --profile cli --profile monitoring down -v --remove-orphans >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

compose_log "project $project; host ports: AMQP $RABBITMQ_AMQP_PORT, management $RABBITMQ_MANAGEMENT_PORT, Prometheus $PROMETHEUS_PORT"
step "docker compose up -d: every service healthy, no file edited first" start_fleet
step "the broker password is made at random on the first start" password_made_at_random
step "a worker is limited to FLEET_WORKER_CPUS ($FLEET_WORKER_CPUS) CPUs and 1 GiB, one thread per CPU" worker_limited
step "factor with arguments: identical to GNU factor" factor_arguments
step "factor from standard input: identical to GNU factor" factor_standard_input
step "scale 1 -> 4 -> 1 during a job: stopped workers exit 0, nothing lost or repeated" scale_during_a_job
step "submit, wait, result: the job from the results volume, identical to GNU factor" submit_a_job
step "a hard number over two workers: both run its units; factor and submit give its primes" \
  hard_number_over_the_workers
step "status: the fleet's queues" show_status
step "monitoring: Prometheus scrapes every worker, the aggregator and RabbitMQ" prometheus_scrapes_every_target
step "no password in any output, help text or log" no_password_anywhere
step "down and up again: the password is kept and the fleet answers" restart_keeps_the_password
step "down -v: no container, volume or network left" down_leaves_nothing
compose_log "compose test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
