package io.berth.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.berth.api.RuleEvaluationException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The builtin functions that a compiled Rego module may leave to its host, implemented the way
 * OPA 1.22 implements them. The default rules need none of them; company rules may call
 * {@code sprintf}. A module that needs any other one is rejected when it is loaded.
 */
final class HostBuiltins {

    private static final Logger LOG = LoggerFactory.getLogger(HostBuiltins.class);

    private static final List<String> NAMES = List.of("sprintf");

    private HostBuiltins() {
    }

    static boolean supports(String name) {
        return NAMES.contains(name);
    }

    static List<String> names() {
        return NAMES;
    }

    static JsonNode call(String name, List<JsonNode> operands) {
        if ("sprintf".equals(name) && operands.size() == 2) {
            return TextNode.valueOf(sprintf(operands.get(0), operands.get(1)));
        }
        throw new RuleEvaluationException("the builtin function " + name + " with " + operands.size()
                + " argument(s) is not implemented by Berth's embedded engine (it implements "
                + String.join(", ", NAMES) + ")", "rewrite the rule without it, or set rules.engine: opa in berth.yaml");
    }

    /** Receives {@code print()} output of the rules. */
    static void println(String source, String line) {
        LOG.info("print in {}: {}", source, line);
    }

    /**
     * Formats like OPA's {@code sprintf}, which is Go's {@code fmt.Sprintf}, for the verbs
     * {@code %s}, {@code %v}, {@code %d} and {@code %%}. Flags and widths are not supported and
     * raise an error rather than print something the OPA server would print differently.
     * A value of the wrong type for its verb prints as Go does, such as {@code %!d(string=x)}.
     */
    static String sprintf(JsonNode format, JsonNode values) {
        if (!format.isTextual() || !values.isArray()) {
            throw new RuleEvaluationException("sprintf: operand 1 must be a string and operand 2 an array, got "
                    + format.getNodeType().name().toLowerCase() + " and " + values.getNodeType().name().toLowerCase(),
                    "call sprintf(format, [values...])");
        }
        String text = format.asText();
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= text.length()) {
                out.append("%!(NOVERB)");
                break;
            }
            char verb = text.charAt(++i);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (next >= values.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            out.append(formatValue(verb, values.get(next++)));
        }
        if (next < values.size()) {
            out.append("%!(EXTRA ");
            for (int extra = next; extra < values.size(); extra++) {
                out.append(extra > next ? ", " : "").append(goTypeName(values.get(extra))).append('=')
                        .append(regoString(values.get(extra), false));
            }
            out.append(')');
        }
        return out.toString();
    }

    private static String formatValue(char verb, JsonNode value) {
        switch (verb) {
            case 's', 'v' -> {
                if (verb == 's' && value.isNumber()) {
                    return "%!s(" + goTypeName(value) + "=" + regoString(value, false) + ")";
                }
                return regoString(value, false);
            }
            case 'd' -> {
                if (value.isIntegralNumber() || (value.isNumber() && isWhole(value.decimalValue()))) {
                    return value.bigIntegerValue().toString();
                }
                return "%!d(" + goTypeName(value) + "=" + regoString(value, false) + ")";
            }
            default -> throw new RuleEvaluationException("sprintf: the verb %" + verb
                    + " is not supported by Berth's embedded engine (it supports %s, %v, %d and %%)",
                    "use %s, %v or %d, string interpolation $\"...\", or set rules.engine: opa in berth.yaml");
        }
    }

    /**
     * Prints a value as OPA does: a string operand is printed bare, and a string inside an
     * array or object is quoted.
     */
    private static String regoString(JsonNode value, boolean nested) {
        if (value.isTextual()) {
            return nested ? TextNode.valueOf(value.asText()).toString() : value.asText();
        }
        if (value.isNumber()) {
            return formatNumber(value);
        }
        if (value.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < value.size(); i++) {
                out.append(i > 0 ? ", " : "").append(regoString(value.get(i), true));
            }
            return out.append(']').toString();
        }
        if (value.isObject()) {
            StringBuilder out = new StringBuilder("{");
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); first = false) {
                Map.Entry<String, JsonNode> field = it.next();
                out.append(first ? "" : ", ").append(TextNode.valueOf(field.getKey())).append(": ")
                        .append(regoString(field.getValue(), true));
            }
            return out.append('}').toString();
        }
        return value.toString();
    }

    private static String formatNumber(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().toString();
        }
        BigDecimal decimal = number.decimalValue().stripTrailingZeros();
        return isWhole(decimal) ? decimal.toBigInteger().toString() : decimal.toPlainString();
    }

    private static boolean isWhole(BigDecimal decimal) {
        return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
    }

    /** Returns the Go type that OPA passes to fmt.Sprintf for a value, as Go's bad-verb output names it. */
    private static String goTypeName(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber() || (value.isNumber() && isWhole(value.decimalValue()))) {
            return "int64";
        }
        if (value.isNumber()) {
            return "float64";
        }
        // OPA passes every other value to Go as its Rego text, a string.
        return "string";
    }
}
