package berth.rules.data_access_test

import data.berth.fixtures_test as fixtures
import data.berth.rules.data_access
import rego.v1

data_bucket := ["arn:aws:s3:::acme-analytics-data", "arn:aws:s3:::acme-analytics-data/*"]

data_access_findings(kind, actions) := found if {
	statements := [fixtures.allow("Data", actions, data_bucket)]
	all_findings := data_access.deny with input as fixtures.role_input(kind, statements)
		with data.berth.company as fixtures.company
	found := fixtures.of_rule(all_findings, "data-access-outside-worker")
}

test_data_access_outside_worker_flags_object_reads if {
	found := data_access_findings("user-initiated", ["s3:GetObject", "s3:GetObjectVersion"])
	{finding.message | some finding in found} == {
		"allows s3:GetObject, which reaches S3 objects, outside the Worker role",
		"allows s3:GetObjectVersion, which reaches S3 objects, outside the Worker role",
	}
}

test_data_access_outside_worker_flags_writes_and_deletes if {
	count(data_access_findings("unattended", ["s3:PutObject", "s3:DeleteObject"])) == 2
}

test_data_access_outside_worker_flags_wildcards if {
	found := data_access_findings("deployer", ["s3:*", "s3:Get*", "*"])
	{finding.target | some finding in found} == {"deployer role, statement Data"}
	count(found) == 3
}

test_data_access_outside_worker_passes_worker if {
	count(data_access_findings("worker", ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"])) == 0
}

test_data_access_outside_worker_passes_bucket_listing if {
	count(data_access_findings("unattended", ["s3:ListBucket", "s3:GetBucketLocation"])) == 0
}
