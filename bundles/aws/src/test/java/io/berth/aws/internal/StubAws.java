package io.berth.aws.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal AWS endpoint on a free loopback port: it returns a fixed, valid response to
 * GetCallerIdentity, DescribeVpcs, ListRoles and ListObjectsV2, after any queued failures.
 */
final class StubAws implements AutoCloseable {

    private static final String STS = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/stub</Arn><UserId>AIDSTUB</UserId>"
            + "<Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>";
    private static final String EC2 = "<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
            + "<requestId>1</requestId><vpcSet/></DescribeVpcsResponse>";
    private static final String IAM = "<ListRolesResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
            + "<ListRolesResult><Roles/><IsTruncated>false</IsTruncated></ListRolesResult></ListRolesResponse>";
    private static final String S3 = "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<Name>data</Name><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
            + "</ListBucketResult>";

    /** A failure to return instead of the response. */
    record Failure(int status, String code) {
    }

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Deque<Failure> failures = new ArrayDeque<>();

    StubAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int requests() {
        return requests.get();
    }

    synchronized void failNext(int times, int status, String code) {
        for (int i = 0; i < times; i++) {
            failures.add(new Failure(status, code));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Failure failure;
        synchronized (this) {
            failure = failures.poll();
        }
        if (failure != null) {
            reply(exchange, failure.status(), "<ErrorResponse><Error><Type>Sender</Type><Code>" + failure.code()
                    + "</Code><Message>stub failure</Message></Error><RequestId>1</RequestId></ErrorResponse>");
        } else if (body.contains("Action=GetCallerIdentity")) {
            reply(exchange, 200, STS);
        } else if (body.contains("Action=DescribeVpcs")) {
            reply(exchange, 200, EC2);
        } else if (body.contains("Action=ListRoles")) {
            reply(exchange, 200, IAM);
        } else if (exchange.getRequestURI().getQuery() != null
                && exchange.getRequestURI().getQuery().contains("list-type=2")) {
            reply(exchange, 200, S3);
        } else {
            reply(exchange, 400, "<ErrorResponse><Error><Code>InvalidAction</Code><Message>not stubbed</Message>"
                    + "</Error></ErrorResponse>");
        }
    }

    private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
