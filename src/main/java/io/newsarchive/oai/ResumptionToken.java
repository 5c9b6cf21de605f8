package io.newsarchive.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Where a list request goes on: its own arguments and the (changed_at, id) of the last record sent, as an opaque
 * token. A keyset, like the catalog's cursors, so that records stored meanwhile shift nothing.
 */
record ResumptionToken(String set, String from, String until, Instant lastChanged, long lastId) {

    String encode() {
        String text = String.join(
                "\n",
                set == null ? "" : set,
                from == null ? "" : from,
                until == null ? "" : until,
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, lastChanged)),
                Long.toString(lastId));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The token's contents; a badResumptionToken error when it is not one this repository gave. */
    static ResumptionToken decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 5) {
                throw new IllegalArgumentException("parts");
            }
            return new ResumptionToken(
                    parts[0].isEmpty() ? null : parts[0],
                    parts[1].isEmpty() ? null : parts[1],
                    parts[2].isEmpty() ? null : parts[2],
                    Instant.EPOCH.plus(Long.parseLong(parts[3]), ChronoUnit.MICROS),
                    Long.parseLong(parts[4]));
        } catch (IllegalArgumentException e) {
            throw new OaiError(
                    OaiError.Code.BAD_RESUMPTION_TOKEN, "the resumption token is not one this repository gave");
        }
    }
}
