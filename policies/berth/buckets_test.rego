package berth.rules.buckets_test

import data.berth.fixtures_test as fixtures
import data.berth.rules.buckets
import rego.v1

bucket_findings(input_document) := found if {
	all_findings := buckets.deny with input as input_document with data.berth.company as fixtures.company
	found := fixtures.of_rule(all_findings, "bucket-not-allowed")
}

worker_with_resources(resources) := fixtures.role_input(
	"worker",
	[fixtures.allow("ReadWriteData", ["s3:GetObject", "s3:PutObject"], resources)],
)

test_bucket_not_allowed_flags_configured_bucket if {
	found := bucket_findings({"buckets": [{"name": "acme-finance", "prefixes": []}]})
	found == {{
		"rule": "bucket-not-allowed",
		"severity": "error",
		"target": "bucket acme-finance",
		"message": "bucket acme-finance is not on the company's allow-list",
		"fix": "Use a bucket from allowedBuckets in policies/data/berth.json, or ask the policy owners to add this one.",
	}}
}

test_bucket_not_allowed_passes_listed_bucket if {
	count(bucket_findings({"buckets": [{"name": "acme-analytics-data", "prefixes": ["polars/"]}]})) == 0
}

test_bucket_not_allowed_passes_bucket_under_prefix_entry if {
	count(bucket_findings({"buckets": [{"name": "acme-scratch-team-a"}]})) == 0
}

test_bucket_not_allowed_flags_policy_arn if {
	found := bucket_findings(worker_with_resources(["arn:aws:s3:::acme-analytics-data/*", "arn:aws:s3:::acme-finance/*"]))
	{finding.message | some finding in found} == {
		"allows access to arn:aws:s3:::acme-finance/*, but bucket acme-finance is not on the company's allow-list",
	}
}

test_bucket_not_allowed_passes_object_arns_of_listed_bucket if {
	found := bucket_findings(worker_with_resources([
		"arn:aws:s3:::acme-analytics-data",
		"arn:aws:s3:::acme-analytics-data/polars/*",
	]))
	count(found) == 0
}

test_bucket_not_allowed_flags_pattern_wider_than_exact_entry if {
	found := bucket_findings(worker_with_resources("arn:aws:s3:::acme-analytics-*/*"))
	count(found) == 1
}

test_bucket_not_allowed_passes_pattern_inside_prefix_entry if {
	count(bucket_findings(worker_with_resources("arn:aws:s3:::acme-scratch-team-*/*"))) == 0
}

test_bucket_not_allowed_flags_pattern_wider_than_prefix_entry if {
	count(bucket_findings(worker_with_resources("arn:aws:s3:::acme-*/*"))) == 1
}

test_bucket_not_allowed_leaves_unscoped_arns_to_other_rule if {
	count(bucket_findings(worker_with_resources(["*", "arn:aws:s3:::*/*"]))) == 0
}

test_bucket_not_allowed_ignores_non_s3_arns if {
	statement := fixtures.allow("Terminate", "ec2:TerminateInstances", "arn:aws:ec2:eu-west-1:123456789012:instance/*")
	count(bucket_findings(fixtures.role_input("unattended", [statement]))) == 0
}
