package io.berth.policy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documents generated for each example config, compared as JSON trees with the reviewed
 * golden files. After an intended change, rewrite the files with
 * {@code ./mvnw -B verify -pl bundles/policy -am -Dberth.golden.update=true} and review the diff.
 */
class GoldenDocumentsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "byon-proxy"})
    void exampleMatchesGoldenDocuments(String example) throws IOException {
        ObjectNode generated = PolicyDocuments.toJson(Examples.generate(Examples.load(example)));
        Path golden = GOLDEN.resolve(example + ".json");
        if (Boolean.getBoolean("berth.golden.update")) {
            Files.writeString(golden, PolicyDocuments.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generated) + "\n");
        }

        JsonNode expected = PolicyDocuments.JSON.readTree(golden.toFile());

        assertTrue(expected.equals(generated), () -> "documents for examples/" + example + ".yaml differ from "
                + golden + " at " + firstDifference("", expected, generated)
                + "; if the change is intended, regenerate with -Dberth.golden.update=true and review the diff");
    }

    /** Returns the JSON pointer of the first place where the trees differ, with both values there. */
    private static String firstDifference(String pointer, JsonNode expected, JsonNode actual) {
        if (expected.isContainerNode() && expected.getNodeType() == actual.getNodeType() && expected.size() == actual.size()) {
            Iterator<String> names = expected.isObject() ? expected.fieldNames() : null;
            for (int i = 0; i < expected.size(); i++) {
                String key = names != null ? names.next() : String.valueOf(i);
                JsonNode left = names != null ? expected.get(key) : expected.get(i);
                JsonNode right = names != null ? actual.path(key) : actual.get(i);
                if (!left.equals(right)) {
                    return firstDifference(pointer + "/" + key, left, right);
                }
            }
        }
        return (pointer.isEmpty() ? "/" : pointer) + ": expected " + expected + " but generated " + actual;
    }
}
