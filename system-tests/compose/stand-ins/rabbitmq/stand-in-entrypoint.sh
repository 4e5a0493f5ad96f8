#!/bin/sh
# Like the official image's entrypoint: rabbitmq-server runs as the rabbitmq user (PID 1 through
# exec, so docker stop reaches the node), anything else runs as given.
set -e
if [ "$1" = rabbitmq-server ] && [ "$(id -u)" = 0 ]; then
  chown -R rabbitmq:rabbitmq /var/lib/rabbitmq
  exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups env HOME=/var/lib/rabbitmq "$@"
fi
exec "$@"
