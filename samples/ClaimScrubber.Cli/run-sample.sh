#!/usr/bin/env bash
# The README's main command, as CI runs it: scrub every claims file in data/claims against the default data folder
# (data/cms), then check the output is sane: exit 0, a summary, one JSON result per input claim, no data load error.
set -euo pipefail
cd "$(dirname "$0")/../.."

config=${CONFIGURATION:-Release}
dotnet build samples/ClaimScrubber.Cli -c "$config" -v quiet -nologo >/dev/null
# The built assembly directly: dotnet run would re-evaluate the project on every call.
cli=(dotnet "samples/ClaimScrubber.Cli/bin/$config/net10.0/ClaimScrubber.Cli.dll")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "run-sample: FAIL: $*" >&2; exit 1; }

# Claims expected: each JSON claim has exactly one "claimId" key; each CSV claim is a run of rows with one claimId;
# each X12 claim one CLM segment.
expected=0
for f in data/claims/*.json data/claims/*.ndjson data/claims/*.jsonl; do
  [ -f "$f" ] && expected=$((expected + $(grep -o '"claimId"' "$f" | wc -l)))
done
for f in data/claims/*.csv; do
  [ -f "$f" ] && expected=$((expected + $(tail -n +2 "$f" | cut -d, -f1 | grep -v '^$' | uniq | wc -l)))
done
# Each X12 claim is a CLM segment (the sample 837s have one segment per line).
for f in data/claims/*.837; do
  [ -f "$f" ] && expected=$((expected + $(grep -c '^CLM\*' "$f")))
done
[ "$expected" -gt 0 ] || fail "no sample claims found in data/claims"

echo "== scrub data/claims (text report)"
status=0
"${cli[@]}" scrub data/claims >"$work/report.txt" 2>"$work/report.err" || status=$?
cat "$work/report.txt"
cat "$work/report.err" >&2
[ "$status" -eq 0 ] || fail "scrub exited with $status"
grep -q "Summary" "$work/report.txt" || fail "no summary in the text report"
grep -Eq "^Claims +$expected " "$work/report.txt" || fail "the summary does not count $expected claims"
grep -q "Clean claims" "$work/report.txt" || fail "no clean-claim rate in the text report"
if grep -q "^error:" "$work/report.err"; then fail "the sample data folder has load errors (see above)"; fi

echo "== scrub data/claims --format ndjson / json"
"${cli[@]}" scrub data/claims --format ndjson --output "$work/results.ndjson" 2>/dev/null || fail "ndjson scrub failed"
lines=$(grep -c '^{"claimId":' "$work/results.ndjson" || true)
[ "$lines" -eq "$expected" ] || fail "ndjson has $lines results for $expected claims"
"${cli[@]}" scrub data/claims --format json --output "$work/results.json" 2>/dev/null || fail "json scrub failed"
results=$(grep -o '"claimId":' "$work/results.json" | wc -l)
[ "$results" -eq "$expected" ] || fail "json has $results results for $expected claims"
if command -v python3 >/dev/null; then
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d, list) and len(d) == int(sys.argv[2]), len(d)" \
    "$work/results.json" "$expected" || fail "json output does not parse as an array of $expected results"
fi

echo "run-sample: OK ($expected claims)"
