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
        Cursor relevance = new Cursor(SortOrder.RELEVANCE, "2/2022-03-01", 42, true);
        assertEquals(relevance, Cursor.parse(relevance.token(), SortOrder.RELEVANCE));
        Cursor newest = new Cursor(SortOrder.NEWEST, "1999-12-31", 7, false);
        assertEquals(newest, Cursor.parse(newest.token(), SortOrder.NEWEST));
    }

    @Test
    void onlyWhatTheCatalogWritesIsACursor() {
        List<String> relevance = List.of(
                "v2|relevance|next|1e40|5",
                "v2|relevance|next|1.5f|5",
                "v2|relevance|next|-1e-50|5",
                "v2|relevance|next|1/+10000-01-01|5",
                "v2|relevance|next|4/2022-01-01|5",
                "v2|relevance|next|1/2022-02-30|5");
        List<String> newest = List.of(
                "v2|-published|next|+10000-01-01|5",
                "v2|-published|next|2022-01-01|+5",
                "v2|-published|next|2022-01-01|05",
                "v2|-published|next|2022-1-01|5",
                "v2|-published|next|2022-01-01|99999999999999999999",
                "v2|-published|next|2022-01-01|5|");
        relevance.forEach(plain -> assertRefused(plain, SortOrder.RELEVANCE));
        newest.forEach(plain -> assertRefused(plain, SortOrder.NEWEST));
        String padded = new Cursor(SortOrder.NEWEST, "2022-01-01", 5, false).token() + "=";
        assertThrows(ApiError.Failure.class, () -> Cursor.parse(padded, SortOrder.NEWEST));
    }

    private static void assertRefused(String plain, SortOrder sort) {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        ApiError.Failure refused = assertThrows(ApiError.Failure.class, () -> Cursor.parse(token, sort), plain);
        assertTrue(refused.getMessage().contains("cursor"), plain);
    }
}
