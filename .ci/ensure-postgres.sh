#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 with trust auth for local tests:
# installs Debian's package if missing, starts the cluster if stopped.
set -euo pipefail

if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "PostgreSQL is running."
  exit 0
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "Installing PostgreSQL from Debian's packages..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /etc/postgresql | sort -V | tail -n 1)
hba="/etc/postgresql/${version}/main/pg_hba.conf"
# Tests connect as postgres over 127.0.0.1 without a password; allow that on loopback only.
if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
  sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  sed -i '1i local all all trust' "$hba"
fi

# A running server that did not answer pg_isready in time (a busy machine, another run's tests) is
# waited for, never restarted: a restart ends every connection of whatever else is using it.
if pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  echo "PostgreSQL ${version} is running; waiting for it to answer."
else
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster --skip-systemctl-redirect "$version" main restart
fi
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && { echo "PostgreSQL ${version} answers."; exit 0; }
  sleep 1
done
echo "PostgreSQL did not start" >&2
exit 1
