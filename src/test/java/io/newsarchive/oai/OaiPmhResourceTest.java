package io.newsarchive.oai;

import io.newsarchive.catalog.ArticleCorrections;
import io.newsarchive.catalog.CatalogFixtures;
import io.newsarchive.catalog.SourceCollections;
import io.newsarchive.testing.CatalogTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.ls.LSResourceResolver;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.catalog.CatalogFeatures;
import javax.xml.catalog.CatalogManager;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import static io.newsarchive.testing.CorpusFiles.article;
import static io.newsarchive.testing.CorpusFiles.uniqueUrl;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /oai} answers every verb and every error as OAI-PMH 2.0 says, each answer valid against the official
 * OAI-PMH, oai_dc and oai-identifier schemas (../shared/standards, offline through their XML catalog), and a real
 * harvester (Perl's HTTP::OAI, {@code oai_pmh} from Debian's libhttp-oai-perl) harvests every record.
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
class OaiPmhResourceTest {

    private static final Path STANDARDS = Path.of("../shared/standards");
    private static Schema schema;

    @Inject
    ArticleCorrections corrections;

    @Inject
    SourceCollections collections;

    @TestHTTPResource("/oai")
    URL oai;

    @BeforeAll
    static void schemas() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver((LSResourceResolver) CatalogManager.catalogResolver(
                CatalogFeatures.builder()
                        .with(CatalogFeatures.Feature.RESOLVE, "strict")
                        .build(),
                STANDARDS.resolve("catalog.xml").toUri()));
        schema = factory.newSchema(
                new StreamSource(STANDARDS.resolve("oai-pmh-validation.xsd").toFile()));
    }

    /** The answer to the request, checked: status 200, XML, valid against the schemas. */
    private static XmlPath oai(String query) throws Exception {
        Response response = given().get(query.isEmpty() ? "/oai" : "/oai?" + query);
        return valid(response);
    }

    private static XmlPath valid(Response response) throws Exception {
        assertEquals(200, response.statusCode());
        assertTrue(response.contentType().startsWith("text/xml"), response.contentType());
        byte[] body = response.asByteArray();
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(body)));
        return new XmlPath(new String(body, StandardCharsets.UTF_8));
    }

    /** The arguments are read from the request as a whole, so the documentation is checked against the verbs'. */
    @Test
    void theOpenApiDocumentNamesEveryVerbAndArgument() {
        io.restassured.path.json.JsonPath openapi = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> names = openapi.getList("paths.'/oai'.get.parameters.name");
        Set<String> expected = new TreeSet<>(Set.of("verb"));
        OaiPmhResource.ARGUMENTS.values().forEach(expected::addAll);
        assertEquals(expected, new TreeSet<>(names));
        assertEquals(
                new TreeSet<>(OaiPmhResource.ARGUMENTS.keySet()),
                new TreeSet<>(openapi.getList("paths.'/oai'.get.parameters.find { it.name == 'verb' }.schema.enum")));
    }

    @Test
    void identifyListMetadataFormatsAndListSetsDescribeTheRepository() throws Exception {
        String url = uniqueUrl();
        String host = URI.create(url).getHost().substring(4);
        CatalogFixtures.ingest(article("Identify me", LocalDate.of(2021, 6, 7), url, "Text."));

        XmlPath identify = oai("verb=Identify");
        assertEquals("2.0", identify.getString("OAI-PMH.Identify.protocolVersion"));
        assertEquals("persistent", identify.getString("OAI-PMH.Identify.deletedRecord"));
        assertEquals("YYYY-MM-DDThh:mm:ssZ", identify.getString("OAI-PMH.Identify.granularity"));
        assertTrue(identify.getString("OAI-PMH.Identify.baseURL").endsWith("/oai"));
        assertEquals(
                "news-archive.local",
                identify.getString("OAI-PMH.Identify.description.oai-identifier.repositoryIdentifier"));

        XmlPath formats = oai("verb=ListMetadataFormats");
        assertEquals("oai_dc", formats.getString("OAI-PMH.ListMetadataFormats.metadataFormat.metadataPrefix"));

        List<String> sets = oai("verb=ListSets").getList("OAI-PMH.ListSets.set.setSpec");
        assertTrue(sets.containsAll(List.of("source", "source:" + host, "year", "year:2021")), sets.toString());
    }

    @Test
    void aSourceCollectionIsASetOfItsSourcesRecords() throws Exception {
        String url = uniqueUrl();
        String host = URI.create(url).getHost().substring(4);
        long id = CatalogFixtures.ingest(article("In a collection", LocalDate.of(2021, 6, 7), url, "Text."))
                .get(0);
        long outside = CatalogFixtures.ingest(article("Outside", LocalDate.of(2021, 6, 7), uniqueUrl(), "Text."))
                .get(0);
        String slug = collections.add("Harvested " + host, "", host, "dora");

        XmlPath sets = oai("verb=ListSets");
        assertTrue(
                sets.getList("OAI-PMH.ListSets.set.setSpec").containsAll(List.of("collection", "collection:" + slug)));
        assertEquals(
                "Articles of the collection Harvested " + host,
                sets.getString("OAI-PMH.ListSets.set.find { it.setSpec == 'collection:" + slug + "' }.setName"));

        XmlPath listed = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:" + slug);
        assertEquals(
                List.of("oai:news-archive.local:" + id), listed.getList("OAI-PMH.ListIdentifiers.header.identifier"));
        assertEquals(
                List.of("source:" + host, "year:2021", "collection:" + slug),
                listed.getList("OAI-PMH.ListIdentifiers.header.setSpec"));
        String datestamp = listed.getString("OAI-PMH.ListIdentifiers.header.datestamp");
        List<String> anyCollection = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection&from=" + datestamp)
                .getList("OAI-PMH.ListIdentifiers.header.identifier");
        assertTrue(anyCollection.contains("oai:news-archive.local:" + id), anyCollection.toString());
        assertFalse(anyCollection.contains("oai:news-archive.local:" + outside), anyCollection.toString());
        assertError("verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:no-such-" + slug, "noRecordsMatch");
    }

    @Test
    void aHarvestFollowsResumptionTokensThatSurviveInserts() throws Exception {
        for (int i = 0; i < 11; i++) {
            CatalogFixtures.ingest(article("Harvest " + i, LocalDate.of(2022, 3, 1), uniqueUrl(), "Text."));
        }
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        XmlPath page = oai("verb=ListIdentifiers&metadataPrefix=oai_dc");
        String token = page.getString("OAI-PMH.ListIdentifiers.resumptionToken");
        order.addAll(page.getList("OAI-PMH.ListIdentifiers.header.identifier"));
        assertEquals(10, order.size(), "catalog.oai.page-records in the tests");
        // stored after the first page: reached at the end, and nothing before it shifts
        CatalogFixtures.ingest(article("Harvest late", LocalDate.of(2022, 3, 2), uniqueUrl(), "Text."));
        while (!token.isEmpty()) {
            page = oai("verb=ListIdentifiers&resumptionToken=" + token);
            order.addAll(page.getList("OAI-PMH.ListIdentifiers.header.identifier"));
            token = page.getString("OAI-PMH.ListIdentifiers.resumptionToken");
        }
        seen.addAll(order);
        assertEquals(order.size(), seen.size(), "no record twice");
        assertEquals(CatalogTestDatabase.count("select count(*) from article"), seen.size(), "every record");
    }

    @Test
    void aWithdrawnVersionIsADeletedRecordAndACorrectionMovesItsDatestamp() throws Exception {
        String url = uniqueUrl();
        String host = URI.create(url).getHost().substring(4);
        long id = CatalogFixtures.ingest(article("To withdraw", LocalDate.of(2020, 2, 3), url, "Text."))
                .get(0);
        XmlPath before = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:news-archive.local:" + id);
        assertEquals("To withdraw", before.getString("OAI-PMH.GetRecord.record.metadata.dc.title"));
        assertEquals(url, before.getString("OAI-PMH.GetRecord.record.metadata.dc.source"));
        assertEquals("2020-02-03", before.getString("OAI-PMH.GetRecord.record.metadata.dc.date"));
        assertEquals(List.of("source:" + host, "year:2020"), before.getList("OAI-PMH.GetRecord.record.header.setSpec"));
        String datestamp = before.getString("OAI-PMH.GetRecord.record.header.datestamp");
        Thread.sleep(1100);
        assertInstanceOf(ArticleCorrections.Saved.class, corrections.withdraw(id, "legal takedown", 1, "bob"));

        XmlPath after = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:news-archive.local:" + id);
        assertEquals("deleted", after.getString("OAI-PMH.GetRecord.record.header.@status"));
        assertEquals("", after.getString("OAI-PMH.GetRecord.record.metadata"));
        String changed = after.getString("OAI-PMH.GetRecord.record.header.datestamp");
        assertTrue(changed.compareTo(datestamp) > 0, datestamp + " then " + changed);

        XmlPath since = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=source:" + host + "&from=" + changed);
        assertEquals("deleted", since.getString("OAI-PMH.ListIdentifiers.header.@status"));
        assertError(
                "verb=ListRecords&metadataPrefix=oai_dc&set=source:" + host + "&until=2000-01-01", "noRecordsMatch");
    }

    @Test
    void everyErrorOfTheProtocolIsAnsweredWithItsCode() throws Exception {
        assertError("", "badVerb");
        assertError("verb=Dance", "badVerb");
        assertError("verb=Identify&verb=Identify", "badVerb");
        assertError("verb=Identify&extra=1", "badArgument");
        assertError("verb=ListRecords", "badArgument");
        assertError("verb=ListRecords&metadataPrefix=oai_dc&from=yesterday", "badArgument");
        assertError("verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2020-01-02T00:00:00Z", "badArgument");
        assertError("verb=ListRecords&metadataPrefix=oai_dc&from=2021-01-01&until=2020-01-01", "badArgument");
        assertError("verb=ListRecords&metadataPrefix=oai_dc&set=source&set=year", "badArgument");
        assertError("verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc", "badArgument");
        assertError("verb=GetRecord&identifier=oai:news-archive.local:1", "badArgument");
        assertError("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat");
        assertError("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:1", "idDoesNotExist");
        assertError("verb=ListMetadataFormats&identifier=oai:news-archive.local:999999999", "idDoesNotExist");
        assertError("verb=ListRecords&metadataPrefix=oai_dc&from=2999-01-01", "noRecordsMatch");
        assertError("verb=ListRecords&metadataPrefix=oai_dc&set=shelf:7", "noRecordsMatch");
        assertError("verb=ListIdentifiers&resumptionToken=not-a-token", "badResumptionToken");
        assertError("verb=ListSets&resumptionToken=x", "badResumptionToken");
        String outOfRange = java.util.Base64.getUrlEncoder()
                .encodeToString("\n\n\n-99999999999999999\n1".getBytes(StandardCharsets.UTF_8));
        assertError("verb=ListRecords&resumptionToken=" + outOfRange, "badResumptionToken");
        XmlPath odd = oai("verb=ListRecords&metadataPrefix=a+b&set=x+y");
        assertEquals(
                "cannotDisseminateFormat", odd.getString("OAI-PMH.error.@code"), "valid though its arguments are not");
        XmlPath bad = oai("verb=ListRecords&metadataPrefix=oai_dc&from=yesterday");
        assertEquals(null, bad.getString("OAI-PMH.request.@verb"), "badArgument: the request names only the base URL");
    }

    @Test
    void aPostedFormIsAnsweredAsAGet() throws Exception {
        XmlPath posted = valid(given().contentType("application/x-www-form-urlencoded")
                .formParam("verb", "Identify")
                .post("/oai"));
        assertEquals("2.0", posted.getString("OAI-PMH.Identify.protocolVersion"));
    }

    @Test
    void perlsHarvesterHarvestsEveryRecord() throws Exception {
        CatalogFixtures.ingest(article("Harvested by Perl", LocalDate.of(2022, 3, 1), uniqueUrl(), "Text."));
        Process harvest = new ProcessBuilder(
                        "oai_pmh", "-X", "ListIdentifiers", "--metadataPrefix", "oai_dc", oai.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(harvest.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, harvest.waitFor(), output);
        long records = output.chars().filter(c -> c == '\f').count();
        assertEquals(CatalogTestDatabase.count("select count(*) from article"), records, "one record a form feed");
    }

    @Test
    void hostsASetSpecCannotHoldAreWrittenWithTildesAndReadBack() throws Exception {
        assertEquals("source:~5B2001~3Adb8~3A~3A1~5D", OaiPmhResource.sourceSet("[2001:db8::1]"));
        assertEquals("source:xn--e1afmkfd.example", OaiPmhResource.sourceSet("xn--e1afmkfd.example"));
        assertEquals("source:~D0~BF~D1~80.example", OaiPmhResource.sourceSet("пр.example"));
        String url = "https://[2001:db8::5]/news/" + java.util.UUID.randomUUID();
        CatalogFixtures.ingest(article("IPv6", LocalDate.of(2022, 4, 1), url, "Text."));
        XmlPath records =
                oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=" + OaiPmhResource.sourceSet("[2001:db8::5]"));
        assertTrue(
                records.getList("OAI-PMH.ListIdentifiers.header.setSpec").contains("source:~5B2001~3Adb8~3A~3A5~5D"));
    }

    private static void assertError(String query, String code) throws Exception {
        XmlPath answer = oai(query);
        assertEquals(code, answer.getString("OAI-PMH.error.@code"), query + ": " + answer.prettify());
    }
}
