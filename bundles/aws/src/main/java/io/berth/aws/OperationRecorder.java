package io.berth.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records the AWS calls made through Berth's clients, so that tests can compare what a
 * service called with what its policy grants, and count create calls.
 *
 * <p>It keeps the latest {@value #CAPACITY} calls and drops older ones, so that a server
 * running for months does not grow without bound. Tests clear it before the calls they check.
 */
public final class OperationRecorder {

    /** How many calls are kept. */
    public static final int CAPACITY = 10_000;

    /**
     * Environment variable naming a file to which every call is appended as one JSON line, so
     * that a reviewer or a test can see exactly which AWS actions a command used.
     */
    public static final String CALL_LOG_VARIABLE = "BERTH_CALL_LOG";

    private final Deque<RecordedOperation> operations = new ArrayDeque<>();
    private final Path callLog;
    private long dropped;

    public OperationRecorder() {
        this(callLogFromEnvironment());
    }

    /** Creates a recorder that also appends every call to the given file, unless it is null. */
    public OperationRecorder(Path callLog) {
        this.callLog = callLog;
    }

    public synchronized void record(RecordedOperation operation) {
        if (operations.size() == CAPACITY) {
            operations.removeFirst();
            dropped++;
        }
        operations.addLast(operation);
        if (callLog != null) {
            appendToCallLog(operation);
        }
    }

    /** Writes one line per IAM action the call needed, so that S3 copies count as both actions. */
    private void appendToCallLog(RecordedOperation operation) {
        StringBuilder lines = new StringBuilder();
        for (String action : operation.actions()) {
            lines.append("{\"operation\":\"").append(operation.operation())
                    .append("\",\"action\":\"").append(action)
                    .append("\",\"succeeded\":").append(operation.succeeded());
            if (operation.errorCode() != null) {
                lines.append(",\"errorCode\":\"").append(operation.errorCode().replace("\"", "'")).append('"');
            }
            lines.append("}\n");
        }
        try {
            Files.writeString(callLog, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to the call log " + callLog + " named by " + CALL_LOG_VARIABLE, e);
        }
    }

    private static Path callLogFromEnvironment() {
        String value = System.getenv(CALL_LOG_VARIABLE);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /** Returns the kept calls, oldest first. */
    public synchronized List<RecordedOperation> operations() {
        return List.copyOf(operations);
    }

    /** Returns the distinct IAM actions the kept calls needed, sorted. */
    public synchronized Set<String> actions() {
        Set<String> actions = new TreeSet<>();
        operations.forEach(operation -> actions.addAll(operation.actions()));
        return actions;
    }

    /** Counts the kept calls whose operation starts with the prefix, such as {@code ec2:Create}. */
    public synchronized long count(String operationPrefix) {
        return operations.stream().filter(operation -> operation.operation().startsWith(operationPrefix)).count();
    }

    /** Returns how many calls were dropped because more than {@value #CAPACITY} were recorded. */
    public synchronized long dropped() {
        return dropped;
    }

    public synchronized void clear() {
        operations.clear();
        dropped = 0;
    }
}
