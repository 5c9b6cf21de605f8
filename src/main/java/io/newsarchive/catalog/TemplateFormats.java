package io.newsarchive.catalog;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages write values: {@code {article.ingestedAt.readable}}. */
@TemplateExtension
public class TemplateFormats {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** An instant to the minute, in UTC. */
    static String readable(Instant instant) {
        return MINUTES.format(instant);
    }
}
