#!/usr/bin/env bash
# Installs the test servers into <repo>/.tools: moto (PyPI) in a virtualenv,
# the opa binary built from source with the Go toolchain, and the
# CloudFormation linters cfn-lint and checkov (PyPI) in a virtualenv of their
# own, because checkov pins an older boto3 than moto needs.
# Each step is skipped when the pinned version is already installed, so a
# second run needs no network.
set -euo pipefail

MOTO_VERSION=5.2.5
OPA_VERSION=1.22.4
CFN_LINT_VERSION=1.58.0
CHECKOV_VERSION=3.3.30

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools_dir="$repo_root/.tools"
venv_dir="$tools_dir/venv"
lint_venv_dir="$tools_dir/lint-venv"
bin_dir="$tools_dir/bin"

installed_moto_version() {
    "$venv_dir/bin/python" -m pip show moto 2>/dev/null | sed -n 's/^Version: //p'
}

installed_lint_version() {
    "$lint_venv_dir/bin/python" -m pip show "$1" 2>/dev/null | sed -n 's/^Version: //p'
}

installed_opa_version() {
    "$bin_dir/opa" version 2>/dev/null | sed -n 's/^Version: //p'
}

require_command() {
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "error: $1 not found on PATH. Install it to $2." >&2
        exit 1
    fi
}

mkdir -p "$bin_dir"

if [[ -x "$venv_dir/bin/moto_server" && "$(installed_moto_version)" == "$MOTO_VERSION" ]]; then
    echo "moto $MOTO_VERSION: already installed in $venv_dir"
else
    echo "moto $MOTO_VERSION: installing moto[server] into $venv_dir"
    require_command python3 "create the virtualenv for moto"
    [[ -x "$venv_dir/bin/python" ]] || python3 -m venv "$venv_dir"
    "$venv_dir/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
fi

if [[ -x "$lint_venv_dir/bin/cfn-lint" && -x "$lint_venv_dir/bin/checkov"
      && "$(installed_lint_version cfn-lint)" == "$CFN_LINT_VERSION"
      && "$(installed_lint_version checkov)" == "$CHECKOV_VERSION" ]]; then
    echo "cfn-lint $CFN_LINT_VERSION and checkov $CHECKOV_VERSION: already installed in $lint_venv_dir"
else
    echo "cfn-lint $CFN_LINT_VERSION and checkov $CHECKOV_VERSION: installing into $lint_venv_dir"
    require_command python3 "create the virtualenv for cfn-lint and checkov"
    [[ -x "$lint_venv_dir/bin/python" ]] || python3 -m venv "$lint_venv_dir"
    "$lint_venv_dir/bin/python" -m pip install --quiet --disable-pip-version-check \
        "cfn-lint==$CFN_LINT_VERSION" "checkov==$CHECKOV_VERSION"
fi

if [[ "$(installed_opa_version)" == "$OPA_VERSION" ]]; then
    echo "opa $OPA_VERSION: already installed at $bin_dir/opa"
else
    echo "opa $OPA_VERSION: building with go install into $bin_dir (takes a few minutes)"
    require_command go "build opa"
    GOBIN="$bin_dir" go install "github.com/open-policy-agent/opa@v$OPA_VERSION"
fi
