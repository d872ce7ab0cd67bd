# METADATA
# title: Action scope
# description: Rules on which actions and S3 resources a role's permission policy allows.
package berth.rules.actions

import data.berth.lib
import rego.v1

# METADATA
# title: Wildcard actions
# description: |
#   An Allow statement must name each action. A "*" or "?" anywhere in an
#   action ("*", "ec2:*", "ec2:Describe*") also grants every action that AWS
#   adds later under a matching name.
# custom:
#   severity: error
deny contains finding if {
	some entry in lib.allow_statements
	some action in lib.element_values(entry.statement, "Action")
	lib.has_wildcard(action)
	finding := {
		"rule": "wildcard-actions",
		"severity": "error",
		"target": entry.target,
		"message": $"allows the wildcard action {action}",
		"fix": "List the actions the role calls, each by its full name.",
	}
}

# METADATA
# title: Allow with NotAction
# description: |
#   An Allow statement with NotAction grants every action except those listed,
#   including every action AWS adds later, so it is a wildcard in disguise.
# custom:
#   severity: error
deny contains finding if {
	some entry in lib.allow_statements
	entry.statement.NotAction
	finding := {
		"rule": "allow-with-not-action",
		"severity": "error",
		"target": entry.target,
		"message": "allows every action except those in NotAction",
		"fix": "Replace NotAction with an Action list of the actions the role calls.",
	}
}

# METADATA
# title: S3 access not scoped to buckets
# description: |
#   An Allow statement that grants S3 actions must name its buckets. Resource
#   "*" or an S3 ARN whose bucket part starts with a wildcard
#   ("arn:aws:s3:::*", "arn:aws:s3:::*/*") reaches every bucket the account
#   can see.
# custom:
#   severity: error
deny contains finding if {
	some entry in lib.allow_statements
	some action in lib.element_values(entry.statement, "Action")
	lib.may_match_prefix(lower(action), "s3:")
	some resource in lib.element_values(entry.statement, "Resource")
	unscoped_s3_resource(resource)
	finding := {
		"rule": "s3-unscoped-resource",
		"severity": "error",
		"target": entry.target,
		"message": $"allows {action} on {resource}, which is not limited to named buckets",
		"fix": "Set Resource to the ARNs of the configured buckets, for example arn:aws:s3:::BUCKET and arn:aws:s3:::BUCKET/*.",
	}
}

unscoped_s3_resource(resource) if lib.literal_prefix(resource) == ""

unscoped_s3_resource(resource) if lib.literal_prefix(lib.s3_arn_bucket(resource)) == ""
