package berth.rules.actions_test

import data.berth.fixtures_test as fixtures
import data.berth.rules.actions
import rego.v1

# Returns the findings of rule_id for one role of the given kind.
role_findings(kind, statements, rule_id) := found if {
	all_findings := actions.deny with input as fixtures.role_input(kind, statements)
		with data.berth.company as fixtures.company
	found := fixtures.of_rule(all_findings, rule_id)
}

test_wildcard_actions_flags_full_wildcard if {
	found := role_findings("worker", [fixtures.allow("Everything", "*", "*")], "wildcard-actions")
	found == {{
		"rule": "wildcard-actions",
		"severity": "error",
		"target": "worker role, statement Everything",
		"message": "allows the wildcard action *",
		"fix": "List the actions the role calls, each by its full name.",
	}}
}

test_wildcard_actions_flags_service_wildcard if {
	found := role_findings("unattended", [fixtures.allow("Ec2", ["ec2:DescribeInstances", "ec2:*"], "*")], "wildcard-actions")
	{finding.message | some finding in found} == {"allows the wildcard action ec2:*"}
}

test_wildcard_actions_flags_partial_wildcards if {
	statement := fixtures.allow("Describe", ["ec2:Describe*", "ec2:DescribeInstanceType?"], "*")
	found := role_findings("user-initiated", [statement], "wildcard-actions")
	count(found) == 2
}

test_wildcard_actions_passes_named_actions if {
	statement := fixtures.allow("Describe", "ec2:DescribeInstances", "*")
	count(role_findings("unattended", [statement], "wildcard-actions")) == 0
}

test_wildcard_actions_ignores_deny_statements if {
	statement := {"Sid": "NoIam", "Effect": "Deny", "Action": "iam:*", "Resource": "*"}
	count(role_findings("worker", [statement], "wildcard-actions")) == 0
}

test_wildcard_actions_reads_single_statement_object if {
	role := object.union(
		fixtures.role("worker", []),
		{"policy": {"Version": "2012-10-17", "Statement": fixtures.allow("One", "s3:*", "arn:aws:s3:::acme-analytics-data")}},
	)
	all_findings := actions.deny with input as {"roles": [role]} with data.berth.company as fixtures.company
	count(fixtures.of_rule(all_findings, "wildcard-actions")) == 1
}

test_wildcard_actions_names_statement_without_sid if {
	statements := [
		fixtures.allow("Describe", "ec2:DescribeInstances", "*"),
		{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
	]
	found := role_findings("unattended", statements, "wildcard-actions")
	{finding.target | some finding in found} == {"unattended role, statement #2"}
}

test_allow_with_not_action_flags_allow if {
	statement := {"Sid": "AllButIam", "Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}
	found := role_findings("worker", [statement], "allow-with-not-action")
	{finding.target | some finding in found} == {"worker role, statement AllButIam"}
}

test_allow_with_not_action_passes_deny if {
	statement := {"Sid": "DenyAllButS3", "Effect": "Deny", "NotAction": "s3:*", "Resource": "*"}
	count(role_findings("worker", [statement], "allow-with-not-action")) == 0
}

test_s3_unscoped_resource_flags_star_resource if {
	found := role_findings("worker", [fixtures.allow("Read", "s3:GetObject", "*")], "s3-unscoped-resource")
	{finding.message | some finding in found} == {"allows s3:GetObject on *, which is not limited to named buckets"}
}

test_s3_unscoped_resource_flags_all_bucket_arns if {
	statement := fixtures.allow("Read", ["s3:ListBucket", "s3:GetObject"], ["arn:aws:s3:::*", "arn:aws:s3:::*/*"])
	found := role_findings("worker", [statement], "s3-unscoped-resource")

	# Two actions on two unscoped resources.
	count(found) == 4
}

test_s3_unscoped_resource_flags_wildcard_action_on_star if {
	found := role_findings("deployer", [fixtures.allow("All", "*", "*")], "s3-unscoped-resource")
	count(found) == 1
}

test_s3_unscoped_resource_passes_bucket_arns if {
	statement := fixtures.allow(
		"ReadWrite",
		["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
		["arn:aws:s3:::acme-analytics-data", "arn:aws:s3:::acme-analytics-data/*"],
	)
	count(role_findings("worker", [statement], "s3-unscoped-resource")) == 0
}

test_s3_unscoped_resource_ignores_other_services if {
	statement := fixtures.allow("Describe", "ec2:DescribeInstances", "*")
	count(role_findings("unattended", [statement], "s3-unscoped-resource")) == 0
}
