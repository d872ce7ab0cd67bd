package berth.rules.privilege_test

import data.berth.fixtures_test as fixtures
import data.berth.rules.privilege
import rego.v1

worker_arn := "arn:aws:iam::123456789012:role/berth/berth-analytics-worker"

role_findings(kind, statements, rule_id) := found if {
	all_findings := privilege.deny with input as fixtures.role_input(kind, statements)
		with data.berth.company as fixtures.company
	found := fixtures.of_rule(all_findings, rule_id)
}

pass_role(condition) := {
	"Sid": "PassWorkerRole",
	"Effect": "Allow",
	"Action": "iam:PassRole",
	"Resource": worker_arn,
	"Condition": condition,
}

test_iam_write_in_runtime_role_flags_create_role if {
	found := role_findings("worker", [fixtures.allow("Iam", ["iam:GetRole", "iam:CreateRole"], "*")], "iam-write-in-runtime-role")
	found == {{
		"rule": "iam-write-in-runtime-role",
		"severity": "error",
		"target": "worker role, statement Iam",
		"message": "allows iam:CreateRole, which can change IAM",
		"fix": "Remove the IAM write action. Only the deployer policy may change IAM.",
	}}
}

test_iam_write_in_runtime_role_flags_each_write_verb if {
	actions := [
		"iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:UpdateAssumeRolePolicy",
		"iam:DeleteRolePermissionsBoundary", "iam:DetachRolePolicy", "iam:AddUserToGroup",
		"iam:RemoveRoleFromInstanceProfile", "iam:TagRole", "iam:UntagRole",
		"iam:SetDefaultPolicyVersion",
	]
	found := role_findings("unattended", [fixtures.allow("Iam", actions, "*")], "iam-write-in-runtime-role")
	count(found) == count(actions)
}

test_iam_write_in_runtime_role_flags_wildcards_that_cover_writes if {
	found := role_findings("user-initiated", [fixtures.allow("Iam", ["iam:*", "*", "iam:Cr*"], "*")], "iam-write-in-runtime-role")
	{finding.message | some finding in found} == {
		"allows iam:*, which can change IAM",
		"allows *, which can change IAM",
		"allows iam:Cr*, which can change IAM",
	}
}

test_iam_write_in_runtime_role_passes_reads if {
	statement := fixtures.allow("Iam", ["iam:GetRole", "iam:Get*", "iam:ListRoles"], "*")
	count(role_findings("worker", [statement], "iam-write-in-runtime-role")) == 0
}

test_iam_write_in_runtime_role_passes_deployer if {
	statement := fixtures.allow("ManageRoles", ["iam:CreateRole", "iam:PutRolePolicy"], "*")
	count(role_findings("deployer", [statement], "iam-write-in-runtime-role")) == 0
}

test_passrole_without_service_condition_flags_missing_condition if {
	statement := fixtures.allow("PassWorkerRole", "iam:PassRole", worker_arn)
	found := role_findings("user-initiated", [statement], "passrole-without-service-condition")
	{finding.message | some finding in found} == {"allows iam:PassRole without an iam:PassedToService condition"}
}

test_passrole_without_service_condition_flags_wildcard_actions if {
	statement := fixtures.allow("Iam", ["iam:*", "iam:Pass*"], worker_arn)
	count(role_findings("deployer", [statement], "passrole-without-service-condition")) == 2
}

test_passrole_without_service_condition_passes_other_iam_wildcards if {
	statement := fixtures.allow("Iam", ["iam:Get*", "iam:*Policy"], "*")
	count(role_findings("deployer", [statement], "passrole-without-service-condition")) == 0
}

test_passrole_without_service_condition_flags_negative_operator if {
	statement := pass_role({"StringNotEquals": {"iam:PassedToService": "lambda.amazonaws.com"}})
	count(role_findings("user-initiated", [statement], "passrole-without-service-condition")) == 1
}

test_passrole_without_service_condition_flags_any_service if {
	statement := pass_role({"StringLike": {"iam:PassedToService": "*"}})
	count(role_findings("user-initiated", [statement], "passrole-without-service-condition")) == 1
}

test_passrole_without_service_condition_flags_other_condition_key if {
	statement := pass_role({"StringEquals": {"aws:ResourceTag/berth:deployment": "analytics"}})
	count(role_findings("user-initiated", [statement], "passrole-without-service-condition")) == 1
}

test_passrole_without_service_condition_passes_string_equals if {
	statement := pass_role({"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}})
	count(role_findings("user-initiated", [statement], "passrole-without-service-condition")) == 0
}

test_passrole_without_service_condition_passes_any_value_list if {
	statement := pass_role({"ForAnyValue:StringLike": {"IAM:PassedToService": ["ec2.amazonaws.com"]}})
	count(role_findings("user-initiated", [statement], "passrole-without-service-condition")) == 0
}

test_passrole_without_service_condition_ignores_deny if {
	statement := {"Sid": "NoPassRole", "Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"}
	count(role_findings("worker", [statement], "passrole-without-service-condition")) == 0
}
