#!/usr/bin/env bash
# Runs a command with a moto and an OPA server on 127.0.0.1:
#   integration-tests/scripts/with-servers.sh CMD [ARGS...]
# Installs the tools when needed, starts the servers, exports
# BERTH_TEST_MOTO_URL and BERTH_TEST_OPA_URL, runs the command and exits with
# its status. Servers started here are stopped on exit, also on failure or
# interrupt. Servers that already ran before are reused and left running.
set -euo pipefail

if (($# == 0)); then
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 2
fi

scripts_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
env_file="$scripts_dir/../../.tools/run/servers.env"
start_log="$(mktemp)"
trap 'rm -f "$start_log"' EXIT

"$scripts_dir/install-tools.sh"

# start-servers.sh stops what it started when start-up fails, so only a
# successful start needs the stop trap.
"$scripts_dir/start-servers.sh" | tee "$start_log"
if ! grep -q "already running" "$start_log"; then
    trap 'rm -f "$start_log"; "$scripts_dir/stop-servers.sh"' EXIT
fi

set -a
# shellcheck source=/dev/null
source "$env_file"
set +a

# The command runs in the background because bash runs a trap only after the
# foreground command ends. Waiting instead lets INT and TERM stop the command
# and then, through the EXIT trap, the servers. "<&0" keeps the standard input,
# which a background command would otherwise read from /dev/null.
"$@" <&0 &
command_pid=$!
trap 'kill -INT "$command_pid" 2>/dev/null; exit 130' INT
trap 'kill -TERM "$command_pid" 2>/dev/null; exit 143' TERM

status=0
wait "$command_pid" || status=$?
exit "$status"
