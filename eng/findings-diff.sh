#!/usr/bin/env bash
# Shows which findings a change altered, when FindingsUnchangedTests fails: dumps every finding of its claim sets with the
# code of <ref> (default: main) and with the working tree, and prints the difference. The guard test of the working tree is
# run on both, so both scrub the same claims.
#   bash eng/findings-diff.sh [ref] [test filter]      e.g. bash eng/findings-diff.sh main Findings_OverTheSampleData
#   bash eng/findings-diff.sh --baseline [ref]         writes FindingsUnchanged.baseline from <ref>'s code instead
# Uses the full CMS data when the tests find it (../shared/cms or CLAIMSCRUBBER_CMS_DATA).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=diff
if [ "${1:-}" = "--baseline" ]; then mode=baseline; shift; fi
ref=${1:-main}
filter=${2:-FindingsUnchangedTests}
test_file=tests/ClaimScrubber.Tests/Scrubbing/FindingsUnchangedTests.cs
baseline=tests/ClaimScrubber.Tests/Scrubbing/FindingsUnchanged.baseline
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
if [ -z "${CLAIMSCRUBBER_CMS_DATA:-}" ] && [ -d "$root/../shared/cms" ]; then
  export CLAIMSCRUBBER_CMS_DATA="$(cd "$root/../shared/cms" && pwd)"
fi

dump() { # <repository folder> <dump folder> [update]
  (cd "$1" && CLAIMSCRUBBER_FINDINGS_DUMP="$2" CLAIMSCRUBBER_UPDATE_FINDINGS="${3:-0}" \
    dotnet test tests/ClaimScrubber.Tests -c Release --filter "FullyQualifiedName~$filter" >"$2.log" 2>&1) || true
  ls "$2"/*.findings.txt >/dev/null 2>&1 || { echo "no findings dumped from $1; see $2.log" >&2; tail -n 30 "$2.log" >&2; exit 2; }
}

git worktree add --detach "$work/base" "$ref" >/dev/null
cp "$test_file" "$work/base/$test_file"
[ -f "$baseline" ] && cp "$baseline" "$work/base/$baseline"
echo "== dumping findings with $ref ($(git rev-parse --short "$ref"))"
if [ "$mode" = baseline ]; then
  dump "$work/base" "$work/before" 1
  cp "$work/base/$baseline" "$baseline"
  echo "== $baseline written from $ref"; git --no-pager diff --stat -- "$baseline"
  exit 0
fi

dump "$work/base" "$work/before"
echo "== dumping findings with the working tree"
dump "$root" "$work/after"
status=0
for before in "$work"/before/*.txt "$work"/before/*.json; do
  name=$(basename "$before")
  if ! cmp -s "$before" "$work/after/$name"; then
    status=1
    echo "== $name differs (- $ref, + working tree)"
    diff -u "$before" "$work/after/$name" | head -n 200 || true
  fi
done
[ "$status" -eq 0 ] && echo "== every finding and result is the same"
exit "$status"
