package io.newsarchive.catalog;

import io.newsarchive.system.Params;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/** The query parameters of the list of sources, shared by {@code /sources} and {@code /api/sources}. */
public class SourceListParams {

    @RestQuery
    @Parameter(description = "only sources whose host name holds these letters, in any case")
    public String find;

    @RestQuery
    @Parameter(
            description = "the order; the most articles first when left out",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"host", "-articles", "-last", "first"}))
    public String order;

    /** The sources these parameters ask for, each checked (a 400 naming a bad one). */
    List<SourceStats> listed(SourceCatalog sources) {
        return sources.matching(Params.text("find", find), SourceOrder.of(order));
    }
}
