# METADATA
# title: Berth findings
# description: |
#   Collects the findings of every rule package under data.berth.rules into
#   one sorted array. A company adds rules by adding a package under
#   berth.rules that defines a deny set.
package berth

import rego.v1

# METADATA
# title: All findings, sorted
# description: |
#   The findings of all rule packages, with the company's disabled rules
#   removed and its severity overrides applied. The array is sorted by rule,
#   target and message, so that the OPA server and the compiled Wasm module
#   return the same order.
# entrypoint: true
findings := [finding | some sort_entry in sort_entries; finding := sort_entry[3]]

sort_entries := sort([[finding.rule, finding.target, finding.message, finding] | some finding in reported_findings])

reported_findings contains reported if {
	some package_name
	some finding in data.berth.rules[package_name].deny
	not finding.rule in disabled_rules
	reported := object.union(finding, {"severity": severity(finding)})
}

disabled_rules contains rule_id if {
	some rule_id in data.berth.company.disabledRules
}

severity(finding) := override if {
	override := data.berth.company.severity[finding.rule]
	override in {"error", "warning"}
} else := finding.severity
