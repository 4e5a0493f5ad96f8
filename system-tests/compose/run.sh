#!/usr/bin/env bash
# The compose system test, from a machine with nothing of Docker running: installs Docker, Compose
# and debootstrap from Debian's packages where they are missing, starts dockerd, builds the base
# and stand-in images (stand-in-images.sh), runs the README's docker compose steps
# (compose-test.sh), then stops what it started. .ci/run runs it after the Maven tests.
#
#   system-tests/compose/run.sh              skips, with the reason, where Docker cannot be had
#   system-tests/compose/run.sh --required   fails there instead (CI)
#
# FLEET_KEEP_IMAGES=true keeps the images it built for the next run; by default they are removed,
# so that every run builds them from Debian's packages as a new machine would.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
required=false
[ "${1:-}" = --required ] && required=true

compose_log() { printf '%s compose-test: %s\n' "$(date -u +%H:%M:%S)" "$*"; }
# shellcheck source=docker-host.sh
. "$here/docker-host.sh"

images_before=
finish() {
  local status=$?
  if [ "${FLEET_KEEP_IMAGES:-false}" != true ] && docker info >/dev/null 2>&1; then
    local built
    built=$(comm -13 <(printf '%s\n' "$images_before") <(docker images -q | sort -u))
    if [ -n "$built" ]; then
      compose_log "removing the images this run built"
      docker rmi -f $built >/dev/null 2>&1 || true
      docker builder prune -af >/dev/null 2>&1 || true
    fi
  fi
  docker_host_down
  exit "$status"
}
trap finish EXIT

started=$SECONDS
if ! docker_host_up; then
  if [ "$required" = true ]; then
    compose_log "FAILED: Docker is needed here: $docker_unavailable"
    exit 1
  fi
  compose_log "SKIPPED: $docker_unavailable"
  exit 0
fi
images_before=$(docker images -q | sort -u)
"$here/stand-in-images.sh" || { compose_log "FAILED: the stand-in images could not be built"; exit 1; }
"$here/compose-test.sh"
status=$?
compose_log "done in $((SECONDS - started)) s"
exit "$status"
