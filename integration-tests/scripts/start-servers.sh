#!/usr/bin/env bash
# Starts one moto server and one OPA server on free ports of 127.0.0.1 and
# writes their URLs to <repo>/.tools/run/servers.env:
#   BERTH_TEST_MOTO_URL=http://127.0.0.1:PORT
#   BERTH_TEST_OPA_URL=http://127.0.0.1:PORT
# Pid files and logs are in the same folder (moto.pid, opa.pid, moto.log,
# opa.log). When both servers of an earlier run are still alive, they are
# reused and nothing new is started.
#
# OPA loads the rule files under policies/berth (the *_test.rego files are
# ignored) and the settings under policies/data, so policies/data/berth.json
# becomes data.berth.company. OPA's version check is switched off because
# tests must not reach any host other than 127.0.0.1.
#
# IAM enforcement in moto 5.2.5 (read in moto/core/authorization.py,
# moto/moto_api/_internal/responses.py and moto/iam/access_control.py, and
# tried against this server):
# - The server starts with enforcement off: INITIAL_NO_AUTH_ACTION_COUNT is
#   not set, which moto reads as infinity.
# - A test turns enforcement on by posting a plain number, not JSON, with a
#   Content-Type other than a form type:
#     curl -X POST -H 'Content-Type: text/plain' --data-binary 0 \
#         "$BERTH_TEST_MOTO_URL/moto-api/reset-auth"
#   The number is how many further requests pass unchecked; moto resets its
#   request counter on every such call, so 0 checks the very next request.
#   curl's default form Content-Type, or a JSON object body, gets HTTP 500.
# - It turns enforcement off again by posting "inf" the same way.
# - The reply carries the previous value, e.g.
#   {"status": "ok", "PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT": "inf"}.
#   The setting is global to the server, so tests that switch it must not run
#   in parallel against the same server, and setup calls (creating users and
#   roles) must happen while it is off.
# - While it is on, only access keys of IAM users created in moto, and
#   credentials from moto's STS AssumeRole (with their session token), are
#   accepted. Other keys, such as test/test, get AuthFailure (HTTP 401) from
#   EC2, InvalidClientTokenId (403) from IAM and STS, InvalidAccessKeyId (403)
#   from S3.
# - A call that the caller's policies do not allow gets HTTP 403 AccessDenied,
#   from EC2 too, where AWS returns UnauthorizedOperation.
#   sts:GetCallerIdentity is always allowed.
# - Actions are compared case-sensitively: "ec2:describevpcs" does not grant
#   ec2:DescribeVpcs. An explicit Deny wins. Conditions are ignored.
#   Resource is compared with the request's resource, which is the bucket or
#   object ARN for S3, the role ARN for IAM role calls and AssumeRole, and "*"
#   for EC2 and most other services. So an EC2 statement whose Resource is an
#   ARN pattern such as arn:aws:ec2:*:*:instance/* never matches and the call
#   is denied, although AWS would allow it.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools_dir="$repo_root/.tools"
run_dir="$tools_dir/run"
env_file="$run_dir/servers.env"
moto_server="$tools_dir/venv/bin/moto_server"
opa="$tools_dir/bin/opa"
startup_timeout_seconds=60

# Prints the pid from the pid file when that process is alive and still runs
# the expected program. Prints nothing otherwise.
live_pid() {
    local pid_file="$1" program="$2" pid
    [[ -f "$pid_file" ]] || return 0
    pid="$(cat "$pid_file")"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null \
        && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$program"; then
        echo "$pid"
    fi
}

# Prints two distinct free TCP ports on 127.0.0.1. Both sockets stay open
# until both ports are read, so the kernel cannot hand out the same port twice.
free_ports() {
    python3 -c '
import socket
sockets = [socket.socket() for _ in range(2)]
for s in sockets:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in sockets))
for s in sockets:
    s.close()
'
}

# Waits until the URL returns an HTTP status (any status for moto, 200 for
# OPA's /health) or the server process exits.
wait_until_ready() {
    local name="$1" url="$2" pid="$3" log="$4" expected_status="$5"
    local deadline=$((SECONDS + startup_timeout_seconds)) status
    while ((SECONDS < deadline)); do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "error: $name exited during start-up. See $log" >&2
            tail -n 20 "$log" >&2 || true
            return 1
        fi
        status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)"
        if [[ "$status" == "$expected_status" || ( "$expected_status" == "any" && "$status" != "000" ) ]]; then
            return 0
        fi
        sleep 0.5
    done
    echo "error: $name timed out after ${startup_timeout_seconds}s waiting for $url. See $log" >&2
    tail -n 20 "$log" >&2 || true
    return 1
}

for tool in "$moto_server" "$opa"; do
    if [[ ! -x "$tool" ]]; then
        echo "error: $tool not found. Run integration-tests/scripts/install-tools.sh first." >&2
        exit 1
    fi
done

mkdir -p "$run_dir"

moto_pid="$(live_pid "$run_dir/moto.pid" moto_server)"
opa_pid="$(live_pid "$run_dir/opa.pid" "$opa")"
if [[ -n "$moto_pid" && -n "$opa_pid" && -f "$env_file" ]]; then
    echo "servers: already running (moto pid $moto_pid, opa pid $opa_pid), see $env_file"
    exit 0
fi
"$repo_root/integration-tests/scripts/stop-servers.sh" >/dev/null

read -r moto_port opa_port < <(free_ports)
moto_url="http://127.0.0.1:$moto_port"
opa_url="http://127.0.0.1:$opa_port"

"$moto_server" -H 127.0.0.1 -p "$moto_port" </dev/null >"$run_dir/moto.log" 2>&1 &
echo $! >"$run_dir/moto.pid"
echo "moto: starting on $moto_url (pid $!, log $run_dir/moto.log)"

"$opa" run --server --addr "127.0.0.1:$opa_port" --skip-version-check \
    --log-level info --ignore '*_test.rego' \
    "$repo_root/policies/berth" "$repo_root/policies/data" \
    </dev/null >"$run_dir/opa.log" 2>&1 &
echo $! >"$run_dir/opa.pid"
echo "opa: starting on $opa_url (pid $!, log $run_dir/opa.log)"

if ! wait_until_ready moto "$moto_url/moto-api/" "$(cat "$run_dir/moto.pid")" "$run_dir/moto.log" any \
    || ! wait_until_ready opa "$opa_url/health" "$(cat "$run_dir/opa.pid")" "$run_dir/opa.log" 200; then
    "$repo_root/integration-tests/scripts/stop-servers.sh" >/dev/null
    exit 1
fi

printf 'BERTH_TEST_MOTO_URL=%s\nBERTH_TEST_OPA_URL=%s\n' "$moto_url" "$opa_url" >"$env_file"
echo "servers: ready, see $env_file"
