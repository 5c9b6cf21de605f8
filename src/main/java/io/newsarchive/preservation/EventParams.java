package io.newsarchive.preservation;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query parameters of the event log, shared by {@code /api/events} and the events page. Kept as the client sent
 * them; {@link EventFilter#of} checks them.
 */
public class EventParams {

    @RestQuery
    @Parameter(
            description = "the PREMIS event type",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {
                                "ingestion",
                                "fixity check",
                                "metadata modification",
                                "deaccession",
                                "accession",
                                "dissemination",
                                "recovery"
                            }))
    public String type;

    @RestQuery
    @Parameter(
            description = "how the events ended",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"success", "failure"}))
    public String outcome;

    @RestQuery
    @Parameter(description = "who or what acted: a user name, or the catalog for its own checks")
    public String agent;

    @RestQuery
    @Parameter(description = "an article version's id", schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
    public String article;

    @RestQuery
    @Parameter(description = "first day, inclusive (UTC)", schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from;

    @RestQuery
    @Parameter(description = "last day, inclusive (UTC)", schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to;

    @RestQuery
    @Parameter(
            description = "only events older than this event id: the next page",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
    public String before;
}
