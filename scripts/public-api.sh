#!/usr/bin/env bash
# Declares every public symbol of the libraries in their PublicAPI.Unshipped.txt (run after adding public API on purpose).
set -euo pipefail
cd "$(dirname "$0")/.."
for p in Core Law Sources Storage Storage.Sqlite Storage.Postgres Application Server; do
  dotnet format analyzers "src/Comity.$p/Comity.$p.csproj" --diagnostics RS0016 RS0017 --severity info
done
