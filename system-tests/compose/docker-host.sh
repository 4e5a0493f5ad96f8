# Sourced by run.sh: Docker and Compose on this host, started only where they are not already
# there, and stopped or removed afterwards only when this script started or added them.
#   docker_host_up      install the packages, start dockerd, make `docker compose` reach Compose
#   docker_host_down    undo what docker_host_up did
# docker_host_up returns 1 with the reason in $docker_unavailable when Docker cannot be had.

docker_unavailable=
started_dockerd=
added_compose_plugin=
readonly COMPOSE_PLUGIN=${HOME}/.docker/cli-plugins/docker-compose
readonly DOCKERD_LOG=${TMPDIR:-/tmp}/fleet-compose-test-dockerd.log

docker_host_up() {
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker-compose >/dev/null 2>&1 \
    || ! command -v debootstrap >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      docker_unavailable="Docker, Compose or debootstrap is missing and cannot be installed here (needs root and apt-get)"
      return 1
    fi
    compose_log "installing docker.io, docker-compose and debootstrap from Debian's packages"
    if ! (export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq && apt-get install -y -qq docker.io docker-compose debootstrap) >/dev/null; then
      docker_unavailable="apt-get could not install docker.io, docker-compose and debootstrap"
      return 1
    fi
  fi
  if ! docker info >/dev/null 2>&1; then
    compose_log "starting dockerd (log: $DOCKERD_LOG)"
    nohup dockerd --storage-driver=overlay2 >"$DOCKERD_LOG" 2>&1 &
    started_dockerd=$!
    local tries=0
    until docker info >/dev/null 2>&1; do
      tries=$((tries + 1))
      if [ "$tries" -gt 60 ] || ! kill -0 "$started_dockerd" 2>/dev/null; then
        docker_unavailable="dockerd did not start: $(tail -n 3 "$DOCKERD_LOG" | tr '\n' ' ')"
        return 1
      fi
      sleep 1
    done
  fi
  if ! docker compose version >/dev/null 2>&1; then
    # Compose v1 behind the v2 command: a CLI plugin that answers the plugin metadata call and
    # hands everything else to docker-compose.
    mkdir -p "$(dirname "$COMPOSE_PLUGIN")"
    cat >"$COMPOSE_PLUGIN" <<'SHIM'
#!/bin/sh
if [ "$1" = docker-cli-plugin-metadata ]; then
  echo '{"SchemaVersion":"0.1.0","Vendor":"Factor Fleet compose test","Version":"v1","ShortDescription":"Compose v1 as docker compose"}'
  exit 0
fi
shift
exec docker-compose "$@"
SHIM
    chmod +x "$COMPOSE_PLUGIN"
    added_compose_plugin=yes
  fi
  compose_log "$(docker version --format 'docker engine {{.Server.Version}}'), $(docker compose version | head -n 1)"
}

docker_host_down() {
  if [ -n "$added_compose_plugin" ]; then
    rm -f "$COMPOSE_PLUGIN"
    rmdir "$(dirname "$COMPOSE_PLUGIN")" "$(dirname "$(dirname "$COMPOSE_PLUGIN")")" 2>/dev/null || true
  fi
  if [ -n "$started_dockerd" ]; then
    compose_log "stopping dockerd"
    kill -TERM "$started_dockerd" 2>/dev/null || true
    local tries=0
    while kill -0 "$started_dockerd" 2>/dev/null && [ "$tries" -lt 30 ]; do
      tries=$((tries + 1))
      sleep 1
    done
  fi
}
