package io.berth.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Records the AWS calls made through Berth's clients, so that tests can compare what a
 * service called with what its policy grants, and count create calls.
 */
public final class OperationRecorder {

    /**
     * Environment variable naming a file to which every call is appended as one JSON line, so
     * that a reviewer or a test can see exactly which AWS actions a command used.
     */
    public static final String CALL_LOG_VARIABLE = "BERTH_CALL_LOG";

    private final List<RecordedOperation> operations = new ArrayList<>();
    private final Path callLog;

    public OperationRecorder() {
        this(callLogFromEnvironment());
    }

    public OperationRecorder(Path callLog) {
        this.callLog = callLog;
    }

    public synchronized void record(RecordedOperation operation) {
        operations.add(operation);
        if (callLog != null) {
            appendToCallLog(operation);
        }
    }

    private void appendToCallLog(RecordedOperation operation) {
        String line = "{\"action\":\"" + operation.action() + "\",\"succeeded\":" + operation.succeeded()
                + (operation.errorCode() == null ? "" : ",\"errorCode\":\"" + operation.errorCode().replace("\"", "'") + "\"")
                + "}\n";
        try {
            Files.writeString(callLog, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to the call log " + callLog + " named by " + CALL_LOG_VARIABLE, e);
        }
    }

    private static Path callLogFromEnvironment() {
        String value = System.getenv(CALL_LOG_VARIABLE);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    public synchronized List<RecordedOperation> operations() {
        return List.copyOf(operations);
    }

    /** The distinct IAM actions called, sorted. */
    public synchronized Set<String> actions() {
        return operations.stream()
                .map(RecordedOperation::action)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** How many calls matched the given IAM action prefix, such as {@code ec2:Create}. */
    public synchronized long count(String actionPrefix) {
        return operations.stream().filter(operation -> operation.action().startsWith(actionPrefix)).count();
    }

    public synchronized void clear() {
        operations.clear();
    }
}
