package berth

import rego.v1

# Calls sprintf, which the compiled module leaves to the host.
findings := [{
	"rule": "sprintf-check",
	"severity": "warning",
	"target": sprintf("security group %s", [input.group]),
	"message": sprintf("allows port %d from %v; %s %v %v %d%%", [input.port, input.cidrs, input.port, input.flag, input.ratio, input.ratio]),
	"fix": sprintf("%d %s", [input.group]),
}]
