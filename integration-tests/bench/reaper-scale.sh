#!/usr/bin/env bash
# Measures one reaper pass over many expired instances on moto, to show that the pass reads
# every page of DescribeInstances and terminates every instance in batches. It launches
# INSTANCES instances of one expired cluster (one per RunInstances call, because moto 5.2.5
# pages DescribeInstances by reservation), plus decoys: instances without the deployment's
# tags and instances of another deployment. It then runs `berth reap --dry-run` and
# `berth reap`, and prints for each pass its AWS calls by operation, its wall time, and the
# share of that time spent waiting for moto.
# It exits 1 when a launched instance is not decided on, is still running after the pass,
# or when a decoy was touched.
#
# Usage: integration-tests/bench/reaper-scale.sh [INSTANCES [PASSES]]
#   INSTANCES  default 5000
#   PASSES     both (default) runs a dry run and then a real pass. reap runs the real pass alone.
# On moto 5.2.5, each pass over 5,000 instances takes over 20 minutes (see reaper-scale.md).
# It starts a moto server of its own on a free loopback port, because thousands of instances
# would slow down every test that shares a server with them, and stops it on exit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
instances="${1:-5000}"
passes="${2:-both}"
decoys=25
if ! [[ "$instances" =~ ^[1-9][0-9]*$ ]]; then
    echo "error: INSTANCES must be a positive whole number, not '$instances'" >&2
    exit 2
fi
if [[ "$passes" != both && "$passes" != reap ]]; then
    echo "error: PASSES must be both or reap, not '$passes'" >&2
    exit 2
fi

# shellcheck source=bench-common.sh
source "$root/integration-tests/bench/bench-common.sh"
jar="$(bench_latency_jar "$root")"
"$root/integration-tests/scripts/install-tools.sh" > /dev/null
python="$root/.tools/venv/bin/python"

work="$(mktemp -d)"
moto_pid=""
cleanup() {
    if [[ -n "$moto_pid" ]]; then
        kill "$moto_pid" 2>/dev/null || true
        wait "$moto_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$root/.tools/venv/bin/moto_server" -H 127.0.0.1 -p "$port" > "$work/moto.log" 2>&1 &
moto_pid=$!
moto_url="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
    curl -sf "$moto_url/moto-api/" > /dev/null 2>&1 && break
    kill -0 "$moto_pid" 2>/dev/null || { cat "$work/moto.log" >&2; echo "error: moto did not start" >&2; exit 1; }
    sleep 0.5
done
curl -sf "$moto_url/moto-api/" > /dev/null || { echo "error: moto did not respond on $moto_url within 60 s" >&2; exit 1; }

mkdir -p "$work/deploy"
cp "$jar" "$work/deploy/"
deployment="bench-reaper-$RANDOM"
bench_config "$deployment" 10.42.0.0/16 "$jar" > "$work/berth.yaml"

export AWS_ENDPOINT_URL="$moto_url" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
export AWS_EC2_METADATA_DISABLED=true AWS_REGION=us-east-2
export BERTH_BENCH_DELAY_MS=0
# One DescribeInstances page of 1000 tagged instances takes moto 5.2.5 more than the default
# 60 s socket timeout, because its tag filters scan every tag of every instance.
export BERTH_JAVA_OPTS="-Dberth.platform.deploy-dir=$work/deploy -Dberth.aws.socket-timeout-seconds=1800"

echo "launching $instances expired instances and $((2 * decoys)) decoys on moto $moto_url"
"$python" - "$work" "$deployment" "$instances" "$decoys" <<'PY'
import datetime, json, os, sys, time
import boto3

work, deployment, count, decoys = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
ec2 = boto3.client("ec2", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-2")
long_ago = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=2)).isoformat()

def cluster_tags(owner):
    tags = {"berth:managed": "true", "berth:cluster": "scale", "berth:launch": "scale-1",
            "berth:started-at": long_ago, "berth:last-activity": long_ago,
            "berth:idle-timeout": "PT1H", "berth:max-lifetime": "PT24H"}
    if owner:
        tags["berth:deployment"] = owner
    return [{"Key": key, "Value": value} for key, value in tags.items()]

def launch(tags):
    reservation = ec2.run_instances(ImageId="ami-760aaa0f", InstanceType="m5.large", MinCount=1, MaxCount=1,
                                    TagSpecifications=[{"ResourceType": "instance", "Tags": tags}])
    return reservation["Instances"][0]["InstanceId"]

started = time.monotonic()
ids = {
    "expired": [launch(cluster_tags(deployment)) for _ in range(count)],
    "untagged": [launch(cluster_tags(None)) for _ in range(decoys)],
    "other": [launch(cluster_tags(deployment + "-other")) for _ in range(decoys)],
}
json.dump(ids, open(os.path.join(work, "launched.json"), "w"))
print(f"launched in {time.monotonic() - started:.0f} s")
PY

run_pass() {
    local name="$1"
    shift
    local started ended
    started="$(date +%s%N)"
    BERTH_CALL_LOG="$work/$name.calls" BERTH_BENCH_TIMINGS="$work/$name.tsv" \
        "$root/berth" reap --config "$work/berth.yaml" --format json "$@" > "$work/$name.json" 2> "$work/$name.err" \
        || { cat "$work/$name.err" >&2; echo "error: berth reap $* failed" >&2; exit 1; }
    ended="$(date +%s%N)"
    echo $(((ended - started) / 1000000)) > "$work/$name.wall"
}

if [[ "$passes" == both ]]; then
    echo "running berth reap --dry-run, then berth reap"
    run_pass dry-run --dry-run
else
    echo "running berth reap"
fi
run_pass reap

"$python" - "$work" "$instances" <<'PY'
import collections, json, os, sys
import boto3

work, count = sys.argv[1], int(sys.argv[2])
launched = json.load(open(os.path.join(work, "launched.json")))
failures = []

def report(name):
    wall = int(open(os.path.join(work, name + ".wall")).read())
    calls = collections.Counter(json.loads(line)["action"] for line in open(os.path.join(work, name + ".calls")) if line.strip())
    spans = []
    for line in open(os.path.join(work, name + ".tsv")):
        start, end, _, _ = line.rstrip("\n").split("\t")
        spans.append((int(start), int(end)))
    waited_ms = sum(end - start for start, end in spans) / 1e6
    pass_ms = (max(end for _, end in spans) - min(start for start, _ in spans)) / 1e6
    decisions = json.load(open(os.path.join(work, name + ".json")))["decisions"]
    decided = {d["resourceId"] for d in decisions if d["resourceId"].startswith("i-")}
    missing = set(launched["expired"]) - decided
    touched = decided & set(launched["untagged"] + launched["other"])
    if missing:
        failures.append(f"{name}: {len(missing)} expired instances have no decision")
    if touched:
        failures.append(f"{name}: decisions name {len(touched)} decoys")
    print(f"\n{name}: {len(decided)} instances decided, {len(decisions)} decisions in all")
    for action, number in sorted(calls.items()):
        print(f"  {action:32} {number:6}")
    print(f"  command wall time          {wall / 1000:8.1f} s   (JVM start to exit)")
    print(f"  pass                       {pass_ms / 1000:8.1f} s   (first AWS call's start to last call's end)")
    print(f"  waiting for moto           {waited_ms / 1000:8.1f} s   (share of pass = {waited_ms / pass_ms:.2f})")
    print(f"  Berth's own time in pass   {(pass_ms - waited_ms) / 1000:8.1f} s   (paging, planning)")
    return calls

pages = -(-count // 1000)
passes = {name: report(name) for name in ("dry-run", "reap") if os.path.exists(os.path.join(work, name + ".wall"))}
for name, calls in passes.items():
    if calls["ec2:DescribeInstances"] < pages:
        failures.append(f"{name}: {calls['ec2:DescribeInstances']} DescribeInstances calls, at least {pages} pages expected")
if "dry-run" in passes and passes["dry-run"]["ec2:TerminateInstances"]:
    failures.append("dry-run: it called TerminateInstances")

ec2 = boto3.client("ec2", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-2")
states = {}
for page in ec2.get_paginator("describe_instances").paginate(MaxResults=1000):
    for reservation in page["Reservations"]:
        for instance in reservation["Instances"]:
            states[instance["InstanceId"]] = instance["State"]["Name"]
alive = [i for i in launched["expired"] if states.get(i) in ("pending", "running")]
ended_decoys = [i for i in launched["untagged"] + launched["other"] if states.get(i) != "running"]
if alive:
    failures.append(f"reap: {len(alive)} expired instances still run")
if ended_decoys:
    failures.append(f"reap: {len(ended_decoys)} decoys no longer run")
print(f"\nafter the pass: {len(launched['expired']) - len(alive)} of {count} expired instances ended, "
      f"{2 * len(launched['untagged']) - len(ended_decoys)} of {2 * len(launched['untagged'])} decoys still run")
for failure in failures:
    print("FAILED: " + failure, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
