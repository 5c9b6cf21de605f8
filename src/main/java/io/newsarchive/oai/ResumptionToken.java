package io.newsarchive.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/**
 * Where a list request goes on: its own arguments and the (changed_at, id) of the last record sent, as an opaque
 * token. A keyset, like the catalog's cursors, so that records stored meanwhile shift nothing.
 */
record ResumptionToken(String set, String from, String until, Instant lastChanged, long lastId) {

    /** The latest time PostgreSQL's timestamps hold, in microseconds since the epoch. */
    private static final long LATEST_MICROS =
            Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() * 1_000_000L;

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
            long micros = Long.parseLong(parts[3]);
            long lastId = Long.parseLong(parts[4]);
            // what PostgreSQL's timestamps hold, so that no token reaches the database with a time it refuses
            if (micros < 0 || micros > LATEST_MICROS || lastId < 0) {
                throw new IllegalArgumentException("range");
            }
            for (String time : List.of(parts[1], parts[2])) {
                if (!time.isEmpty() && !time.matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}Z)?")) {
                    throw new IllegalArgumentException("time");
                }
            }
            return new ResumptionToken(
                    parts[0].isEmpty() ? null : parts[0],
                    parts[1].isEmpty() ? null : parts[1],
                    parts[2].isEmpty() ? null : parts[2],
                    Instant.EPOCH.plus(micros, ChronoUnit.MICROS),
                    lastId);
        } catch (IllegalArgumentException e) {
            throw new OaiError(
                    OaiError.Code.BAD_RESUMPTION_TOKEN, "the resumption token is not one this repository gave");
        }
    }
}
