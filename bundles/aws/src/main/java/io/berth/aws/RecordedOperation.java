package io.berth.aws;

/**
 * One AWS call as IAM sees it.
 *
 * @param action    the IAM action, such as {@code ec2:CreateVpc} or {@code s3:GetObject}
 * @param succeeded whether the call returned without an error
 * @param errorCode the AWS error code when it failed, such as {@code UnauthorizedOperation}
 */
public record RecordedOperation(String action, boolean succeeded, String errorCode) {
}
