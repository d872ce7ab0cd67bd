#!/usr/bin/env bash
# Stops the moto and OPA servers that start-servers.sh started, found through
# the pid files in <repo>/.tools/run. Running it when nothing runs is fine.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
run_dir="$repo_root/.tools/run"
stop_timeout_seconds=10

# Prints the pid from the server's pid file while that process still runs the
# expected program, so that a pid the system has since reused is left alone.
# Prints nothing otherwise.
server_pid() {
    local pid_file="$run_dir/$1.pid" program="$2" pid
    [[ -f "$pid_file" ]] || return 0
    pid="$(cat "$pid_file")"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null \
        && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$program"; then
        echo "$pid"
    fi
}

# Waits for the process to exit, kills it after the timeout, and removes the
# pid file unless another start has written a new pid into it meanwhile.
await_exit() {
    local name="$1" pid="$2" pid_file="$run_dir/$1.pid" deadline
    deadline=$((SECONDS + stop_timeout_seconds))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "$name: pid $pid did not stop within ${stop_timeout_seconds}s, sending KILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    if [[ "$(cat "$pid_file" 2>/dev/null)" == "$pid" ]]; then
        rm -f "$pid_file"
    fi
    echo "$name: stopped pid $pid"
}

moto_pid="$(server_pid moto moto_server)"
opa_pid="$(server_pid opa "$repo_root/.tools/bin/opa")"

# Each server took about two seconds to exit after TERM (moto 5.2.5 and
# OPA 1.22.4, measured here), so both get the signal before either is awaited.
for pid in $moto_pid $opa_pid; do
    kill -TERM "$pid" 2>/dev/null || true
done

if [[ -n "$moto_pid" ]]; then
    await_exit moto "$moto_pid"
else
    echo "moto: not running"
    rm -f "$run_dir/moto.pid"
fi
if [[ -n "$opa_pid" ]]; then
    await_exit opa "$opa_pid"
else
    echo "opa: not running"
    rm -f "$run_dir/opa.pid"
fi
rm -f "$run_dir/servers.env"
