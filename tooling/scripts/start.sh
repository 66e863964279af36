#!/bin/sh
# Install everything and start Wharf on :8080 with its embedded defaults
# (PGlite in ./.wharf, demo data). Needs only Node 20 and npm.
set -e
cd "$(dirname "$0")/../.."
PNPM="npx -y pnpm@10.34.8"
$PNPM install --frozen-lockfile
$PNPM --filter @wharf/console build
# The demo includes quotas and an installed app on the simulated cluster (tests leave them out).
export WHARF_DEMO_APPS="${WHARF_DEMO_APPS:-1}"
exec ./node_modules/.bin/tsx apps/server/src/main.ts
