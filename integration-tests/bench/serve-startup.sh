#!/usr/bin/env bash
# Measures `berth serve`: the time from process start until /q/health/ready answers 200,
# and the resident memory (VmRSS) once ready. Runs several times and prints each run and
# the median. Targets: ready in under 3 s, under 300 MB resident.
#
# Usage: integration-tests/bench/serve-startup.sh [RUNS]   (default 5)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-5}"
app="$root/distribution/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$app" ]]; then
    "$root/mvnw" -q -B -f "$root/pom.xml" package -DskipTests -pl distribution -am
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

now_ms() {
    date +%s%3N
}

times=()
rss=()
for run in $(seq 1 "$runs"); do
    port="$(free_port)"
    start="$(now_ms)"
    # A new data folder per run, so each start creates and migrates the audit database: the slowest case.
    java -Dberth.platform.bundles-dir="$root/distribution/target/bundles" \
        -Dberth.platform.deploy-dir="$work/deploy" \
        -Dberth.data-dir="$work/data-$run" \
        -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
        -jar "$app" serve > "$work/serve-$run.log" 2>&1 &
    pid=$!

    ready=""
    for _ in $(seq 1 1500); do
        if curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then
            ready="$(now_ms)"
            break
        fi
        sleep 0.02
    done
    if [[ -z "$ready" ]]; then
        kill "$pid" 2>/dev/null || true
        echo "run $run: not ready within 30 s; log: $work/serve-$run.log" >&2
        exit 1
    fi

    resident_kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")"
    kill "$pid"
    wait "$pid" 2>/dev/null || true

    elapsed=$((ready - start))
    times+=("$elapsed")
    rss+=("$((resident_kb / 1024))")
    printf 'run %d: ready in %d ms, resident %d MB\n' "$run" "$elapsed" "$((resident_kb / 1024))"
done

median() {
    printf '%s\n' "$@" | sort -n | awk '{ values[NR] = $1 } END { print values[int((NR + 1) / 2)] }'
}

ready_ms="$(median "${times[@]}")"
resident_mb="$(median "${rss[@]}")"
echo "median over $runs runs: ready in $ready_ms ms (target 3000 ms, ratio $(awk "BEGIN { printf \"%.2f\", $ready_ms / 3000 }")), resident $resident_mb MB (target 300 MB, ratio $(awk "BEGIN { printf \"%.2f\", $resident_mb / 300 }"))"
