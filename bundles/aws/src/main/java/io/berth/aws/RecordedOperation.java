package io.berth.aws;

import java.util.List;

/**
 * One AWS call, by its SDK operation and by the IAM actions it needs.
 *
 * @param operation the call as {@code service:Operation}, such as {@code s3:ListObjectsV2}
 * @param actions   the IAM actions the call needs, such as {@code s3:ListBucket}; one for nearly
 *                  every call, two for S3 copies ({@code s3:PutObject} and {@code s3:GetObject})
 * @param succeeded whether the call returned without an error
 * @param errorCode the AWS error code when it failed, such as {@code AccessDenied}, or the
 *                  simple name of the SDK's exception when no response came back
 */
public record RecordedOperation(String operation, List<String> actions, boolean succeeded, String errorCode) {

    public RecordedOperation {
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("a recorded operation needs at least one IAM action: " + operation);
        }
    }

    /** Creates a call whose operation name is its only IAM action, as for EC2, IAM and STS. */
    public RecordedOperation(String action, boolean succeeded, String errorCode) {
        this(action, List.of(action), succeeded, errorCode);
    }

    /** Returns the first IAM action the call needs, which for EC2, IAM and STS is the only one. */
    public String action() {
        return actions.get(0);
    }
}
