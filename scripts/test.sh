#!/usr/bin/env bash
# Runs the whole test suite: starts the local PostgreSQL the storage tests need (installing it from Debian's packages
# if absent), installs Debian's chromium and chromium-driver for the UI tests if absent, builds in Release, runs every test project, prints the wall time of the test run ("test time: N s") and
# then one closing line "N passed, N failed[, N skipped]".
# Usage: bash scripts/test.sh [extra dotnet test arguments]
# COMITY_TEST_SEQUENTIAL=1 runs the test projects one after another (-m:1) instead of in parallel.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ -z "${COMITY_TEST_POSTGRES:-}" ] && [ -f .ci/postgres.sh ]; then
  pg_env=$(bash .ci/postgres.sh | grep '^export ' || true)
  if [ -n "$pg_env" ]; then eval "$pg_env"; else echo "scripts/test.sh: PostgreSQL could not be started; PostgreSQL tests will fail" >&2; fi
fi

# The UI tests drive a real Chromium (Debian's chromium and chromium-driver); install them when absent.
if [ -z "${COMITY_SKIP_CHROMIUM_INSTALL:-}" ] && [ -f .ci/chromium.sh ]; then
  bash .ci/chromium.sh || echo "scripts/test.sh: Chromium could not be installed; the UI tests will fail" >&2
fi

results=$(mktemp -d)
parallel=()
if [ "${COMITY_TEST_SEQUENTIAL:-0}" = "1" ]; then parallel=(-m:1); fi
started=$(date +%s)
dotnet test Comity.slnx -c Release "${parallel[@]}" --logger "trx" --results-directory "$results" "$@"
status=$?
elapsed=$(( $(date +%s) - started ))

passed=0; failed=0; skipped=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  p=$(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*'); f1=$(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
  e=$(echo "$counters" | grep -o ' error="[0-9]*"' | grep -o '[0-9]*'); t=$(echo "$counters" | grep -o ' total="[0-9]*"' | grep -o '[0-9]*')
  x=$(echo "$counters" | grep -o ' executed="[0-9]*"' | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f1:-0} + ${e:-0})); skipped=$((skipped + ${t:-0} - ${x:-0}))
done
rm -rf "$results"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "scripts/test.sh: dotnet test exited $status" >&2; fi
echo "test time: $elapsed s"
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
