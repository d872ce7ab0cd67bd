#!/usr/bin/env bash
# Checks, tests and compiles the company rules into an OPA Wasm bundle:
#   policies/build.sh [--output FILE] [EXTRA_RULES_DIR...]
# Steps: opa fmt (fails on unformatted files), opa check --strict, opa test,
# a check that policies/examples/input.json still produces
# policies/examples/findings.json (skipped when extra folders are given), and
# opa build -t wasm with entrypoint berth/findings. The default output is
# policies/bundle.tar.gz. Uses .tools/bin/opa unless OPA names another binary,
# and python3 to drop the Rego sources from the bundle.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
opa="${OPA:-$repo_root/.tools/bin/opa}"
output="policies/bundle.tar.gz"

extra_dirs=()
while (($# > 0)); do
    case "$1" in
        --output)
            output="$2"
            shift 2
            ;;
        -h | --help)
            sed -n '2,8p' "$0"
            exit 0
            ;;
        *)
            extra_dirs+=("$1")
            shift
            ;;
    esac
done

# Fails when the example input no longer gives the recorded findings.
check_example() {
    echo "example check: policies/examples/input.json against policies/examples/findings.json"
    # opa eval prints the value of a query that is a single comparison, so the
    # trailing "; true" makes a false comparison leave the query without a
    # result, which --fail turns into exit status 1.
    if ! "$opa" eval --fail --format raw --ignore '*_test.rego' \
        --data policies/berth --data policies/data --data expected:policies/examples/findings.json \
        --input policies/examples/input.json \
        'data.berth.findings == data.expected.findings; true' >/dev/null; then
        echo "error: the example's findings changed. They are now:" >&2
        "$opa" eval --format pretty --ignore '*_test.rego' --data policies/berth --data policies/data \
            --input policies/examples/input.json 'data.berth.findings' >&2
        echo "update policies/examples/findings.json and policies/README.md if the change is intended" >&2
        return 1
    fi
}

if [[ ! -x "$opa" ]]; then
    echo "error: $opa not found. Run integration-tests/scripts/install-tools.sh, or set OPA to an opa binary." >&2
    exit 1
fi

# Paths given on the command line are relative to the caller's folder, and the
# script works from the repository root from here on.
if [[ "$output" != "policies/bundle.tar.gz" ]]; then
    output="$(realpath -m "$output")"
fi
for index in "${!extra_dirs[@]}"; do
    extra_dirs[index]="$(realpath -m "${extra_dirs[index]}")"
done

# policy.wasm records the rule file paths as given, so paths relative to the
# repository root keep the default bundle independent of where the repository
# lives.
cd "$repo_root"

echo "opa fmt: checking policies/berth"
if ! "$opa" fmt --list --fail policies/berth; then
    echo "error: the files above are not formatted. Run: $opa fmt -w policies/berth" >&2
    exit 1
fi

echo "opa check --strict: policies/berth ${extra_dirs[*]}"
"$opa" check --strict policies/berth "${extra_dirs[@]}"

echo "opa test: policies/berth ${extra_dirs[*]}"
"$opa" test policies/berth "${extra_dirs[@]}"

if ((${#extra_dirs[@]} > 0)); then
    echo "example check: skipped, because extra rules may add findings to the example"
else
    check_example
fi

echo "opa build: writing $output"
built_bundle="$(mktemp)"
trap 'rm -f "$built_bundle"' EXIT
"$opa" build --target wasm --entrypoint berth/findings --ignore '*_test.rego' \
    --output "$built_bundle" policies/berth policies/data "${extra_dirs[@]}"

# opa test loads every .tar.gz below the folders it is given as a bundle, so
# the Rego sources inside policies/bundle.tar.gz would clash with the same
# files in policies/berth when running "opa test policies/". The Wasm engine
# needs only /policy.wasm, /data.json and /.manifest, so the sources are
# dropped. The .manifest gets the SHA-256 of every source file, which Berth
# compares with the files next to the bundle. Members keep opa's fixed
# metadata and gzip gets a fixed timestamp, so the same rules give the same
# bytes.
python3 - "$built_bundle" "$output" policies/berth policies/data "${extra_dirs[@]}" <<'PYTHON'
import gzip
import hashlib
import io
import json
import os
import sys
import tarfile

source_path, output_path, source_dirs = sys.argv[1], sys.argv[2], sys.argv[3:]


# The files opa build compiles from a folder: Rego without the tests, and data
# files. Paths are relative to the folder, with forward slashes.
def source_hashes(folder):
    hashes = {}
    for directory, subdirectories, names in os.walk(folder):
        subdirectories.sort()
        for name in sorted(names):
            if name.endswith("_test.rego") or not name.endswith((".rego", ".json", ".yaml", ".yml")):
                continue
            path = os.path.join(directory, name)
            with open(path, "rb") as source:
                digest = hashlib.sha256(source.read()).hexdigest()
            hashes[os.path.relpath(path, folder).replace(os.sep, "/")] = digest
    return hashes


# Berth's engine compares these hashes with the files next to the bundle to
# tell a bundle that is older than its sources. Folders are recorded relative
# to the bundle's own folder. "defaults" identifies the default rules and
# settings, so that a company bundle built against other defaults is caught.
bundle_dir = os.path.dirname(os.path.abspath(output_path))
sources = {}
for folder in source_dirs:
    relative = os.path.relpath(os.path.abspath(folder), bundle_dir).replace(os.sep, "/")
    sources[relative] = source_hashes(folder)
defaults = hashlib.sha256(
    json.dumps([source_hashes("policies/berth"), source_hashes("policies/data")], sort_keys=True).encode()
).hexdigest()

archive = io.BytesIO()
with tarfile.open(source_path) as source, tarfile.open(fileobj=archive, mode="w") as target:
    for member in source.getmembers():
        if member.name.endswith(".rego"):
            continue
        content = source.extractfile(member).read()
        if member.name.lstrip("/") == ".manifest":
            manifest = json.loads(content)
            manifest.setdefault("metadata", {})["berth"] = {"defaults": defaults, "sources": sources}
            content = json.dumps(manifest, sort_keys=True).encode()
            member.size = len(content)
        target.addfile(member, io.BytesIO(content))
with open(output_path, "wb") as output, gzip.GzipFile(fileobj=output, mode="wb", filename="", mtime=0) as compressed:
    compressed.write(archive.getvalue())
PYTHON

echo "done: $output"
