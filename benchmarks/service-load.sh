#!/usr/bin/env bash
# A bounded load run of samples/ClaimScrubber.Service over loopback: starts the built service on the full CMS data
# (../shared/cms or CLAIMSCRUBBER_CMS_DATA; data/cms when neither exists), generates claims with the harness, drives
# the service for SECONDS (default 30) over CONNECTIONS connections (default 8), prints throughput and latency
# percentiles, and stops the service. Build first: dotnet build ClaimScrubber.sln -c Release.
#   bash benchmarks/service-load.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-8}
port=${SERVICE_LOAD_PORT:-5187}
data=${CLAIMSCRUBBER_CMS_DATA:-}
if [ -z "$data" ] && [ -d ../shared/cms ]; then data=$(cd ../shared/cms && pwd); fi
data=${data:-data/cms}
bin=bin/Release/net10.0
work=$(mktemp -d)
service_pid=
cleanup() {
  if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== claims: 2,000 typical claims generated from $data (seed 20261123, 10% with an injected error)"
dotnet "samples/ClaimScrubber.Cli/$bin/ClaimScrubber.Cli.dll" generate --data "$data" --count 2000 --seed 20261123 --error-rate 0.1 \
  --format ndjson --output "$work/claims.ndjson"

echo "== service on http://127.0.0.1:$port (data $data)"
dotnet "samples/ClaimScrubber.Service/$bin/ClaimScrubber.Service.dll" --data "$data" --urls "http://127.0.0.1:$port" --as-of 2026-10-15 \
  --Logging:LogLevel:Default Warning > "$work/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 240); do
  if curl -fs -o /dev/null "http://127.0.0.1:$port/tables"; then break; fi
  if ! kill -0 "$service_pid" 2>/dev/null; then cat "$work/service.log"; echo "the service stopped"; exit 1; fi
  sleep 0.5
done
curl -fs -o /dev/null "http://127.0.0.1:$port/tables" || { cat "$work/service.log"; echo "the service did not answer within 120 s"; exit 1; }

echo "== load ($seconds s, $connections connections)"
dotnet "benchmarks/ClaimScrubber.Benchmarks/$bin/ClaimScrubber.Benchmarks.dll" --service-load "http://127.0.0.1:$port/" "$work/claims.ndjson" "$seconds" "$connections"
