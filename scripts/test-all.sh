#!/usr/bin/env bash
# `npm test`: everything a change must pass, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s ===\n' "$1"; }
step "lint (biome + layering)";  npm run -s lint
step "typecheck";                npm run -s typecheck
step "unit";                     npx vitest run --project unit
step "integration";              bash scripts/ensure-postgres.sh; npx vitest run --project integration
step "end-to-end (Chromium)";    npm run -s test:e2e
step "end-to-end (Electron)";    npx playwright test -c playwright.electron.config.ts
