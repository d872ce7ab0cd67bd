package berth_test

import data.berth
import data.berth.fixtures_test as fixtures
import rego.v1

open_group := {"securityGroups": [{
	"name": "berth-analytics-direct",
	"tags": {"berth:managed": "true"},
	"ingress": [{"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidr": "0.0.0.0/0"}],
	"egress": [],
}]}

test_findings_are_sorted_by_rule_target_message if {
	input_document := object.union(open_group, {"buckets": [{"name": "acme-b"}, {"name": "acme-a"}]})
	found := berth.findings with input as input_document with data.berth.company as fixtures.company
	[[finding.rule, finding.target] | some finding in found] == [
		["bucket-not-allowed", "bucket acme-a"],
		["bucket-not-allowed", "bucket acme-b"],
		["missing-required-tags", "security group berth-analytics-direct"],
		["public-ingress", "security group berth-analytics-direct"],
	]
}

test_findings_are_empty_for_empty_plan if {
	found := berth.findings with input as {} with data.berth.company as fixtures.company
	found == []
}

test_findings_drop_disabled_rules if {
	company := object.union(fixtures.company, {"disabledRules": ["missing-required-tags"]})
	found := berth.findings with input as open_group with data.berth.company as company
	[finding.rule | some finding in found] == ["public-ingress"]
}

test_findings_apply_severity_overrides if {
	company := object.union(fixtures.company, {"severity": {"public-ingress": "warning"}})
	found := berth.findings with input as open_group with data.berth.company as company
	{[finding.rule, finding.severity] | some finding in found} == {
		["missing-required-tags", "error"],
		["public-ingress", "warning"],
	}
}

test_company_settings_invalid_flags_unknown_severity if {
	company := object.union(fixtures.company, {"severity": {"public-ingress": "critical"}})
	found := berth.findings with input as open_group with data.berth.company as company
	{[finding.rule, finding.severity] | some finding in found} == {
		["company-settings-invalid", "error"],
		["missing-required-tags", "error"],
		["public-ingress", "error"],
	}
}

test_company_settings_invalid_passes_known_severities if {
	company := object.union(fixtures.company, {"severity": {"public-ingress": "warning", "role-name-prefix": "error"}})
	found := berth.findings with input as {} with data.berth.company as company
	found == []
}

test_company_settings_missing_flags_absent_settings if {
	found := berth.findings with input as {} with data.berth.company as null
	[finding.rule | some finding in found] == ["company-settings-missing"]
}

test_company_settings_missing_passes_loaded_settings if {
	found := berth.findings with input as {} with data.berth.company as fixtures.company
	count(fixtures.of_rule(found, "company-settings-missing")) == 0
}

test_findings_include_company_rule_packages if {
	company_finding := {
		"rule": "acme-no-ipv6",
		"severity": "warning",
		"target": "security group berth-analytics-direct",
		"message": "uses IPv6",
		"fix": "Remove the IPv6 rule.",
	}
	found := berth.findings with input as {}
		with data.berth.company as fixtures.company
		with data.berth.rules.acme.deny as {company_finding}
	found == [company_finding]
}
