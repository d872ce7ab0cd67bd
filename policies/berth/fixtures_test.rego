# METADATA
# title: Test fixtures
# description: Company settings and inputs shared by the rule tests.
package berth.fixtures_test

import rego.v1

company := {
	"allowedBuckets": ["acme-analytics-data", "acme-scratch-*"],
	"requiredTags": ["berth:deployment", "berth:managed"],
	"roleNamePrefix": "berth-",
	"requirePermissionBoundary": false,
	"permissionBoundaryArns": [],
	"disabledRules": [],
	"severity": {},
}

owned_tags := {"berth:deployment": "analytics", "berth:managed": "true"}

# Returns a role of the given kind, named and tagged as Berth names and tags
# it, whose permission policy has the given statements.
role(kind, statements) := {
	"kind": kind,
	"name": concat("", ["berth-analytics-", kind]),
	"path": "/berth/",
	"permissionBoundary": null,
	"tags": owned_tags,
	"trustPolicy": {
		"Version": "2012-10-17",
		"Statement": [{
			"Effect": "Allow",
			"Principal": {"Service": "ec2.amazonaws.com"},
			"Action": "sts:AssumeRole",
		}],
	},
	"policy": {"Version": "2012-10-17", "Statement": statements},
}

# Returns an input with one role of the given kind and the given statements.
role_input(kind, statements) := {"roles": [role(kind, statements)]}

allow(sid, actions, resources) := {"Sid": sid, "Effect": "Allow", "Action": actions, "Resource": resources}

# Returns the findings of one rule.
of_rule(findings, rule_id) := {finding | some finding in findings; finding.rule == rule_id}
