#!/bin/sh
# The compose file's credentials service: on the first start, makes the password of the broker
# account the fleet uses (32 random letters and digits, or RABBITMQ_PASSWORD when .env sets one)
# and keeps it in the fleet-secrets volume, mounted at /run/fleet:
#   amqp-password   the password, read by the Factor Fleet programs (FLEET_AMQP_PASSWORD_FILE)
#   rabbitmq.conf   the account for RabbitMQ, which creates it when its database is new
# Later starts keep the password there. It runs in the broker's image, as root, with no network.
set -eu
dir=/run/fleet
user=${RABBITMQ_USER:-fleet}

valid() {
  case $1 in
    '' | *[!A-Za-z0-9._~-]*) return 1 ;;
  esac
}

if ! valid "$user"; then
  echo "credentials: RABBITMQ_USER '$user' may use letters, digits and - . _ ~ only" >&2
  exit 1
fi

if [ ! -s "$dir/amqp-password" ]; then
  if [ -n "${RABBITMQ_PASSWORD:-}" ]; then
    if ! valid "$RABBITMQ_PASSWORD"; then
      echo "credentials: RABBITMQ_PASSWORD may use letters, digits and - . _ ~ only" >&2
      exit 1
    fi
    password=$RABBITMQ_PASSWORD
    echo "credentials: the broker account '$user' takes RABBITMQ_PASSWORD from .env"
  else
    password=$(tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32)
    echo "credentials: made a random password for the broker account '$user'"
  fi
  umask 077
  printf '%s\n' "$password" >"$dir/amqp-password.new"
  mv "$dir/amqp-password.new" "$dir/amqp-password"
else
  echo "credentials: keeping the broker account's password made on the first start"
  if [ -n "${RABBITMQ_PASSWORD:-}" ] && [ "$RABBITMQ_PASSWORD" != "$(head -n 1 "$dir/amqp-password")" ]; then
    echo "credentials: RABBITMQ_PASSWORD differs from the password made on the first start;" \
      "the first is kept (docker compose down -v starts over, broker data included)" >&2
  fi
fi

password=$(head -n 1 "$dir/amqp-password")
umask 077
printf 'default_user = %s\ndefault_pass = %s\n' "$user" "$password" >"$dir/rabbitmq.conf.new"
mv "$dir/rabbitmq.conf.new" "$dir/rabbitmq.conf"
# The Factor Fleet images run as uid 10001, the broker as its image's rabbitmq user.
chown 10001:10001 "$dir/amqp-password"
chown rabbitmq:rabbitmq "$dir/rabbitmq.conf"
chmod 0400 "$dir/amqp-password" "$dir/rabbitmq.conf"
