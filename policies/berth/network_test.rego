package berth.rules.network_test

import data.berth.fixtures_test as fixtures
import data.berth.rules.network
import rego.v1

network_findings(input_document, rule_id) := found if {
	all_findings := network.deny with input as input_document with data.berth.company as fixtures.company
	found := fixtures.of_rule(all_findings, rule_id)
}

security_group(ingress, egress) := {"securityGroups": [{
	"name": "berth-analytics-direct",
	"purpose": "direct",
	"tags": fixtures.owned_tags,
	"ingress": ingress,
	"egress": egress,
}]}

https_from(field, cidr) := {"protocol": "tcp", "fromPort": 443, "toPort": 443, field: cidr}

subnets(mode, map_public_ip) := {
	"deployment": {"name": "analytics", "mode": mode},
	"network": {"kind": "managed", "subnets": [
		{"cidr": "10.42.0.0/20", "availabilityZone": "eu-west-1a", "mapPublicIpOnLaunch": map_public_ip},
		{"cidr": "10.42.16.0/20", "availabilityZone": "eu-west-1b", "mapPublicIpOnLaunch": false},
	]},
}

test_public_ingress_flags_ipv4_anywhere if {
	found := network_findings(security_group([https_from("cidr", "0.0.0.0/0")], []), "public-ingress")
	found == {{
		"rule": "public-ingress",
		"severity": "error",
		"target": "security group berth-analytics-direct",
		"message": "allows inbound tcp on port 443 from 0.0.0.0/0",
		"fix": "List the client networks in ingress.cidrs of berth.yaml, or use proxy mode.",
	}}
}

test_public_ingress_flags_ipv6_anywhere if {
	found := network_findings(security_group([https_from("ipv6Cidr", "::/0")], []), "public-ingress")
	{finding.message | some finding in found} == {"allows inbound tcp on port 443 from ::/0"}
}

test_public_ingress_describes_port_ranges_and_all_traffic if {
	ingress := [
		{"protocol": "tcp", "fromPort": 8000, "toPort": 8100, "cidr": "0.0.0.0/0"},
		{"protocol": "-1", "fromPort": -1, "toPort": -1, "cidr": "0.0.0.0/0"},
	]
	found := network_findings(security_group(ingress, []), "public-ingress")
	{finding.message | some finding in found} == {
		"allows inbound tcp on ports 8000-8100 from 0.0.0.0/0",
		"allows inbound traffic on all protocols and ports from 0.0.0.0/0",
	}
}

test_public_ingress_passes_client_cidrs_and_source_groups if {
	ingress := [
		https_from("cidr", "203.0.113.0/24"),
		https_from("ipv6Cidr", "2001:db8::/32"),
		{"protocol": "-1", "fromPort": -1, "toPort": -1, "sourceGroup": "berth-analytics-direct"},
	]
	count(network_findings(security_group(ingress, []), "public-ingress")) == 0
}

test_public_ingress_ignores_open_egress if {
	egress := [{"protocol": "-1", "fromPort": -1, "toPort": -1, "cidr": "0.0.0.0/0"}]
	count(network_findings(security_group([], egress), "public-ingress")) == 0
}

test_public_ip_in_proxy_mode_flags_public_subnet if {
	found := network_findings(subnets("proxy", true), "public-ip-in-proxy-mode")
	{finding.target | some finding in found} == {"subnet 10.42.0.0/20 in eu-west-1a"}
}

test_public_ip_in_proxy_mode_passes_direct_mode if {
	count(network_findings(subnets("direct", true), "public-ip-in-proxy-mode")) == 0
}

test_public_ip_in_proxy_mode_passes_private_subnets if {
	count(network_findings(subnets("proxy", false), "public-ip-in-proxy-mode")) == 0
}
