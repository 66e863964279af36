#!/bin/sh
# Install everything and run every check: lint, types, unit and integration suites
# (on PGlite, and on PostgreSQL too when WHARF_TEST_DATABASE_URL is set), then the
# browser suites in Chromium, against a console they build with every plugin they enable.
#
# The unit suites spend much of their time waiting (on timers, a simulated cluster, the
# database), so the type check and the browser suites' console build run beside them; their
# output is shown when they end, and any of them failing fails the run.
set -e
cd "$(dirname "$0")/../.."
PNPM="npx -y pnpm@10.34.8"
$PNPM install --frozen-lockfile
echo "== lint (biome)"
./node_modules/.bin/biome check .
# The metrics suite runs a real Prometheus and the browser suites Chromium: install them
# before any suite starts, not inside one.
sh tooling/scripts/ensure-prometheus.sh
sh tooling/scripts/ensure-chromium.sh

side=$(mktemp -d)
trap 'rm -rf "$side"' EXIT
./node_modules/.bin/tsc -b >"$side/types.log" 2>&1 &
types=$!
./node_modules/.bin/tsx e2e/src/build-console.ts >"$side/console.log" 2>&1 &
console=$!

# Shows what a side job printed and whether it passed; the run fails after the suites if not.
finish() {
  status=0
  wait "$2" || status=$?
  echo "== $1"
  cat "$3"
  [ "$status" -eq 0 ] || echo "$1 failed (exit $status)"
  return "$status"
}

echo "== unit and integration suites${WHARF_TEST_DATABASE_URL:+ (PGlite and PostgreSQL)} (types and the console build beside them)"
# A full run also checks that every declared change was made, and audited, by some suite.
suites=0
WHARF_AUDIT_COVERAGE=1 ./node_modules/.bin/vitest run || suites=$?
failed=0
finish "types (tsc -b)" "$types" "$side/types.log" || failed=1
finish "the browser suites' console (vite build)" "$console" "$side/console.log" || failed=1
[ "$suites" -eq 0 ] && [ "$failed" -eq 0 ] || exit 1

echo "== browser suites (Chromium)"
WHARF_E2E_CONSOLE=built $PNPM --filter @wharf/e2e test
