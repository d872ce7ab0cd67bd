package berth.rules.acme_test

import rego.v1

test_ipv6_ingress_is_reported if {
	findings := data.berth.rules.acme.deny with input as {"securityGroups": [{"name": "g", "ingress": [{"ipv6Cidr": "::/0"}]}]}
	count(findings) == 1
}

test_ipv4_ingress_passes if {
	findings := data.berth.rules.acme.deny with input as {"securityGroups": [{"name": "g", "ingress": [{"cidr": "10.0.0.0/8"}]}]}
	count(findings) == 0
}
