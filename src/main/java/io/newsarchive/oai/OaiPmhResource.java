package io.newsarchive.oai;

import io.newsarchive.catalog.HarvestRecords;
import io.newsarchive.system.CatalogConfig;
import io.newsarchive.system.DatabaseFailure;
import io.newsarchive.system.PublicAddress;
import io.newsarchive.system.XmlText;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code /oai}: the catalog as an OAI-PMH 2.0 repository. Every article version is a record ({@code oai:NAME:id})
 * with unqualified Dublin Core ({@code oai_dc}); its datestamp is when it last changed (ingest, correction,
 * withdrawal, restoration), and a withdrawn version is a deleted record, kept so (deletedRecord persistent). Sets:
 * {@code source:HOST}, {@code year:YYYY} (of publication) and {@code collection:SLUG} (the sources of a source
 * collection), under {@code source}, {@code year} and {@code collection}. Lists come
 * {@code catalog.oai.page-records} at a time with keyset resumption tokens. Every protocol error is answered in
 * the protocol's XML with status 200, as it asks.
 */
@Tag(name = "Harvesting")
@Path("/oai")
public class OaiPmhResource {

    private static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier";
    private static final String PREFIX = "oai_dc";
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern SET = Pattern.compile("(source|year|collection)(?::(.+))?");
    /** The characters of a metadataPrefix and of each part of a setSpec, as the schema allows them. */
    private static final Pattern SPEC_WORD = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+");

    private static final Pattern SET_SPEC = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    static final Map<String, Set<String>> ARGUMENTS = Map.of(
            "Identify", Set.of(),
            "ListMetadataFormats", Set.of("identifier"),
            "ListSets", Set.of("resumptionToken"),
            "ListIdentifiers", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"),
            "ListRecords", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"),
            "GetRecord", Set.of("identifier", "metadataPrefix"));

    private final HarvestRecords records;
    private final CatalogConfig config;

    OaiPmhResource(HarvestRecords records, CatalogConfig config) {
        this.records = records;
        this.config = config;
    }

    @GET
    @Operation(summary = "An OAI-PMH 2.0 request; each verb takes the arguments the protocol gives it")
    @Parameter(
            name = "verb",
            in = ParameterIn.QUERY,
            required = true,
            description = "what to do",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {
                                "GetRecord",
                                "Identify",
                                "ListIdentifiers",
                                "ListMetadataFormats",
                                "ListRecords",
                                "ListSets"
                            }))
    @Parameter(name = "identifier", in = ParameterIn.QUERY, description = "a record's identifier, oai:REPOSITORY:ID")
    @Parameter(
            name = "metadataPrefix",
            in = ParameterIn.QUERY,
            description = "the metadata format",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"oai_dc"}))
    @Parameter(
            name = "from",
            in = ParameterIn.QUERY,
            description = "records changed at or after (UTC; a day or a second)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(
            name = "until",
            in = ParameterIn.QUERY,
            description = "records changed at or before (UTC; a day or a second)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @Parameter(name = "set", in = ParameterIn.QUERY, description = "a set: source:HOST, year:YYYY or collection:SLUG")
    @Parameter(name = "resumptionToken", in = ParameterIn.QUERY, description = "where an incomplete list goes on")
    @APIResponse(
            responseCode = "200",
            description = "the OAI-PMH answer, an error included",
            content = @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.STRING)))
    public Response get(@Context UriInfo uri) {
        return answer(uri.getQueryParameters(), uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "An OAI-PMH 2.0 request with its arguments in the form, as for GET")
    @APIResponse(
            responseCode = "200",
            description = "the OAI-PMH answer, an error included",
            content = @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.STRING)))
    public Response post(MultivaluedMap<String, String> form, @Context UriInfo uri) {
        return answer(form, uri);
    }

    private Response answer(MultivaluedMap<String, String> params, UriInfo uri) {
        String base = PublicAddress.of(config, uri) + "/oai";
        Map<String, String> args = new TreeMap<>();
        try {
            String verb = arguments(params, args);
            return ok(document(base, args, xml -> verb(verb, args, xml, base)));
        } catch (OaiError e) {
            return ok(document(base, e.hidesArguments() ? Map.of() : echoable(args), xml -> {
                xml.writeStartElement(OAI, "error");
                xml.writeAttribute("code", e.code.toString());
                xml.writeCharacters(e.getMessage());
                xml.writeEndElement();
            }));
        }
    }

    /**
     * The arguments the request element may repeat after an error: those of the schema's types (a metadataPrefix or
     * set of its characters, a date), so that an error answer is as valid as any other.
     */
    private static Map<String, String> echoable(Map<String, String> args) {
        Map<String, String> valid = new TreeMap<>();
        args.forEach((name, value) -> {
            boolean fits = switch (name) {
                case "metadataPrefix" -> SPEC_WORD.matcher(value).matches();
                case "set" -> SET_SPEC.matcher(value).matches();
                case "from", "until" ->
                    DAY.matcher(value).matches() || SECOND.matcher(value).matches();
                case "identifier" -> !value.isBlank() && value.chars().noneMatch(Character::isWhitespace);
                default -> true;
            };
            if (fits) {
                valid.put(name, value);
            }
        });
        return valid;
    }

    /** What goes between the request element and the end of the answer. */
    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException, SQLException;
    }

    /** The whole answer; an OaiError thrown while it is written is answered instead, by the caller. */
    private static String document(String base, Map<String, String> args, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(OAI);
            xml.setPrefix("xsi", XSI);
            xml.writeStartElement(OAI, "OAI-PMH");
            xml.writeDefaultNamespace(OAI);
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute(XSI, "schemaLocation", OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
            element(xml, "responseDate", datestamp(Instant.now()));
            xml.writeStartElement(OAI, "request");
            for (Map.Entry<String, String> arg : args.entrySet()) {
                xml.writeAttribute(arg.getKey(), arg.getValue());
            }
            xml.writeCharacters(base);
            xml.writeEndElement();
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the OAI-PMH answer", e);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private static Response ok(String document) {
        return Response.ok(document, "text/xml; charset=utf-8").build();
    }

    /** Checks the arguments against the verb's, each given once; returns the verb. */
    private static String arguments(MultivaluedMap<String, String> params, Map<String, String> args) {
        List<String> verbs = params.get("verb");
        if (verbs == null || verbs.size() != 1 || !ARGUMENTS.containsKey(verbs.get(0))) {
            throw new OaiError(
                    OaiError.Code.BAD_VERB,
                    verbs == null
                            ? "the request names no verb"
                            : verbs.size() > 1
                                    ? "the verb is given more than once"
                                    : "no such verb: " + verbs.get(0) + " (the verbs are "
                                            + String.join(", ", new TreeMap<>(ARGUMENTS).keySet()) + ")");
        }
        String verb = verbs.get(0);
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (param.getKey().equals("verb")) {
                continue;
            }
            if (!ARGUMENTS.get(verb).contains(param.getKey())) {
                throw new OaiError(OaiError.Code.BAD_ARGUMENT, verb + " takes no argument " + param.getKey());
            }
            if (param.getValue().size() != 1) {
                throw new OaiError(
                        OaiError.Code.BAD_ARGUMENT, "the argument " + param.getKey() + " is given more than once");
            }
            args.put(param.getKey(), param.getValue().get(0));
        }
        if (args.containsKey("resumptionToken") && args.size() > 1) {
            throw new OaiError(OaiError.Code.BAD_ARGUMENT, "a resumptionToken is the only argument besides the verb");
        }
        return verb;
    }

    private void verb(String verb, Map<String, String> args, XMLStreamWriter xml, String base)
            throws XMLStreamException, SQLException {
        switch (verb) {
            case "Identify" -> identify(xml, base);
            case "ListMetadataFormats" -> listMetadataFormats(xml, args.get("identifier"));
            case "ListSets" -> listSets(xml, args);
            case "GetRecord" -> getRecord(xml, args, base);
            default -> list(xml, verb.equals("ListRecords"), args, base);
        }
    }

    private void identify(XMLStreamWriter xml, String base) throws XMLStreamException, SQLException {
        Instant earliest = records.earliest();
        xml.writeStartElement(OAI, "Identify");
        element(xml, "repositoryName", config.name());
        element(xml, "baseURL", base);
        element(xml, "protocolVersion", "2.0");
        element(xml, "adminEmail", config.contact().email().orElse("admin@" + repositoryIdentifier()));
        element(xml, "earliestDatestamp", datestamp(earliest == null ? Instant.now() : earliest));
        element(xml, "deletedRecord", "persistent");
        element(xml, "granularity", "YYYY-MM-DDThh:mm:ssZ");
        xml.writeStartElement(OAI, "description");
        xml.writeStartElement("", "oai-identifier", OAI_IDENTIFIER);
        xml.setDefaultNamespace(OAI_IDENTIFIER);
        xml.writeDefaultNamespace(OAI_IDENTIFIER);
        xml.writeAttribute(
                XSI, "schemaLocation", OAI_IDENTIFIER + " http://www.openarchives.org/OAI/2.0/oai-identifier.xsd");
        for (String[] field : List.of(
                new String[] {"scheme", "oai"},
                new String[] {"repositoryIdentifier", repositoryIdentifier()},
                new String[] {"delimiter", ":"},
                new String[] {"sampleIdentifier", identifier(1)})) {
            xml.writeStartElement(OAI_IDENTIFIER, field[0]);
            xml.writeCharacters(field[1]);
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void listMetadataFormats(XMLStreamWriter xml, String identifier) throws XMLStreamException, SQLException {
        if (identifier != null) {
            record(identifier);
        }
        xml.writeStartElement(OAI, "ListMetadataFormats");
        xml.writeStartElement(OAI, "metadataFormat");
        element(xml, "metadataPrefix", PREFIX);
        element(xml, "schema", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
        element(xml, "metadataNamespace", OAI_DC);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void listSets(XMLStreamWriter xml, Map<String, String> args) throws XMLStreamException, SQLException {
        if (args.containsKey("resumptionToken")) {
            throw new OaiError(OaiError.Code.BAD_RESUMPTION_TOKEN, "ListSets answers in one list and gives no tokens");
        }
        HarvestRecords.SetNames names = records.setNames();
        xml.writeStartElement(OAI, "ListSets");
        set(xml, "source", "Articles by source");
        for (String host : names.hosts()) {
            set(xml, sourceSet(host), "Articles from " + host);
        }
        set(xml, "year", "Articles by year of publication");
        for (int year : names.years()) {
            set(xml, "year:" + year, "Articles published in " + year);
        }
        set(xml, "collection", "Articles of sources in a source collection");
        for (HarvestRecords.CollectionSet collection : names.collections()) {
            set(xml, "collection:" + collection.slug(), "Articles of the collection " + collection.name());
        }
        xml.writeEndElement();
    }

    private static void set(XMLStreamWriter xml, String spec, String name) throws XMLStreamException {
        xml.writeStartElement(OAI, "set");
        element(xml, "setSpec", spec);
        element(xml, "setName", name);
        xml.writeEndElement();
    }

    private void getRecord(XMLStreamWriter xml, Map<String, String> args, String base)
            throws XMLStreamException, SQLException {
        if (!args.containsKey("identifier") || !args.containsKey("metadataPrefix")) {
            throw new OaiError(OaiError.Code.BAD_ARGUMENT, "GetRecord needs an identifier and a metadataPrefix");
        }
        checkPrefix(args.get("metadataPrefix"));
        HarvestRecords.Record record = record(args.get("identifier"));
        xml.writeStartElement(OAI, "GetRecord");
        record(xml, record, true, base);
        xml.writeEndElement();
    }

    private void list(XMLStreamWriter xml, boolean withMetadata, Map<String, String> args, String base)
            throws XMLStreamException, SQLException {
        ResumptionToken after = null;
        if (args.containsKey("resumptionToken")) {
            after = ResumptionToken.decode(args.get("resumptionToken"));
        } else if (!args.containsKey("metadataPrefix")) {
            throw new OaiError(OaiError.Code.BAD_ARGUMENT, "a list needs a metadataPrefix (oai_dc)");
        } else {
            checkPrefix(args.get("metadataPrefix"));
        }
        String set = after == null ? args.get("set") : after.set();
        String from = after == null ? args.get("from") : after.from();
        String until = after == null ? args.get("until") : after.until();
        Instant fromTime;
        Instant untilTime;
        try {
            fromTime = from == null ? null : time(from, "from", false);
            untilTime = until == null ? null : time(until, "until", true);
        } catch (OaiError e) {
            throw after == null
                    ? e
                    : new OaiError(
                            OaiError.Code.BAD_RESUMPTION_TOKEN, "the resumption token is not one this repository gave");
        }
        if (from != null && until != null && from.length() != until.length()) {
            throw new OaiError(OaiError.Code.BAD_ARGUMENT, "from and until must have the same granularity");
        }
        if (fromTime != null && untilTime != null && fromTime.isAfter(untilTime)) {
            throw new OaiError(OaiError.Code.BAD_ARGUMENT, "from is later than until");
        }
        String host = null;
        Integer year = null;
        String collection = null;
        boolean anyCollection = false;
        if (set != null) {
            Matcher spec = SET.matcher(set);
            if (!spec.matches()) {
                throw new OaiError(OaiError.Code.NO_RECORDS_MATCH, "no set " + set + " (see ListSets)");
            }
            if (spec.group(1).equals("source")) {
                host = spec.group(2) == null ? null : host(spec.group(2));
            } else if (spec.group(1).equals("collection")) {
                // an unknown slug lists nothing: noRecordsMatch, as for a source without articles
                collection = spec.group(2);
                anyCollection = collection == null;
            } else if (spec.group(2) != null) {
                if (!spec.group(2).matches("\\d{4}")) {
                    throw new OaiError(OaiError.Code.NO_RECORDS_MATCH, "no set " + set + " (see ListSets)");
                }
                year = Integer.parseInt(spec.group(2));
            }
        }
        int size = config.oai().pageRecords();
        List<HarvestRecords.Record> page = records.page(
                new HarvestRecords.Selection(
                        fromTime,
                        untilTime,
                        host,
                        year,
                        collection,
                        anyCollection,
                        after == null ? null : after.lastChanged(),
                        after == null ? 0 : after.lastId()),
                size + 1);
        if (page.isEmpty()) {
            if (after != null) {
                throw new OaiError(OaiError.Code.BAD_RESUMPTION_TOKEN, "the resumption token leads past the list");
            }
            throw new OaiError(OaiError.Code.NO_RECORDS_MATCH, "no record matches these arguments");
        }
        xml.writeStartElement(OAI, withMetadata ? "ListRecords" : "ListIdentifiers");
        for (HarvestRecords.Record record : page.subList(0, Math.min(size, page.size()))) {
            if (withMetadata) {
                record(xml, record, true, base);
            } else {
                header(xml, record);
            }
        }
        if (page.size() > size) {
            HarvestRecords.Record last = page.get(size - 1);
            element(
                    xml,
                    "resumptionToken",
                    new ResumptionToken(set, from, until, last.changedAt(), last.id()).encode());
        } else if (after != null) {
            // the list's last answer ends it with an empty token
            xml.writeEmptyElement(OAI, "resumptionToken");
        }
        xml.writeEndElement();
    }

    private void record(XMLStreamWriter xml, HarvestRecords.Record record, boolean withMetadata, String base)
            throws XMLStreamException {
        xml.writeStartElement(OAI, "record");
        header(xml, record);
        if (withMetadata && !record.withdrawn()) {
            xml.writeStartElement(OAI, "metadata");
            xml.writeStartElement("oai_dc", "dc", OAI_DC);
            xml.setPrefix("oai_dc", OAI_DC);
            xml.setPrefix("dc", DC);
            xml.writeNamespace("oai_dc", OAI_DC);
            xml.writeNamespace("dc", DC);
            xml.writeAttribute(XSI, "schemaLocation", OAI_DC + " http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
            dc(xml, "title", record.headline());
            dc(xml, "publisher", record.host());
            dc(xml, "date", record.published().toString());
            dc(xml, "type", "Text");
            dc(xml, "format", "text/plain");
            dc(xml, "identifier", base.replaceFirst("/oai$", "") + "/articles/" + record.id());
            dc(xml, "source", record.url());
            if (record.version() > 1) {
                dc(xml, "relation", "version " + record.version() + " of " + record.url());
            }
            if (record.note() != null) {
                dc(xml, "description", record.note());
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void header(XMLStreamWriter xml, HarvestRecords.Record record) throws XMLStreamException {
        xml.writeStartElement(OAI, "header");
        if (record.withdrawn()) {
            xml.writeAttribute("status", "deleted");
        }
        element(xml, "identifier", identifier(record.id()));
        element(xml, "datestamp", datestamp(record.changedAt()));
        element(xml, "setSpec", sourceSet(record.host()));
        element(xml, "setSpec", "year:" + record.published().getYear());
        for (String collection : record.collections()) {
            element(xml, "setSpec", "collection:" + collection);
        }
        xml.writeEndElement();
    }

    /** The record an identifier names; idDoesNotExist when it names none. */
    private HarvestRecords.Record record(String identifier) throws SQLException {
        String prefix = "oai:" + repositoryIdentifier() + ":";
        if (identifier.startsWith(prefix)
                && identifier.substring(prefix.length()).matches("[1-9]\\d{0,17}")) {
            var record = records.one(Long.parseLong(identifier.substring(prefix.length())));
            if (record.isPresent()) {
                return record.get();
            }
        }
        throw new OaiError(OaiError.Code.ID_DOES_NOT_EXIST, "no record " + identifier + " in this repository");
    }

    private static void checkPrefix(String prefix) {
        if (!PREFIX.equals(prefix)) {
            throw new OaiError(
                    OaiError.Code.CANNOT_DISSEMINATE_FORMAT, "records are given as oai_dc, not as " + prefix);
        }
    }

    /** A from or until argument: a day or a second, UTC; until takes the whole of its day or second. */
    private static Instant time(String value, String name, boolean end) {
        try {
            if (DAY.matcher(value).matches()) {
                Instant day = LocalDate.parse(value)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant();
                return end ? day.plus(1, ChronoUnit.DAYS).minusNanos(1000) : day;
            }
            if (SECOND.matcher(value).matches()) {
                Instant second = Instant.parse(value);
                return end ? second.plusSeconds(1).minusNanos(1000) : second;
            }
        } catch (DateTimeParseException e) {
            // a bad date, as below
        }
        throw new OaiError(
                OaiError.Code.BAD_ARGUMENT,
                name + " is not a date (YYYY-MM-DD) or time (YYYY-MM-DDThh:mm:ssZ): " + value);
    }

    /**
     * A source's set: {@code source:} and its host, with every byte of the host that a setSpec cannot hold (an IDN's
     * letters, an IPv6 address's brackets and colons, {@code ~} itself) as {@code ~} and two hex digits of its UTF-8.
     */
    static String sourceSet(String host) {
        StringBuilder spec = new StringBuilder("source:");
        for (byte b : host.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && c != '~' && SPEC_WORD.matcher(String.valueOf(c)).matches()) {
                spec.append(c);
            } else {
                spec.append('~').append(HEX.toHexDigits(b));
            }
        }
        return host.isEmpty() ? spec.append('~').toString() : spec.toString();
    }

    /** The host a source set names: {@link #sourceSet} undone; a set that is no such encoding names no host. */
    private static String host(String encoded) {
        if (encoded.equals("~")) {
            return "";
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '~'
                    && i + 2 < encoded.length()
                    && encoded.substring(i + 1, i + 3).matches("[0-9A-F]{2}")) {
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else if (c == '~') {
                throw new OaiError(OaiError.Code.NO_RECORDS_MATCH, "no set source:" + encoded + " (see ListSets)");
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private String identifier(long id) {
        return "oai:" + repositoryIdentifier() + ":" + id;
    }

    private String repositoryIdentifier() {
        return config.oai()
                .repositoryIdentifier()
                .or(() -> config.baseUrl()
                        .map(url -> URI.create(url).getHost())
                        .filter(h -> h != null && h.contains(".")))
                .orElse("news-archive.local");
    }

    private static String datestamp(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(OAI, name);
        xml.writeCharacters(XmlText.of(text));
        xml.writeEndElement();
    }

    private static void dc(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement("dc", name, DC);
        xml.writeCharacters(XmlText.of(text));
        xml.writeEndElement();
    }
}
