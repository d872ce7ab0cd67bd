# Functions shared by the benches that run the packaged executable with the bench.latency
# bundle in its deploy folder. Source it; it defines functions only.

# Prints the path of the bench.latency bundle jar, building it and the distribution first when
# either is missing.
bench_latency_jar() {
    local root="$1" jar
    jar="$(ls "$root"/integration-tests/bundles/bench.latency/target/io.berth.bench.latency-*.jar 2>/dev/null | head -1 || true)"
    if [[ -z "$jar" || ! -f "$root/distribution/target/quarkus-app/quarkus-run.jar" ]]; then
        "$root/mvnw" -q -B -f "$root/pom.xml" package -DskipTests -pl distribution,integration-tests/bundles/bench.latency -am >&2
        jar="$(ls "$root"/integration-tests/bundles/bench.latency/target/io.berth.bench.latency-*.jar | head -1)"
    fi
    echo "$jar"
}

# Prints a berth.yaml for a managed deployment in us-east-2 that trusts the given jar by its hash,
# because the deploy folder installs only trusted jars.
bench_config() {
    local deployment="$1" cidr="$2" jar="$3"
    cat <<YAML
deployment: $deployment
region: us-east-2
accountId: "123456789012"
mode: direct
network:
  managed: { cidr: $cidr }
ingress: { cidrs: [203.0.113.0/24], ports: [443] }
buckets: [{ name: acme-analytics-data }]
controlPlane:
  principal: arn:aws:iam::111122223333:role/berth-control-plane
  externalId: 5d1e0c7a-example
admin:
  trust: { sha256: [$(sha256sum "$jar" | cut -d' ' -f1)] }
YAML
}
