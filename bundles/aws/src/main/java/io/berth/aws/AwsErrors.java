package io.berth.aws;

import io.berth.api.BerthException;
import io.berth.api.CloudException;
import io.berth.api.InvalidConfigException;
import io.berth.aws.internal.Endpoints;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions into Berth's errors, each with what failed and what would fix it.
 * Every bundle that calls AWS goes through here, so that the CLI prints the same message and
 * exit code for the same failure: {@link InvalidConfigException} (exit 2) for missing
 * credentials, {@link CloudException} (exit 3) for everything AWS or the network returned.
 */
public final class AwsErrors {

    private static final Set<String> DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "Client.UnauthorizedOperation",
            "UnauthorizedAccess", "AllAccessDisabled");
    private static final Set<String> CREDENTIALS_REJECTED = Set.of(
            "InvalidClientTokenId", "AuthFailure", "InvalidAccessKeyId", "SignatureDoesNotMatch",
            "UnrecognizedClientException", "IncompleteSignature", "InvalidToken", "ExpiredToken",
            "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired");
    private static final Set<String> THROTTLED = Set.of(
            "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled",
            "RequestThrottledException", "RequestLimitExceeded", "TooManyRequestsException", "SlowDown",
            "EC2ThrottledException", "PriorRequestNotComplete", "BandwidthLimitExceeded");

    private AwsErrors() {
    }

    /**
     * Runs one SDK call and translates its failure.
     *
     * @param action the IAM action of the call, such as {@code ec2:CreateVpc}, named in the message
     */
    public static <T> T call(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(action, e);
        }
    }

    /**
     * Translates a failed SDK call into Berth's error for it.
     *
     * @param action the IAM action of the call, or null when the failure came before any call,
     *               such as while loading credentials
     */
    public static BerthException translate(String action, SdkException exception) {
        if (exception instanceof AwsServiceException service) {
            return serviceError(action, service);
        }
        if (exception instanceof SdkClientException client) {
            return clientError(action, client);
        }
        return new CloudException(name(action) + " failed: " + exception.getMessage(), "", exception);
    }

    private static String name(String action) {
        return action == null ? "the AWS call" : action;
    }

    private static BerthException serviceError(String actionOrNull, AwsServiceException exception) {
        String action = name(actionOrNull);
        AwsErrorDetails details = exception.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        String message = details == null || details.errorMessage() == null ? "" : details.errorMessage();
        int status = exception.statusCode();

        if (DENIED.contains(code)) {
            return new CloudException(action + " was denied (" + code + "): " + message,
                    "grant " + action + " to the principal Berth runs as (berth doctor prints its ARN), "
                            + "or run Berth as a principal that has it", exception);
        }
        // Moto rejects EC2 calls with unknown keys by HTTP 401 and a body in which the SDK finds no error code.
        if (CREDENTIALS_REJECTED.contains(code) || status == 401) {
            String reason = code.isEmpty() ? "HTTP " + status : code;
            return new CloudException("AWS rejected the credentials for " + action + " (" + reason + ")"
                            + (message.isEmpty() ? "" : ": " + message),
                    "check that the access key exists and is active and that the secret matches it; "
                            + "renew temporary credentials (aws sso login, or assume the role again)", exception);
        }
        if (THROTTLED.contains(code)) {
            return new CloudException(action + " was throttled (" + code + ") and still failed after retries",
                    "wait a minute and run the command again", exception);
        }
        if (status >= 500) {
            return new CloudException(action + " failed with HTTP " + status + " " + code + " after retries: " + message,
                    "run the command again later", exception);
        }
        return new CloudException(action + " failed with HTTP " + status + " " + code + ": " + message, "", exception);
    }

    private static BerthException clientError(String action, SdkClientException exception) {
        String message = String.valueOf(exception.getMessage());
        if (message.startsWith("Unable to load credentials")) {
            return new InvalidConfigException("credentials",
                    "no AWS credentials found" + (action == null ? "" : " for " + action),
                    "set AWS_PROFILE to a profile in ~/.aws/config, or set AWS_ACCESS_KEY_ID and "
                            + "AWS_SECRET_ACCESS_KEY, or run aws configure");
        }
        Optional<URI> configured = Endpoints.configured();
        Throwable unknownHost = causeOf(exception, UnknownHostException.class);
        if (unknownHost != null) {
            return new UnreachableEndpointException(unknownHost.getMessage(),
                    name(action) + " failed: the host " + unknownHost.getMessage() + " could not be resolved",
                    configured.map(uri -> "correct " + Endpoints.VARIABLE + " (now " + uri + ")")
                            .orElse("check the region and this machine's DNS and network"), exception);
        }
        if (isConnectionFailure(exception)) {
            String endpoint = Endpoints.failedEndpoint(exception).orElse(configured.map(URI::toString).orElse(null));
            String where = endpoint == null ? "the AWS endpoint" : endpoint;
            return new UnreachableEndpointException(endpoint,
                    name(action) + " failed: could not reach " + where + ": " + rootMessage(exception),
                    configured.map(uri -> "start the server at " + Endpoints.VARIABLE + " (" + uri + "), or unset "
                                    + Endpoints.VARIABLE + " to call AWS itself")
                            .orElse("check this machine's network and proxy settings (HTTPS_PROXY) and the region"),
                    exception);
        }
        return new CloudException(name(action) + " failed: " + message, "", exception);
    }

    private static boolean isConnectionFailure(Throwable exception) {
        return causeOf(exception, ConnectException.class) != null
                || causeOf(exception, NoRouteToHostException.class) != null
                || causeOf(exception, InterruptedIOException.class) != null
                || causeOf(exception, SocketException.class) != null;
    }

    private static Throwable causeOf(Throwable exception, Class<? extends Throwable> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
