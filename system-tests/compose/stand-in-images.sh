#!/usr/bin/env bash
# Builds the images docker-compose.yml and the Dockerfile name, on a machine where no image
# registry is reachable: a Debian base made with debootstrap from the mirror apt already uses,
# then stand-ins for the JDK, JRE, RabbitMQ and Prometheus images built FROM it with Debian's
# packages and tagged with exactly the names the project's files use, so those files run unchanged.
# Grafana has no Debian package, so the compose test runs the monitoring profile without it.
#
#   system-tests/compose/stand-in-images.sh        (needs root, dockerd and debootstrap)
#
# Images that already exist are kept; FLEET_REBUILD_STAND_INS=true builds them again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
compose_file=$here/../../docker-compose.yml
dockerfile=$here/../../Dockerfile

readonly BASE=local/debian:bookworm

log() { printf '%s stand-ins: %s\n' "$(date -u +%H:%M:%S)" "$*"; }

have_image() {
  [ "${FLEET_REBUILD_STAND_INS:-false}" != true ] && docker image inspect "$1" >/dev/null 2>&1
}

# The image a project file names for a role, read from the file so that a new tag there is built
# here without a second edit.
image_in() {
  local file=$1 pattern=$2 name
  name=$(grep -oE "$pattern" "$file" | head -n 1)
  if [ -z "$name" ]; then
    echo "stand-ins: no image matching '$pattern' in $file" >&2
    exit 1
  fi
  printf '%s\n' "$name"
}

debian_mirror() {
  local mirror
  mirror=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' \
    | grep -v security | head -n 1)
  if [ -z "$mirror" ]; then
    mirror=$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' \
      | grep -v security | head -n 1)
  fi
  if [ -z "$mirror" ]; then
    echo "stand-ins: no Debian mirror found in /etc/apt/sources.list(.d)" >&2
    exit 1
  fi
  printf '%s\n' "$mirror"
}

build_base() {
  if have_image "$BASE"; then
    log "$BASE exists"
    return
  fi
  local mirror rootfs
  mirror=$(debian_mirror)
  rootfs=$(mktemp -d)
  log "debootstrap bookworm (minbase) from $mirror"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$rootfs.log" 2>&1 || {
    tail -n 20 "$rootfs.log" >&2
    exit 1
  }
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
  cat >"$rootfs/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
SOURCES
  : >"$rootfs/etc/resolv.conf"
  # As in Debian's official images: packages do not start their services inside a build.
  printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
  chmod +x "$rootfs/usr/sbin/policy-rc.d"
  tar -C "$rootfs" -c . | docker import --change 'CMD ["/bin/bash"]' - "$BASE" >/dev/null
  rm -rf "$rootfs" "$rootfs.log"
  log "$BASE imported"
}

# docker build of a stand-in folder, on the host network (the Debian mirror), tagged as named.
build_stand_in() {
  local folder=$1 tag=$2
  if have_image "$tag"; then
    log "$tag exists"
    return
  fi
  log "building $tag from stand-ins/$folder"
  DOCKER_BUILDKIT=0 docker build -q --network host --build-arg "BASE=$BASE" -t "$tag" \
    "$here/stand-ins/$folder" >/dev/null
}

build_base
# The JDK stand-in runs the Maven wrapper during docker build: it carries this machine's CA
# certificates, through which Maven Central is reached here.
mkdir -p "$here/stand-ins/jdk/ca-certificates"
cp /usr/local/share/ca-certificates/*.crt "$here/stand-ins/jdk/ca-certificates/" 2>/dev/null || true
build_stand_in jdk "$(image_in "$dockerfile" 'eclipse-temurin:[^ ]*jdk[^ ]*')"
rm -rf "$here/stand-ins/jdk/ca-certificates"
build_stand_in jre "$(image_in "$dockerfile" 'eclipse-temurin:[^ ]*jre[^ ]*')"
build_stand_in rabbitmq "$(image_in "$compose_file" 'rabbitmq:[0-9][^ "]*-management')"
build_stand_in prometheus "$(image_in "$compose_file" 'prom/prometheus:[^ "]*')"
log "done"
