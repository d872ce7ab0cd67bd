package io.berth.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The AWS calls a Berth process made, read from the file named by BERTH_CALL_LOG. */
record CallLog(List<JsonNode> calls) {

    static final String VARIABLE = "BERTH_CALL_LOG";

    static CallLog read(Path file) throws IOException {
        List<JsonNode> calls = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    calls.add(BerthProcess.JSON.readTree(line));
                }
            }
        }
        return new CallLog(calls);
    }

    /** The distinct IAM actions of the calls that succeeded. */
    Set<String> succeededActions() {
        Set<String> actions = new TreeSet<>();
        calls.stream().filter(call -> call.get("succeeded").asBoolean()).forEach(call -> actions.add(call.get("action").asText()));
        return actions;
    }

    List<String> failures() {
        return calls.stream().filter(call -> !call.get("succeeded").asBoolean())
                .map(call -> call.get("action").asText() + " " + call.path("errorCode").asText())
                .toList();
    }

    /** Calls that create something: Create*, Run*, Authorize*, Put*, Add*, Attach*, Associate*. */
    List<String> createCalls() {
        return calls.stream().map(call -> call.get("action").asText())
                .filter(action -> action.matches("[a-z0-9]+:(Create|Run|Authorize|Put|Add|Attach|Associate|Modify|Update).*"))
                .toList();
    }
}
