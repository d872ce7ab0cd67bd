package berth.rules.roles_test

import data.berth.fixtures_test as fixtures
import data.berth.rules.roles
import rego.v1

boundary := "arn:aws:iam::123456789012:policy/company-boundary"

role_findings(role_list, company_overrides, rule_id) := found if {
	company := object.union(fixtures.company, company_overrides)
	all_findings := roles.deny with input as {"roles": role_list} with data.berth.company as company
	found := fixtures.of_rule(all_findings, rule_id)
}

with_boundary(kind, arn) := object.union(fixtures.role(kind, []), {"permissionBoundary": arn})

named(kind, name) := object.union(fixtures.role(kind, []), {"name": name})

test_missing_permission_boundary_flags_role_without_one if {
	found := role_findings([fixtures.role("worker", [])], {"requirePermissionBoundary": true}, "missing-permission-boundary")
	found == {{
		"rule": "missing-permission-boundary",
		"severity": "error",
		"target": "worker role berth-analytics-worker",
		"message": "has no permission boundary, but the company requires one on every role",
		"fix": "Set roles.permissionBoundary in berth.yaml to the ARN of the company's boundary policy.",
	}}
}

test_missing_permission_boundary_flags_empty_string if {
	found := role_findings([with_boundary("worker", "")], {"requirePermissionBoundary": true}, "missing-permission-boundary")
	count(found) == 1
}

test_missing_permission_boundary_passes_role_with_one if {
	found := role_findings([with_boundary("worker", boundary)], {"requirePermissionBoundary": true}, "missing-permission-boundary")
	count(found) == 0
}

test_missing_permission_boundary_passes_when_not_required if {
	count(role_findings([fixtures.role("worker", [])], {}, "missing-permission-boundary")) == 0
}

test_missing_permission_boundary_ignores_deployer if {
	found := role_findings([fixtures.role("deployer", [])], {"requirePermissionBoundary": true}, "missing-permission-boundary")
	count(found) == 0
}

test_permission_boundary_not_allowed_flags_other_policy if {
	other := "arn:aws:iam::123456789012:policy/other"
	found := role_findings([with_boundary("unattended", other)], {"permissionBoundaryArns": [boundary]}, "permission-boundary-not-allowed")
	{finding.message | some finding in found} == {
		"has the permission boundary arn:aws:iam::123456789012:policy/other, which is not one of the company's boundary policies",
	}
}

test_permission_boundary_not_allowed_passes_listed_policy if {
	found := role_findings([with_boundary("unattended", boundary)], {"permissionBoundaryArns": [boundary]}, "permission-boundary-not-allowed")
	count(found) == 0
}

test_permission_boundary_not_allowed_passes_empty_list if {
	other := "arn:aws:iam::123456789012:policy/other"
	count(role_findings([with_boundary("unattended", other)], {}, "permission-boundary-not-allowed")) == 0
}

test_role_name_prefix_flags_other_name if {
	found := role_findings([named("user-initiated", "analytics-user-initiated")], {}, "role-name-prefix")
	found == {{
		"rule": "role-name-prefix",
		"severity": "warning",
		"target": "user-initiated role analytics-user-initiated",
		"message": "name does not start with the company prefix berth-",
		"fix": "Set roles.namePrefix in berth.yaml to berth-.",
	}}
}

test_role_name_prefix_passes_prefixed_name if {
	count(role_findings([fixtures.role("user-initiated", [])], {}, "role-name-prefix")) == 0
}

test_role_name_prefix_ignores_deployer if {
	count(role_findings([named("deployer", "ci-deployer")], {}, "role-name-prefix")) == 0
}

test_role_name_prefix_passes_any_name_without_prefix_setting if {
	count(role_findings([named("worker", "analytics-worker")], {"roleNamePrefix": ""}, "role-name-prefix")) == 0
}
