package io.berth.aws.internal;

import io.berth.aws.OperationRecorder;
import io.berth.aws.RecordedOperation;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records each call through the SDK as the IAM action it needs, with its outcome. */
final class RecordingInterceptor implements ExecutionInterceptor {

    // IAM prefixes that differ from the SDK's service names; S3 object and bucket
    // calls differ in operation names too.
    private static final Map<String, String> IAM_PREFIXES = Map.of("EC2", "ec2", "IAM", "iam", "STS", "sts", "S3", "s3");
    private static final Map<String, String> S3_ACTIONS = Map.of(
            "ListObjectsV2", "ListBucket",
            "ListObjects", "ListBucket",
            "HeadObject", "GetObject",
            "HeadBucket", "ListBucket",
            "CopyObject", "PutObject",
            "DeleteObjects", "DeleteObject",
            "ListObjectVersions", "ListBucketVersions");

    private final OperationRecorder recorder;

    RecordingInterceptor(OperationRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        recorder.record(new RecordedOperation(actionOf(attributes), true, null));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        String errorCode = context.exception() instanceof AwsServiceException serviceException
                && serviceException.awsErrorDetails() != null
                ? serviceException.awsErrorDetails().errorCode()
                : context.exception().getClass().getSimpleName();
        recorder.record(new RecordedOperation(actionOf(attributes), false, errorCode));
    }

    static String actionOf(ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return iamAction(service, operation);
    }

    static String iamAction(String service, String operation) {
        String prefix = IAM_PREFIXES.getOrDefault(service, service.toLowerCase(java.util.Locale.ROOT));
        if ("s3".equals(prefix)) {
            operation = S3_ACTIONS.getOrDefault(operation, operation);
        }
        return prefix + ":" + operation;
    }
}
