package io.newsarchive.catalog;

import io.newsarchive.system.ApiError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CursorTest {

    @Test
    void aCursorIsReadBackExactlyAsItWasWritten() {
        Cursor relevance = new Cursor(SortOrder.RELEVANCE, "2/2022-03-01", 42, true, 50);
        assertEquals(relevance, Cursor.parse(relevance.token(), SortOrder.RELEVANCE));
        Cursor newest = new Cursor(SortOrder.NEWEST, "1999-12-31", 7, false, 0);
        assertEquals(newest, Cursor.parse(newest.token(), SortOrder.NEWEST));
        Cursor ingested = new Cursor(SortOrder.INGESTED, "", 9, false, 149);
        assertEquals(ingested, Cursor.parse(ingested.token(), SortOrder.INGESTED));
        Cursor bySource = new Cursor(SortOrder.SOURCE, "news.bbc.co.uk/2022-03-01", 11, true, 20);
        assertEquals(bySource, Cursor.parse(bySource.token(), SortOrder.SOURCE));
        for (String host : new String[] {"[2001:db8::5]", "xn--e1afmkfd.example", "пр\u0301.example"}) {
            Cursor of = new Cursor(SortOrder.SOURCE, host + "/2022-03-01", 11, false, 20);
            assertEquals(of, Cursor.parse(of.token(), SortOrder.SOURCE), host);
        }
        assertEquals("news.bbc.co.uk", bySource.host());
        Cursor longest = new Cursor(SortOrder.WORDS, "812", 12, false, 3);
        assertEquals(longest, Cursor.parse(longest.token(), SortOrder.WORDS));
        assertEquals(812, longest.words());
    }

    @Test
    void aPageStartsWhereItsCursorSays() {
        assertEquals(0, Cursor.start(null, 50, true));
        // the next page after rows 0..49 starts at 50
        assertEquals(50, Cursor.start(new Cursor(SortOrder.NEWEST, "2022-01-01", 5, false, 49), 50, true));
        // the page before row 100 is rows 50..99
        assertEquals(50, Cursor.start(new Cursor(SortOrder.NEWEST, "2022-01-01", 5, true, 100), 50, true));
        // a page before that is not full is the first, however far rows have moved since
        assertEquals(0, Cursor.start(new Cursor(SortOrder.NEWEST, "2022-01-01", 5, true, 100), 30, false));
        assertEquals(0, Cursor.start(new Cursor(SortOrder.NEWEST, "2022-01-01", 5, true, 20), 50, true));
    }

    @Test
    void onlyWhatTheCatalogWritesIsACursor() {
        List<String> relevance = List.of(
                "v3|relevance|next|1e40|5|0",
                "v3|relevance|next|1.5f|5|0",
                "v3|relevance|next|-1e-50|5|0",
                "v3|relevance|next|1/+10000-01-01|5|0",
                "v3|relevance|next|4/2022-01-01|5|0",
                "v3|relevance|next|1/2022-02-30|5|0");
        List<String> newest = List.of(
                "v3|-published|next|+10000-01-01|5|0",
                "v3|-published|next|2022-01-01|+5|0",
                "v3|-published|next|2022-01-01|05|0",
                "v3|-published|next|2022-1-01|5|0",
                "v3|-published|next|2022-01-01|99999999999999999999|0",
                "v3|-published|next|2022-01-01|5|0|",
                "v3|-published|next|2022-01-01|5|-1",
                "v3|-published|next|2022-01-01|5|07",
                // a cursor of the version before positions: its page could not say where it is
                "v2|-published|next|2022-01-01|5");
        List<String> ingested = List.of("v3|-ingested|next|2022-01-01|5|0", "v3|-ingested|next||x|0");
        relevance.forEach(plain -> assertRefused(plain, SortOrder.RELEVANCE));
        newest.forEach(plain -> assertRefused(plain, SortOrder.NEWEST));
        ingested.forEach(plain -> assertRefused(plain, SortOrder.INGESTED));
        List<String> bySource = List.of(
                "v3|source|next|2022-01-01|5|0",
                "v3|source|next|a b.com/2022-01-01|5|0",
                "v3|source|next|a.com/b.com/2022-01-01|5|0",
                "v3|source|next|a.com'/2022-01-01|5|0",
                "v3|source|next|/2022-01-01|5|0");
        List<String> longest = List.of(
                "v3|-words|next||5|0",
                "v3|-words|next|012|5|0",
                "v3|-words|next|-1|5|0",
                "v3|-words|next|9999999999|5|0",
                "v3|-words|next|2022-01-01|5|0");
        bySource.forEach(plain -> assertRefused(plain, SortOrder.SOURCE));
        longest.forEach(plain -> assertRefused(plain, SortOrder.WORDS));
        String padded = new Cursor(SortOrder.NEWEST, "2022-01-01", 5, false, 0).token() + "=";
        assertThrows(ApiError.Failure.class, () -> Cursor.parse(padded, SortOrder.NEWEST));
    }

    private static void assertRefused(String plain, SortOrder sort) {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        ApiError.Failure refused = assertThrows(ApiError.Failure.class, () -> Cursor.parse(token, sort), plain);
        assertTrue(refused.getMessage().contains("cursor"), plain);
    }
}
