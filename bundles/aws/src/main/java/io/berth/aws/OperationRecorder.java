package io.berth.aws;

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

    private final Deque<RecordedOperation> operations = new ArrayDeque<>();
    private long dropped;

    public synchronized void record(RecordedOperation operation) {
        if (operations.size() == CAPACITY) {
            operations.removeFirst();
            dropped++;
        }
        operations.addLast(operation);
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
