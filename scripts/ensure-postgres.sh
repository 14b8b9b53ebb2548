#!/usr/bin/env bash
# Starts the local PostgreSQL cluster if it is installed but not accepting connections.
# The PostgreSQL integration tests use 127.0.0.1:5432, database "test", trust auth.
set -uo pipefail
if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then exit 0; fi
if ! command -v pg_ctlcluster >/dev/null; then
  echo "warning: PostgreSQL is not installed; PostgreSQL tests will be skipped" >&2
  exit 0
fi
version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
[ -n "$version" ] || { echo "warning: no PostgreSQL cluster configured; PostgreSQL tests will be skipped" >&2; exit 0; }
echo "starting PostgreSQL $version..." >&2
pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && exit 0; sleep 1; done
echo "warning: PostgreSQL did not become ready; PostgreSQL tests will be skipped" >&2
exit 0
