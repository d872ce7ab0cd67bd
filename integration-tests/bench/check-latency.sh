#!/usr/bin/env bash
# Measures the latency of one company-rules check of a full plan
# (policies/examples/input.json) three ways in one run, and prints the medians
# and their ratios:
#   - the embedded engine: the compiled Wasm bundle on Chicory, warm, in one JVM
#   - a round trip to an OPA server on 127.0.0.1 (warm), from the same JVM
#   - an `opa eval` process per check
# Target: the embedded engine is faster than the loopback server round trip.
#
# Usage: integration-tests/bench/check-latency.sh [ITERATIONS] [PROCESS_RUNS]   (default 500, 10)
# Starts its own OPA server on a free loopback port and stops it at the end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
iterations="${1:-500}"
process_runs="${2:-10}"
opa="$root/.tools/bin/opa"

"$root/integration-tests/scripts/install-tools.sh" >&2

echo "building the rules bundle and its test classes..." >&2
"$root/mvnw" -q -B -f "$root/pom.xml" install -DskipTests -pl bundles/rules -am >&2
"$root/mvnw" -q -B -f "$root/bundles/rules/pom.xml" test-compile dependency:build-classpath \
    -Dmdep.outputFile="$root/bundles/rules/target/bench.classpath" -Dmdep.includeScope=test >&2

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
"$opa" run --server --addr "127.0.0.1:$port" --disable-telemetry --ignore '*_test.rego' \
    "$root/policies/berth" "$root/policies/data" > "$work/opa.log" 2>&1 &
opa_pid=$!
trap 'kill "$opa_pid" 2>/dev/null || true; wait "$opa_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 300); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/health"; then
        break
    fi
    sleep 0.1
done
curl -fs -o /dev/null "http://127.0.0.1:$port/health" || { echo "OPA did not start; log: $work/opa.log" >&2; exit 1; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); opa $("$opa" version | sed -n 's/^Version: //p')"
cd "$root/bundles/rules"
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" -Dberth.root="$root" \
    io.berth.rules.internal.CheckLatency "http://127.0.0.1:$port" "$opa" "$iterations" "$process_runs"
