#!/usr/bin/env bash
# The whole test suite, as CI runs it on a fresh machine:
#   integration-tests/run-tests.sh [EXTRA MAVEN ARGS...]
# Installs moto and opa into .tools/ (cached), starts one moto and one OPA
# server on free loopback ports for the whole run, runs the Rego tests and
# the Maven build with every test, and stops the servers at the end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

run_suite() {
    echo "== company rules: opa check and opa test"
    .tools/bin/opa check --strict --ignore '*_test.rego' policies/berth policies/data
    .tools/bin/opa test policies/

    echo "== Java build and tests"
    ./mvnw -B verify "$@"
}
export -f run_suite

integration-tests/scripts/with-servers.sh bash -c 'run_suite "$@"' run_suite "$@"
