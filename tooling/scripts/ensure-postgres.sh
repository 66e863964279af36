#!/bin/sh
# A PostgreSQL server on 127.0.0.1:5432 for the suites that also run on a server
# (beside the embedded PGlite). Installs and starts Debian's when absent.
set -e
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then exit 0; fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" != "0" ]; then
    echo "PostgreSQL is not running: install it ('sudo apt-get install -y postgresql') or set WHARF_TEST_DATABASE_URL" >&2
    exit 1
  fi
  echo "Installing PostgreSQL (apt-get)..."
  sh "$(dirname "$0")/apt-install.sh" postgresql
fi
version=$(ls /etc/postgresql | sort -n | tail -1)
pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || pg_ctlcluster "$version" main start
for _ in 1 2 3 4 5 6 7 8 9 10; do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
# A fresh Debian cluster asks for a password over TCP; give postgres the one the tests use.
su postgres -c "psql -q -c \"alter user postgres password 'postgres'\"" >/dev/null
