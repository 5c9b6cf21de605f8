package io.newsarchive.search;

import io.newsarchive.system.CatalogConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The OpenSearch cluster, when {@code catalog.search.opensearch.url} names one: the client every part of search
 * shares (it keeps a pool of connections). Without a URL, search is PostgreSQL's and nothing here connects.
 */
@ApplicationScoped
public class SearchEngine {

    private final CatalogConfig.OpenSearch config;
    private final ApacheHttpClient5Transport transport;
    private final OpenSearchClient client;

    SearchEngine(CatalogConfig config) {
        this.config = config.search().opensearch();
        this.transport = this.config.url().map(this::transport).orElse(null);
        this.client = transport == null ? null : new OpenSearchClient(transport);
    }

    /** Whether search is OpenSearch's. */
    public boolean configured() {
        return client != null;
    }

    /** The client; only when {@link #configured()}. */
    OpenSearchClient client() {
        return client;
    }

    CatalogConfig.OpenSearch config() {
        return config;
    }

    /** The cluster's address, for messages. */
    public Optional<String> url() {
        return config.url();
    }

    private ApacheHttpClient5Transport transport(String url) {
        HttpHost host;
        try {
            host = HttpHost.create(url.replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "catalog.search.opensearch.url is not a URL such as http://127.0.0.1:9200: " + url, e);
        }
        Timeout timeout = Timeout.of(config.timeout());
        return ApacheHttpClient5TransportBuilder.builder(host)
                // its own Jackson: the service's snake_case naming must not reach OpenSearch's JSON
                .setMapper(new JacksonJsonpMapper())
                .setRequestConfigCallback(r -> r.setResponseTimeout(timeout).setConnectionRequestTimeout(timeout))
                .setConnectionConfigCallback(c -> c.setConnectTimeout(timeout))
                .setHttpClientConfigCallback(http -> {
                    config.username().ifPresent(user -> {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        credentials.setCredentials(
                                new AuthScope(host),
                                new UsernamePasswordCredentials(
                                        user, config.password().orElse("").toCharArray()));
                        http.setDefaultCredentialsProvider(credentials);
                    });
                    PoolingAsyncClientConnectionManagerBuilder connections =
                            PoolingAsyncClientConnectionManagerBuilder.create()
                                    .setMaxConnTotal(64)
                                    .setMaxConnPerRoute(64);
                    config.caCertificate()
                            .ifPresent(pem -> connections.setTlsStrategy(ClientTlsStrategyBuilder.create()
                                    .setSslContext(trusting(Path.of(pem)))
                                    .build()));
                    return http.setConnectionManager(connections.build());
                })
                .build();
    }

    /** TLS that trusts the certificate authorities of a PEM file. */
    private static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "catalog.search.opensearch.ca-certificate: cannot read certificates from " + pem + ": "
                            + e.getMessage(),
                    e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        if (transport != null) {
            transport.close();
        }
    }
}
