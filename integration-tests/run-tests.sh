#!/usr/bin/env bash
# Runs every test of the project, the way CI runs it on a fresh machine:
#   integration-tests/run-tests.sh [MAVEN ARGS...]      e.g. -o to stay offline
# scripts/with-servers.sh installs moto and opa into .tools/ on first use, and
# later runs reuse them with no network. It starts one moto and one OPA server on
# free loopback ports for the whole run and stops them at the end. In between,
# opa checks and tests the company rules, and Maven builds and runs every Java test.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# No test process may ask the EC2 instance metadata service for credentials or a region.
export AWS_EC2_METADATA_DISABLED=true

run_suite() {
    echo "== company rules: opa check and opa test"
    .tools/bin/opa check --strict --ignore '*_test.rego' policies/berth policies/data
    .tools/bin/opa test policies/

    echo "== Java build and tests"
    ./mvnw -B verify "$@"
}
export -f run_suite

integration-tests/scripts/with-servers.sh bash -c 'run_suite "$@"' run_suite "$@"
