#!/usr/bin/env bash
# `npm run typecheck`: the three layer configs (core without DOM or Node types, node, web)
# checked side by side rather than one after another — together they took over 40 s in a
# row on these 2-core machines. Each one's output is printed whole, in order; the exit status
# is non-zero when any of them failed.
set -uo pipefail
cd "$(dirname "$0")/.."
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
pids=()
for project in core node web; do
  npx tsc -p "tsconfig.$project.json" --noEmit >"$logs/$project.log" 2>&1 &
  pids+=("$!")
done
status=0
for i in 0 1 2; do
  project=$(echo core node web | cut -d' ' -f$((i + 1)))
  if ! wait "${pids[$i]}"; then
    status=1
    echo "typecheck failed: tsconfig.$project.json"
  fi
  cat "$logs/$project.log"
done
exit "$status"
