#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to PublicAPI.Unshipped.txt, and removes
# declared symbols that no longer exist (RS0017). Review the diff: it is the public API change.
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/ClaimScrubber
api=$project/PublicAPI.Unshipped.txt
out=$(dotnet build "$project" --no-incremental 2>&1 || true)
added=$(printf '%s\n' "$out" | grep -F 'error RS0016' | sed -E "s/.*Symbol '(.*)' is not part of the declared public API.*/\1/" | sort -u || true)
removed=$(printf '%s\n' "$out" | grep -F 'error RS0017' | sed -E "s/.*Symbol '(.*)' is part of the declared API, but is either not public or could not be found.*/\1/" | sort -u || true)
{
  head -n 1 "$api"
  { tail -n +2 "$api"; [ -n "$added" ] && printf '%s\n' "$added"; } | { grep -v "^$" || true; } | { grep -vxF -f <(printf "%s\n" "${removed:-<none>}") || true; } | LC_ALL=C sort -u
} > "$api.tmp"
mv "$api.tmp" "$api"
echo "public API: $(printf '%s' "$added" | grep -c . || true) added, $(printf '%s' "$removed" | grep -c . || true) removed"
