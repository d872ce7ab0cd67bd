package berth.rules.tags_test

import data.berth.fixtures_test as fixtures
import data.berth.rules.tags
import rego.v1

tag_findings(input_document, company) := found if {
	all_findings := tags.deny with input as input_document with data.berth.company as company
	found := fixtures.of_rule(all_findings, "missing-required-tags")
}

# object.union merges nested objects, so the owned tags are removed first.
untagged_role(kind) := object.union(object.remove(fixtures.role(kind, []), ["tags"]), {"tags": {"cost-center": "4711"}})

test_missing_required_tags_flags_role if {
	found := tag_findings({"roles": [untagged_role("worker")]}, fixtures.company)
	found == {{
		"rule": "missing-required-tags",
		"severity": "error",
		"target": "worker role berth-analytics-worker",
		"message": "is missing the required tags berth:deployment, berth:managed",
		"fix": "Add the missing keys to tags in berth.yaml. A missing berth:deployment or berth:managed tag is a fault of the bundle that plans the resource.",
	}}
}

test_missing_required_tags_flags_role_with_null_tags if {
	role := object.union(fixtures.role("worker", []), {"tags": null})
	count(tag_findings({"roles": [role]}, fixtures.company)) == 1
}

test_missing_required_tags_flags_security_group if {
	group := {"name": "berth-analytics-proxy", "purpose": "proxy", "tags": {"berth:managed": "true"}, "ingress": [], "egress": []}
	found := tag_findings({"securityGroups": [group]}, fixtures.company)
	{[finding.target, finding.message] | some finding in found} == {[
		"security group berth-analytics-proxy",
		"is missing the required tags berth:deployment",
	]}
}

test_missing_required_tags_flags_resource_without_tags if {
	found := tag_findings({"resources": [{"type": "launch-template", "name": "berth-analytics-c1"}]}, fixtures.company)
	{finding.target | some finding in found} == {"launch-template berth-analytics-c1"}
}

test_missing_required_tags_passes_tagged_resources if {
	input_document := {
		"roles": [fixtures.role("worker", [])],
		"securityGroups": [{"name": "berth-analytics-direct", "tags": fixtures.owned_tags, "ingress": [], "egress": []}],
		"resources": [{"type": "vpc", "name": "berth-analytics", "tags": fixtures.owned_tags}],
	}
	count(tag_findings(input_document, fixtures.company)) == 0
}

test_missing_required_tags_ignores_deployer if {
	count(tag_findings({"roles": [untagged_role("deployer")]}, fixtures.company)) == 0
}

test_missing_required_tags_flags_company_tag if {
	company := object.union(fixtures.company, {"requiredTags": ["berth:deployment", "berth:managed", "cost-center"]})
	found := tag_findings({"resources": [{"type": "vpc", "name": "berth-analytics", "tags": fixtures.owned_tags}]}, company)
	{finding.message | some finding in found} == {"is missing the required tags cost-center"}
}
