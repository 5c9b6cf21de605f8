package io.newsarchive.system;

import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Addresses that are no URL, or too long to read, get the catalog's own error answer with its usual headers. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class AddressCheckTest {

    @TestHTTPResource("/")
    URL server;

    @Test
    void aMalformedPercentEncodingUnderApiGetsTheJsonError() throws IOException {
        String answer = rawGet("/api/articles?cursor=%%%garbage");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("X-Content-Type-Options: nosniff"), answer);
        assertTrue(answer.contains("\"error\":\"bad_address\""), answer);
        assertTrue(answer.contains("%%%garbage"), "names what is wrong: " + answer);
    }

    @Test
    void aMalformedAddressOfAPageGetsTheErrorPage() throws IOException {
        for (String path : new String[] {"/?q=%%%", "/no|such"}) {
            String answer = rawGet(path);
            assertTrue(answer.startsWith("HTTP/1.1 400"), path + ": " + answer);
            assertTrue(answer.contains("Content-Security-Policy:"), path + ": " + answer);
            assertTrue(answer.contains("This address has a mistake"), path + ": " + answer);
        }
    }

    @Test
    void aMegabyteOfQueryGetsTheJsonErrorToo() throws IOException {
        String answer = rawGet("/api/articles?q=" + "a".repeat(1024 * 1024));
        assertTrue(answer.startsWith("HTTP/1.1 414"), answer.substring(0, Math.min(300, answer.length())));
        assertTrue(answer.contains("\"error\":\"too_long\""), answer);
        assertTrue(answer.contains("X-Content-Type-Options: nosniff"), answer);
    }

    /** A request as sent, byte for byte: HTTP clients refuse to send such addresses. */
    private String rawGet(String target) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close"
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
