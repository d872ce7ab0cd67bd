# METADATA
# title: Acme rules for the parity test
package berth.rules.acme

import rego.v1

# METADATA
# title: No IPv6 ingress
# custom:
#   severity: warning
deny contains finding if {
	some group in input.securityGroups
	some rule in group.ingress
	rule.ipv6Cidr
	finding := {
		"rule": "acme-no-ipv6-ingress",
		"severity": "warning",
		"target": $"security group {group.name}",
		"message": $"allows inbound traffic from {rule.ipv6Cidr}",
		"fix": "Remove the IPv6 rule.",
	}
}
