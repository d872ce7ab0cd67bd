# METADATA
# title: Privilege escalation
# description: |
#   Rules against runtime roles changing IAM, and against passing roles to
#   any service.
package berth.rules.privilege

import data.berth.lib
import rego.v1

# Lower-case starts of the IAM actions that change IAM. iam:PassRole is
# covered by passrole-without-service-condition instead.
iam_write_prefixes := {
	"iam:create", "iam:put", "iam:attach", "iam:update", "iam:delete", "iam:detach",
	"iam:add", "iam:remove", "iam:tag", "iam:untag", "iam:set",
}

# METADATA
# title: IAM write actions in a runtime role
# description: |
#   The roles Berth assumes at run time (UserInitiated, Unattended, Worker)
#   must not change IAM: a role that can create or attach policies can grant
#   itself anything.
# custom:
#   severity: error
deny contains finding if {
	some entry in lib.allow_statements
	entry.role.kind in lib.runtime_role_kinds
	some action in lib.element_values(entry.statement, "Action")
	some prefix in iam_write_prefixes
	lib.may_match_prefix(lower(action), prefix)
	finding := {
		"rule": "iam-write-in-runtime-role",
		"severity": "error",
		"target": entry.target,
		"message": $"allows {action}, which can change IAM",
		"fix": "Remove the IAM write action. Only the deployer policy may change IAM.",
	}
}

# METADATA
# title: PassRole without iam:PassedToService
# description: |
#   An Allow statement that grants iam:PassRole must restrict with an
#   iam:PassedToService condition which services may receive the role.
#   Without it the role can be handed to any service that runs code.
# custom:
#   severity: error
deny contains finding if {
	some entry in lib.allow_statements
	some action in lib.element_values(entry.statement, "Action")
	lib.matches_action(lower(action), "iam:passrole")
	not restricts_passed_to_service(entry.statement)
	finding := {
		"rule": "passrole-without-service-condition",
		"severity": "error",
		"target": entry.target,
		"message": $"allows {action} without an iam:PassedToService condition",
		"fix": "Add a condition such as {\"StringEquals\": {\"iam:PassedToService\": \"ec2.amazonaws.com\"}}.",
	}
}

# A condition restricts the receiving service when a positive string operator
# (StringEquals, StringLike and their IgnoreCase, IfExists and ForAnyValue
# forms) names iam:PassedToService with values that are not all "*".
restricts_passed_to_service(statement) if {
	some operator, keys in statement.Condition
	positive_string_operator(operator)
	some key, values in keys
	lower(key) == "iam:passedtoservice"
	some value in condition_values(values)
	value != "*"
}

positive_string_operator(operator) if {
	name := trim_prefix(trim_prefix(lower(operator), "foranyvalue:"), "forallvalues:")
	some accepted in ["stringequals", "stringlike"]
	startswith(name, accepted)
}

condition_values(values) := values if is_array(values)

condition_values(values) := [values] if is_string(values)
