package io.newsarchive.corpus;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArticleUrlTest {

    private static ArticleUrl of(String url) {
        return ArticleUrl.of(URI.create(url));
    }

    @Test
    void theOriginalIsKeptAsWritten() {
        assertEquals(
                "HTTPS://WWW.Example.com:443/A?utm_source=x#top",
                of("HTTPS://WWW.Example.com:443/A?utm_source=x#top").url());
    }

    @Test
    void schemeAndHostAreLowerCasedButNotThePath() {
        assertEquals(
                "https://www.example.com/News/A",
                of("HTTPS://WWW.Example.COM/News/A").normalizedUrl());
    }

    @Test
    void theDefaultPortIsDroppedAndOthersKept() {
        assertEquals("https://example.com/a", of("https://example.com:443/a").normalizedUrl());
        assertEquals("http://example.com/a", of("http://example.com:80/a").normalizedUrl());
        assertEquals(
                "http://example.com:8080/a", of("http://example.com:8080/a").normalizedUrl());
        assertEquals("https://example.com:80/a", of("https://example.com:80/a").normalizedUrl());
    }

    @Test
    void theFragmentIsDropped() {
        assertEquals(
                "https://example.com/a", of("https://example.com/a#comments").normalizedUrl());
    }

    @Test
    void trackingParametersAreDroppedAndTheOthersKeepTheirOrder() {
        assertEquals(
                "https://example.com/a?id=7&page=2",
                of("https://example.com/a?utm_source=tw&id=7&UTM_Medium=x&fbclid=abc&page=2&gclid=1")
                        .normalizedUrl());
        assertEquals(
                "https://example.com/a",
                of("https://example.com/a?utm_campaign=x").normalizedUrl());
        assertEquals(
                "https://example.com/a?q=caf%C3%A9",
                of("https://example.com/a?q=caf%C3%A9").normalizedUrl(), "encoded text stays encoded");
    }

    @Test
    void anEmptyPathIsTheRoot() {
        assertEquals("https://example.com/", of("https://example.com").normalizedUrl());
    }

    @Test
    void theHostLosesItsWww() {
        assertEquals("dailymail.co.uk", of("https://www.dailymail.co.uk/news/").host());
        assertEquals("news.bbc.co.uk", of("https://news.bbc.co.uk/x").host());
    }

    @Test
    void theDomainComesFromThePublicSuffixList() {
        assertEquals("bbc.co.uk", of("https://news.bbc.co.uk/x").domain());
        assertEquals("mirror.co.uk", of("https://www.mirror.co.uk/news").domain());
        assertEquals(
                "nytimes.com", of("https://www.nytimes.com/2022/01/21/world").domain());
        assertEquals(
                "example.github.io", of("https://blog.example.github.io/post").domain(), "a private suffix counts");
    }

    @Test
    void hostsWithoutPublicSuffixAreTheirOwnDomain() {
        assertEquals("192.168.1.20", of("http://192.168.1.20/a").domain());
        assertEquals("localhost", of("http://localhost:8080/a").domain());
    }

    @Test
    void aPortAbove65535IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ArticleUrl.parse("https://example.com:65536/a", 2000));
        assertThrows(IllegalArgumentException.class, () -> ArticleUrl.parse("http://example.com:99999/a", 2000));
        assertEquals(
                "https://example.com:65535/a",
                ArticleUrl.parse("https://example.com:65535/a", 2000).normalizedUrl());
    }
}
