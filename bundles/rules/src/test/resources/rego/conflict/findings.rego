package berth

import rego.v1

# Two definitions of a complete rule that disagree when both apply: an evaluation error.
findings := [] if input.first

findings := [{"rule": "second"}] if input.second
