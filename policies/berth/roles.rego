# METADATA
# title: Role properties
# description: |
#   Company rules on the names and permission boundaries of the roles Berth
#   creates: UserInitiated, Unattended and Worker.
package berth.rules.roles

import data.berth.lib
import rego.v1

# METADATA
# title: Missing permission boundary
# description: |
#   When data.berth.company.requirePermissionBoundary is true, every role that
#   Berth creates must carry a permission boundary.
# custom:
#   severity: error
deny contains finding if {
	data.berth.company.requirePermissionBoundary == true
	some role in lib.created_roles
	not has_permission_boundary(role)
	finding := {
		"rule": "missing-permission-boundary",
		"severity": "error",
		"target": $"{role.kind} role {role.name}",
		"message": "has no permission boundary, but the company requires one on every role",
		"fix": "Set roles.permissionBoundary in berth.yaml to the ARN of the company's boundary policy.",
	}
}

# METADATA
# title: Permission boundary not allowed
# description: |
#   When data.berth.company.permissionBoundaryArns is not empty, a role's
#   permission boundary must be one of those policies.
# custom:
#   severity: error
deny contains finding if {
	count(data.berth.company.permissionBoundaryArns) > 0
	some role in lib.created_roles
	has_permission_boundary(role)
	not role.permissionBoundary in data.berth.company.permissionBoundaryArns
	finding := {
		"rule": "permission-boundary-not-allowed",
		"severity": "error",
		"target": $"{role.kind} role {role.name}",
		"message": $"has the permission boundary {role.permissionBoundary}, which is not one of the company's boundary policies",
		"fix": "Set roles.permissionBoundary in berth.yaml to an ARN from permissionBoundaryArns in policies/data/berth.json.",
	}
}

# METADATA
# title: Role name outside the company prefix
# description: |
#   Every role Berth creates must have a name that starts with
#   data.berth.company.roleNamePrefix, so that account-wide guardrails can
#   match Berth's roles by name.
# custom:
#   severity: warning
deny contains finding if {
	prefix := data.berth.company.roleNamePrefix
	prefix != ""
	some role in lib.created_roles
	not startswith(role.name, prefix)
	finding := {
		"rule": "role-name-prefix",
		"severity": "warning",
		"target": $"{role.kind} role {role.name}",
		"message": $"name does not start with the company prefix {prefix}",
		"fix": $"Set roles.namePrefix in berth.yaml to {prefix}.",
	}
}

has_permission_boundary(role) if {
	is_string(role.permissionBoundary)
	role.permissionBoundary != ""
}
