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

    /** Error codes with which AWS, and moto, reject a call that the credentials may not make. */
    static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "AuthFailure", "InvalidClientTokenId");

    /**
     * The distinct IAM actions that were authorized: calls that succeeded, and calls that failed
     * for another reason than permissions, such as a look-up that returned NoSuchEntity.
     */
    Set<String> authorizedActions() {
        Set<String> actions = new TreeSet<>();
        calls.stream().filter(call -> !isDenied(call)).forEach(call -> actions.add(call.get("action").asText()));
        return actions;
    }

    /** Lists the calls rejected for lack of permission, as "action errorCode". */
    List<String> deniedCalls() {
        return calls.stream().filter(CallLog::isDenied)
                .map(call -> call.get("action").asText() + " " + call.path("errorCode").asText())
                .toList();
    }

    private static boolean isDenied(JsonNode call) {
        return !call.get("succeeded").asBoolean() && DENIED.contains(call.path("errorCode").asText());
    }

    /** Calls that create something: Create*, Run*, Authorize*, Put*, Add*, Attach*, Associate*. */
    List<String> createCalls() {
        return calls.stream().map(call -> call.get("action").asText())
                .filter(action -> action.matches("[a-z0-9]+:(Create|Run|Authorize|Put|Add|Attach|Associate|Modify|Update).*"))
                .toList();
    }
}
