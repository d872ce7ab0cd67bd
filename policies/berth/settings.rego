# METADATA
# title: Company settings
# description: |
#   Makes a missing or broken settings document fail closed: without it the
#   other rules would find nothing and let every plan pass.
package berth.rules.settings

import rego.v1

# METADATA
# title: Company settings missing
# description: data.berth.company must be an object, loaded from policies/data/berth.json.
# custom:
#   severity: error
deny contains finding if {
	not settings_loaded
	finding := {
		"rule": "company-settings-missing",
		"severity": "error",
		"target": "data.berth.company",
		"message": "the company settings are not loaded, so the other rules cannot be checked",
		"fix": "Load policies/data/berth.json beside the rules, or rebuild the bundle with policies/build.sh.",
	}
}

# A helper rule, because "not is_object(data.berth.company)" is undefined, not
# true, when data.berth.company does not exist at all (checked with OPA 1.22.4).
settings_loaded if is_object(data.berth.company)

# METADATA
# title: Invalid severity override
# description: |
#   Values in data.berth.company.severity must be "error" or "warning".
#   Other values are ignored and reported.
# custom:
#   severity: error
deny contains finding if {
	some rule_id, severity in data.berth.company.severity
	not severity in {"error", "warning"}
	finding := {
		"rule": "company-settings-invalid",
		"severity": "error",
		"target": $"data.berth.company.severity[\"{rule_id}\"]",
		"message": $"severity {severity} is not error or warning",
		"fix": "Set the severity to error or warning in policies/data/berth.json.",
	}
}
