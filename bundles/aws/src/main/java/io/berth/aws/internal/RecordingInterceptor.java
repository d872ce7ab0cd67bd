package io.berth.aws.internal;

import io.berth.aws.OperationRecorder;
import io.berth.aws.RecordedOperation;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records each call through the SDK, once and after its retries, with the IAM actions it needs and its outcome. */
final class RecordingInterceptor implements ExecutionInterceptor {

    private final OperationRecorder recorder;

    RecordingInterceptor(OperationRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        recorder.record(recorded(attributes, context.request(), true, null));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable exception = context.exception();
        String errorCode = exception instanceof AwsServiceException service
                && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null
                ? service.awsErrorDetails().errorCode()
                : exception.getClass().getSimpleName();
        recorder.record(recorded(attributes, context.request(), false, errorCode));
    }

    static RecordedOperation recorded(ExecutionAttributes attributes, SdkRequest request, boolean succeeded,
            String errorCode) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return new RecordedOperation(IamActions.prefix(service) + ":" + operation,
                IamActions.of(service, operation, request), succeeded, errorCode);
    }
}
