package io.newsarchive.catalog;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TemplateFormatsTest {

    @Test
    void aUrlMayBreakAfterItsSlashesAndAroundItsParametersAndIsEscaped() {
        assertEquals(
                "https://<wbr>news.example/<wbr>a/<wbr>b.html<wbr>?x=<wbr>1<wbr>&amp;y=<wbr>&lt;2&gt;<wbr>#top",
                TemplateFormats.breakable("https://news.example/a/b.html?x=1&y=<2>#top")
                        .getValue());
    }

    @Test
    void aHashMayBreakBetweenGroupsOfEightAndShortHexWordsStayWhole() {
        assertEquals(
                "SHA-256 01234567<wbr>89abcdef<wbr>01234567<wbr>89abcdef, file cafe1234",
                TemplateFormats.breakable("SHA-256 0123456789abcdef0123456789abcdef, file cafe1234")
                        .getValue());
    }

    @Test
    void aChangedValueBreaksLikeAUrlAndAnAbsentOneIsNone() {
        Map<String, String> change = new HashMap<>();
        change.put("old", "https://a.example/x");
        change.put("new", null);
        assertEquals(
                "https://<wbr>a.example/<wbr>x",
                TemplateFormats.changed(change, "old").getValue());
        assertEquals("(none)", TemplateFormats.changed(change, "new").getValue());
    }
}
