package io.newsarchive.catalog;

import io.newsarchive.system.Params;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The query parameters of top words: the catalog's filters and how many words. */
public class TopWordsParams extends FilterParams {

    static final int DEFAULT_LIMIT = 50;

    @RestQuery
    @Parameter(
            description = "how many words, the most frequent first",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
    public String limit;

    int checkedLimit() {
        return Params.intInRange("limit", limit, DEFAULT_LIMIT, 1, 500);
    }
}
