# METADATA
# title: IAM document helpers
# description: |
#   Reads IAM policy documents the way AWS does: Statement may be one object or
#   a list, Action and Resource may be a string or a list, and action names
#   are case-insensitive.
package berth.lib

import rego.v1

# Kinds of the roles that Berth creates and assumes at run time. The deployer
# kind is missing because the platform team attaches that policy to whoever
# runs setup, so Berth neither names nor tags that principal.
runtime_role_kinds := {"user-initiated", "unattended", "worker"}

created_roles contains role if {
	some role in input.roles
	role.kind in runtime_role_kinds
}

statements(document) := document.Statement if is_array(document.Statement)

statements(document) := [document.Statement] if is_object(document.Statement)

# Returns a statement element that may be a string or a list as a list.
element_values(statement, element) := statement[element] if is_array(statement[element])

element_values(statement, element) := [statement[element]] if is_string(statement[element])

# Allow statements of every role's permission policy, each with the role and
# a target string naming the role kind and the statement. Trust policies are
# not included.
allow_statements contains entry if {
	some role in input.roles
	some index, statement in statements(role.policy)
	statement.Effect == "Allow"
	entry := {
		"role": role,
		"statement": statement,
		"target": $"{role.kind} role, statement {statement_name(statement, index)}",
	}
}

# Returns the Sid, or the statement's position counted from 1 when it has no Sid.
statement_name(statement, index) := statement.Sid if {
	is_string(statement.Sid)
	statement.Sid != ""
} else := $"#{index + 1}"

has_wildcard(pattern) if contains(pattern, "*")

has_wildcard(pattern) if contains(pattern, "?")

# Returns the part of a pattern before its first wildcard.
literal_prefix(pattern) := split(split(pattern, "*")[0], "?")[0]

# Reports whether an action pattern in lower case can match an action that
# starts with prefix. Patterns with a wildcard are compared by their literal
# part only, so "iam:*policy" counts as matching "iam:create". The check
# errs towards a finding.
may_match_prefix(pattern, prefix) if startswith(pattern, prefix)

may_match_prefix(pattern, prefix) if {
	has_wildcard(pattern)
	startswith(prefix, literal_prefix(pattern))
}

# Reports whether an action pattern in lower case matches the action in lower case.
matches_action(pattern, action) if glob.match(pattern, [], action)

# Returns the bucket part of an S3 bucket or object ARN, for example
# "acme-data" for "arn:aws:s3:::acme-data/logs/*". Access point ARNs, which
# carry a region and an account, have no bucket part.
s3_arn_bucket(resource) := bucket if {
	parts := split(resource, ":")
	count(parts) >= 6
	parts[0] == "arn"
	parts[2] == "s3"
	parts[3] == ""
	parts[4] == ""
	path := concat(":", array.slice(parts, 5, count(parts)))
	bucket := split(path, "/")[0]
}
