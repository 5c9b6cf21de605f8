package io.newsarchive.system;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParamsTest {

    @Test
    void aDateOutsideYears0000To9999IsRefusedNamingItsParameter() {
        for (String name : new String[] {"from", "to"}) {
            for (String value : new String[] {"+99999-01-01", "+10000-01-01", "-0001-01-01", "-99999-12-31"}) {
                ApiError.Failure refused = assertThrows(ApiError.Failure.class, () -> Params.date(name, value), value);
                assertEquals(name, refused.body.parameter());
                assertEquals(400, refused.status);
            }
        }
        assertEquals(LocalDate.of(9999, 12, 31), Params.date("to", "9999-12-31"));
        assertEquals(LocalDate.of(0, 1, 1), Params.date("from", "0000-01-01"));
    }

    private enum Shade {
        LIGHT,
        DARK_GREY;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Test
    void aWordNamesItsConstantAndNothingElseIsTaken() {
        assertEquals(Shade.DARK_GREY, Params.oneOf("shade", "dark_grey", Shade.values()));
        for (String value : new String[] {"DARK_GREY", "dark", "", " light", null}) {
            ApiError.Failure refused =
                    assertThrows(ApiError.Failure.class, () -> Params.oneOf("shade", value, Shade.values()), value);
            assertEquals("shade", refused.body.parameter());
            assertEquals("shade must be one of light, dark_grey, not \"" + value + "\"", refused.body.message());
        }
    }
}
