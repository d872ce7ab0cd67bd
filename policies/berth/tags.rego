# METADATA
# title: Required tags
# description: |
#   Tags are how Berth finds what it owns: apply, destroy and the reaper act
#   only on resources that carry them.
package berth.rules.tags

import data.berth.lib
import rego.v1

# METADATA
# title: Missing required tags
# description: |
#   Every role Berth creates, every security group and every entry of
#   input.resources must carry each tag key in data.berth.company.requiredTags.
# custom:
#   severity: error
deny contains finding if {
	some tagged in tagged_resources
	missing := {key | some key in data.berth.company.requiredTags; not has_tag(tagged.tags, key)}
	count(missing) > 0
	finding := {
		"rule": "missing-required-tags",
		"severity": "error",
		"target": tagged.target,
		"message": $"is missing the required tags {concat(", ", sort(missing))}",
		"fix": "Add the missing keys to tags in berth.yaml. A missing berth:deployment or berth:managed tag is a fault of the bundle that plans the resource.",
	}
}

tagged_resources contains {"target": $"{role.kind} role {role.name}", "tags": object.get(role, "tags", {})} if {
	some role in lib.created_roles
}

tagged_resources contains {"target": $"security group {group.name}", "tags": object.get(group, "tags", {})} if {
	some group in input.securityGroups
}

tagged_resources contains {"target": $"{resource.type} {resource.name}", "tags": object.get(resource, "tags", {})} if {
	some resource in input.resources
}

has_tag(tags, key) if is_string(tags[key])
