#!/bin/sh
# Install everything and run every check: lint, types, unit and integration suites
# (on PGlite, and on PostgreSQL too when WHARF_TEST_DATABASE_URL is set), then the
# browser suites in Chromium, against a console they build with every plugin they enable.
set -e
cd "$(dirname "$0")/../.."
PNPM="npx -y pnpm@10.34.8"
$PNPM install --frozen-lockfile
echo "== lint (biome)"
./node_modules/.bin/biome check .
echo "== types (tsc -b)"
# One checker per project, two projects at a time: 22 s on a fresh clone here, against 45 s
# with tsc's default of four checkers per project (each re-checks what the others share).
./node_modules/.bin/tsc -b --checkers 1 --builders 2
# The metrics suite runs a real Prometheus; install it before the suites start, not inside one.
sh tooling/scripts/ensure-prometheus.sh
echo "== unit and integration suites${WHARF_TEST_DATABASE_URL:+ (PGlite and PostgreSQL)}"
# A full run also checks that every declared change was made, and audited, by some suite.
WHARF_AUDIT_COVERAGE=1 ./node_modules/.bin/vitest run
echo "== browser suites (Chromium)"
sh tooling/scripts/ensure-chromium.sh
$PNPM --filter @wharf/e2e test
