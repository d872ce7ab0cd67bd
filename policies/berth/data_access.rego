# METADATA
# title: Data access
# description: Only the Worker role may read or write objects in S3.
package berth.rules.data_access

import data.berth.lib
import rego.v1

# Lower-case starts of the S3 actions that read, write or delete objects.
object_action_prefixes := {"s3:getobject", "s3:putobject", "s3:deleteobject"}

# METADATA
# title: Data access outside the Worker role
# description: |
#   Reading, writing or deleting S3 objects (s3:GetObject*, s3:PutObject*,
#   s3:DeleteObject*, or a wildcard such as s3:* that covers them) is allowed
#   only in the Worker role, which runs the customer's jobs.
# custom:
#   severity: error
deny contains finding if {
	some entry in lib.allow_statements
	entry.role.kind != "worker"
	some action in lib.element_values(entry.statement, "Action")
	some prefix in object_action_prefixes
	lib.may_match_prefix(lower(action), prefix)
	finding := {
		"rule": "data-access-outside-worker",
		"severity": "error",
		"target": entry.target,
		"message": $"allows {action}, which reaches S3 objects, outside the Worker role",
		"fix": "Grant S3 object access only in the Worker role.",
	}
}
