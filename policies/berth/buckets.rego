# METADATA
# title: Bucket allow-list
# description: |
#   Workers may read and write only the buckets in data.berth.company.allowedBuckets.
#   An entry ending in "*" allows every bucket whose name starts with the part before it.
package berth.rules.buckets

import data.berth.lib
import rego.v1

# METADATA
# title: Bucket outside the allow-list
# description: |
#   Every bucket in the deployment's configuration, and every bucket named in
#   an S3 ARN of an Allow statement, must be on the company's allow-list.
# custom:
#   severity: error
deny contains finding if {
	some bucket in input.buckets
	not allowed_bucket(bucket.name)
	finding := {
		"rule": "bucket-not-allowed",
		"severity": "error",
		"target": $"bucket {bucket.name}",
		"message": $"bucket {bucket.name} is not on the company's allow-list",
		"fix": "Use a bucket from allowedBuckets in policies/data/berth.json, or ask the policy owners to add this one.",
	}
}

deny contains finding if {
	some entry in lib.allow_statements
	some resource in lib.element_values(entry.statement, "Resource")
	bucket := lib.s3_arn_bucket(resource)

	# Buckets starting with a wildcard are reported by s3-unscoped-resource.
	lib.literal_prefix(bucket) != ""
	not allowed_bucket(bucket)
	finding := {
		"rule": "bucket-not-allowed",
		"severity": "error",
		"target": entry.target,
		"message": $"allows access to {resource}, but bucket {bucket} is not on the company's allow-list",
		"fix": "Limit the statement's Resource to buckets from allowedBuckets in policies/data/berth.json.",
	}
}

# A bucket name, or a bucket pattern from an ARN, is allowed when it is an
# exact entry of the list, or when its literal part starts with the part of a
# "prefix*" entry before the "*".
allowed_bucket(bucket) if bucket in data.berth.company.allowedBuckets

allowed_bucket(bucket) if {
	some entry in data.berth.company.allowedBuckets
	endswith(entry, "*")
	startswith(lib.literal_prefix(bucket), trim_suffix(entry, "*"))
}
