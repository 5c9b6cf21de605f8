package io.newsarchive.system;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HrefTest {

    @Test
    void parametersKeepTheirOrderAndTheirValuesAreEncoded() {
        Href href = Href.of("/")
                .plus("q", "\"a phrase\" & más")
                .plus("source", "bbc.co.uk")
                .plus("source", "x.org")
                .plus("from", null)
                .plus("limit", "");
        assertEquals("/?q=%22a+phrase%22+%26+m%C3%A1s&source=bbc.co.uk&source=x.org&limit=", href.toString());
        assertEquals(
                "/api/articles?q=%22a+phrase%22+%26+m%C3%A1s&source=bbc.co.uk&source=x.org&limit=",
                href.at("/api/articles").toString());
    }

    @Test
    void withReplacesInPlaceWithoutRemovesAndToggleAddsOrRemovesOneValue() {
        Href href = Href.of("/").plus("q", "a").plus("source", "x.org").plus("sort", "published");
        assertEquals("/?q=b&source=x.org&sort=published", href.with("q", "b").toString());
        assertEquals(
                "/?q=a&source=x.org&sort=published&cursor=c1",
                href.with("cursor", "c1").toString());
        assertEquals("/?q=a&sort=published", href.without("source").toString());
        assertEquals("/?q=a&sort=published", href.toggle("source", "x.org").toString());
        assertEquals(
                "/?q=a&source=x.org&sort=published&source=y.org",
                href.toggle("source", "y.org").toString());
        assertEquals("/?q=a&source=x.org&sort=published", href.toString(), "a link never changes");
    }
}
