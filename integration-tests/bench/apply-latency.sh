#!/usr/bin/env bash
# Measures how much of apply's AWS time runs concurrently. A bench bundle in the deploy
# folder adds a fixed delay (50 ms by default) to every AWS call, as a distant region would,
# and records when each call started and ended. The script then prints, from one apply:
#   wall time   from the first call's start to the last call's end
#   sum         the durations of all calls added up: apply's time if nothing overlapped
#   chain       the longest chain of dependent calls: the least time any schedule could take
# Independent steps run concurrently, so wall time should sit near the chain, far below the sum.
#
# Usage: integration-tests/bench/apply-latency.sh [DELAY_MS]   (default 50)
# Needs moto: it starts the project's test servers unless BERTH_TEST_MOTO_URL is set.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
delay="${1:-50}"
# shellcheck source=bench-common.sh
source "$root/integration-tests/bench/bench-common.sh"
jar="$(bench_latency_jar "$root")"

if [[ -z "${BERTH_TEST_MOTO_URL:-}" ]]; then
    exec "$root/integration-tests/scripts/with-servers.sh" "$0" "$@"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/deploy"
cp "$jar" "$work/deploy/"
deployment="bench-$RANDOM"
bench_config "$deployment" "10.$((RANDOM % 200 + 20)).0.0/16" "$jar" > "$work/berth.yaml"

export AWS_ENDPOINT_URL="$BERTH_TEST_MOTO_URL" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
export AWS_EC2_METADATA_DISABLED=true AWS_REGION=us-east-2
export BERTH_BENCH_DELAY_MS="$delay" BERTH_BENCH_TIMINGS="$work/timings.tsv"
export BERTH_JAVA_OPTS="-Dberth.platform.deploy-dir=$work/deploy"

"$root/berth" apply --config "$work/berth.yaml" --yes > "$work/apply.log"
mv "$work/timings.tsv" "$work/apply.tsv"
"$root/berth" destroy --config "$work/berth.yaml" --yes > "$work/destroy.log"

python3 - "$work/apply.tsv" "$delay" <<'PY'
import sys

calls = []
for line in open(sys.argv[1]):
    start, end, thread, operation = line.rstrip("\n").split("\t")
    calls.append((int(start), int(end), thread, operation))
calls.sort()

# The longest chain: a call depends on the call before it on its own thread, and a call that
# starts a thread, or that waited, depends on the call that ended last before it started.
# This reads dependencies off the timings, so it is an estimate of the real dependency graph.
longest = {}
for index, (start, end, thread, _) in enumerate(calls):
    earlier = [c for c in calls[:index] if c[1] <= start]
    same_thread = [c for c in earlier if c[2] == thread]
    candidates = []
    if same_thread:
        previous = max(same_thread, key=lambda c: c[1])
        candidates.append(previous)
        waited = start - previous[1] > 5_000_000
    else:
        waited = True
    if waited and earlier:
        candidates.append(max(earlier, key=lambda c: c[1]))
    longest[index] = (end - start) + max((longest[calls.index(c)] for c in candidates), default=0)

wall = (max(c[1] for c in calls) - min(c[0] for c in calls)) / 1e6
total = sum(c[1] - c[0] for c in calls) / 1e6
chain = max(longest.values()) / 1e6
print(f"apply made {len(calls)} AWS calls with {sys.argv[2]} ms added to each")
print(f"wall time {wall:8.0f} ms")
print(f"sum       {total:8.0f} ms   (wall / sum   = {wall / total:.2f})")
print(f"chain     {chain:8.0f} ms   (wall / chain = {wall / chain:.2f})")
PY
