package io.berth.aws;

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

    private final List<RecordedOperation> operations = new ArrayList<>();

    public synchronized void record(RecordedOperation operation) {
        operations.add(operation);
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
