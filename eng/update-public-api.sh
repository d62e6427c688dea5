#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to PublicAPI.Unshipped.txt, and removes
# declared symbols that no longer exist (RS0017), for each package under src/ (or the project folders given).
# Review the diff: it is the public API change.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then projects=("$@"); else projects=(src/*/); fi
for project in "${projects[@]}"; do
  project=${project%/}
  api=$project/PublicAPI.Unshipped.txt
  [ -f "$api" ] || continue
  out=$(dotnet build "$project" --no-incremental 2>&1 || true)
  # Only this project's diagnostics: a project it references reports its own.
  mine=$(printf '%s\n' "$out" | grep -F "[$(cd "$project" && pwd)/" || true)
  added=$(printf '%s\n' "$mine" | grep -F 'error RS0016' | sed -E "s/.*Symbol '(.*)' is not part of the declared public API.*/\1/" | sort -u || true)
  removed=$(printf '%s\n' "$mine" | grep -F 'error RS0017' | sed -E "s/.*Symbol '(.*)' is part of the declared API, but is either not public or could not be found.*/\1/" | sort -u || true)
  {
    head -n 1 "$api"
    { tail -n +2 "$api"; if [ -n "$added" ]; then printf '%s\n' "$added"; fi; } | { grep -v "^$" || true; } | { grep -vxF -f <(printf "%s\n" "${removed:-<none>}") || true; } | LC_ALL=C sort -u
  } > "$api.tmp"
  mv "$api.tmp" "$api"
  echo "$project public API: $(printf '%s' "$added" | grep -c . || true) added, $(printf '%s' "$removed" | grep -c . || true) removed"
done
