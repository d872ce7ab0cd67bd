# METADATA
# title: Network exposure
# description: Rules on what the internet can reach.
package berth.rules.network

import rego.v1

# METADATA
# title: Ingress from anywhere
# description: |
#   No security group may accept inbound traffic from every address. Any CIDR
#   with prefix length 0 ("0.0.0.0/0", "::/0") covers the whole internet.
# custom:
#   severity: error
deny contains finding if {
	some group in input.securityGroups
	some rule in group.ingress
	some field in ["cidr", "ipv6Cidr"]
	endswith(rule[field], "/0")
	finding := {
		"rule": "public-ingress",
		"severity": "error",
		"target": $"security group {group.name}",
		"message": $"allows inbound {traffic(rule)} from {rule[field]}",
		"fix": "List the client networks in ingress.cidrs of berth.yaml, or use proxy mode.",
	}
}

# METADATA
# title: Public IP addresses in proxy mode
# description: |
#   In proxy mode clients reach the cluster only through the proxy, so no
#   subnet may give instances a public IP address at launch.
# custom:
#   severity: error
deny contains finding if {
	input.deployment.mode == "proxy"
	some subnet in input.network.subnets
	subnet.mapPublicIpOnLaunch == true
	finding := {
		"rule": "public-ip-in-proxy-mode",
		"severity": "error",
		"target": $"subnet {subnet.cidr} in {subnet.availabilityZone}",
		"message": "assigns public IP addresses at launch although the deployment runs in proxy mode",
		"fix": "Turn off MapPublicIpOnLaunch on the subnet, or pick subnets without it for a BYON network.",
	}
}

# Describes the protocol and ports of a security group rule. Protocol "-1"
# means all traffic, as in the EC2 API. Ports go through format_int so that
# 443, 443.0 and 4.43e2 read the same in the OPA server and the Wasm module.
traffic(rule) := "traffic on all protocols and ports" if {
	rule.protocol in {"-1", "all"}
} else := $"{rule.protocol} on port {format_int(rule.fromPort, 10)}" if {
	rule.fromPort == rule.toPort
} else := $"{rule.protocol} on ports {format_int(rule.fromPort, 10)}-{format_int(rule.toPort, 10)}"
