package io.berth.aws.internal;

import io.berth.api.InvalidConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The endpoint every client is sent to when one is configured, read the way the SDK and the
 * AWS CLI read it: the {@code aws.endpointUrl} system property, else {@code AWS_ENDPOINT_URL}.
 */
public final class Endpoints {

    /** The variable the AWS CLI and SDKs read to send every call to one endpoint. */
    public static final String VARIABLE = "AWS_ENDPOINT_URL";
    static final String PROPERTY = "aws.endpointUrl";

    private Endpoints() {
    }

    /** Reads the configured endpoint, or empty to use AWS's own endpoints. Raises when the value is not a URL. */
    public static Optional<URI> configured() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(parse(PROPERTY, property));
        }
        String variable = System.getenv(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Optional.of(parse(VARIABLE, variable));
        }
        return Optional.empty();
    }

    /** Names the setting in which {@link #configured()} found the endpoint, for messages. */
    static String source() {
        String property = System.getProperty(PROPERTY);
        return property != null && !property.isBlank() ? "system property " + PROPERTY : VARIABLE;
    }

    static URI parse(String setting, String value) {
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "no scheme or host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidConfigException(setting, "'" + value + "' is not a URL",
                    "set it to an address such as http://127.0.0.1:5000, or unset it to call AWS itself");
        }
    }

    /** Finds the address a failed call was sent to, as {@link NamingInterceptor} noted it on the exception. */
    public static Optional<String> failedEndpoint(Throwable exception) {
        for (Throwable suppressed : exception.getSuppressed()) {
            if (suppressed instanceof FailedEndpoint marker) {
                return Optional.of(marker.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Notes on a failed call's exception the address it was sent to, because the SDK's own
     * message for a refused connection does not name it.
     */
    static final class NamingInterceptor implements ExecutionInterceptor {

        @Override
        public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
            Throwable exception = context.exception();
            Optional<SdkHttpRequest> request = context.httpRequest();
            if (exception instanceof SdkClientException && request.isPresent()) {
                SdkHttpRequest http = request.get();
                int port = http.port();
                boolean defaultPort = port == -1 || ("https".equals(http.protocol()) && port == 443)
                        || ("http".equals(http.protocol()) && port == 80);
                exception.addSuppressed(new FailedEndpoint(http.protocol() + "://" + http.host()
                        + (defaultPort ? "" : ":" + port)));
            }
            return exception;
        }
    }

    /** Carries the failed address in its message; it has no stack trace of its own. */
    private static final class FailedEndpoint extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FailedEndpoint(String endpoint) {
            super(endpoint, null, false, false);
        }
    }
}
