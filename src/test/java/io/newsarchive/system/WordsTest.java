package io.newsarchive.system;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordsTest {

    enum Color {
        DARK_RED,
        BLUE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static class ColorAsWord extends Words.Converter<Color> {
        ColorAsWord() {
            super(Color.class);
        }
    }

    @Test
    void readsAConstantByItsWordOnly() {
        assertEquals(Color.DARK_RED, Words.of(Color.class, "dark_red"));
        assertEquals(Color.BLUE, Words.of(Color.class, "blue"));
        assertEquals(
                "no Color \"BLUE\"",
                assertThrows(IllegalArgumentException.class, () -> Words.of(Color.class, "BLUE"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> Words.of(Color.class, null));
    }

    @Test
    void theConverterStoresTheWordAndReadsItBack() {
        ColorAsWord converter = new ColorAsWord();
        assertEquals("dark_red", converter.convertToDatabaseColumn(Color.DARK_RED));
        assertEquals(Color.DARK_RED, converter.convertToEntityAttribute("dark_red"));
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
