package io.newsarchive.admin;

import io.newsarchive.admin.SideBySide.Part;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SideBySideTest {

    @Test
    void sentencesAlikeAreOneRowAndTheWordsThatDifferAreMarked() {
        SideBySide text = SideBySide.of(
                new String[] {"Talks resumed on Monday.", "Both sides <met> again & agreed.", "Only here."},
                new String[] {"Talks resumed on Monday.", "Both sides <met> again & quickly agreed."});

        assertEquals(3, text.rows().size());
        assertEquals(2, text.changed());
        assertTrue(text.rows().get(0).same());
        assertEquals(
                List.of(new Part("Talks resumed on Monday.", false)),
                text.rows().get(0).left());
        SideBySide.Row changed = text.rows().get(1);
        assertFalse(changed.same());
        // the text as written, < and & too: the page escapes it
        assertEquals("Both sides <met> again & agreed.", joined(changed.left()));
        assertEquals("Both sides <met> again & quickly agreed.", joined(changed.right()));
        assertTrue(
                changed.right().stream().anyMatch(p -> p.changed() && p.text().contains("quickly")));
        assertTrue(changed.left().stream().noneMatch(Part::changed), "nothing of the left is missing on the right");
        assertEquals("Only here.", joined(text.rows().get(2).left()));
        assertEquals("", joined(text.rows().get(2).right()));
    }

    private static String joined(List<Part> parts) {
        return String.join("", parts.stream().map(Part::text).toList());
    }
}
