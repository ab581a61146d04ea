package org.carereview.consult.triage;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.carereview.consult.db.FreshDatabase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exports: the filtered set as streamed CSV and as a real ODS, with formula injection neutralised. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageExportTest implements FreshDatabase {

    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AccountService accounts;

    @Inject
    javax.sql.DataSource dataSource;

    String reviewer;
    String formulaId;

    @Override
    public Map<String, String> getProperties() {
        return TriageFixture.properties();
    }

    @BeforeAll
    void setUp() {
        reviewer = TriageFixture.staff(http, accounts, "export.reviewer@example.org", Role.REVIEWER);
        formulaId = (String) TriageFixture.advice(http, FORMULA, List.of("DELIVERY")).get("id");
        for (String start : List.of("+1+1", "-2+3", "@SUM(A1)", "\tTabbed", "\rReturned")) {
            TriageFixture.advice(http, start + " and a question about social work caseloads, \"quoted\", with commas",
                    List.of("DELIVERY"));
        }
        TriageFixture.advice(http, "Something about schools, not delivery.", List.of("SUPPORT"));
    }

    private HttpResponse<byte[]> download(String path) {
        return http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(reviewer), byte[].class);
    }

    @Test
    void theCsvHasAHeaderOneRowPerSubmissionAndNeutralisedFormulae() {
        HttpResponse<byte[]> response = download("/api/v1/triage/export.csv?theme=DELIVERY");
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/csv"));
        assertTrue(response.getHeaders().get("Content-Disposition").contains("attachment"));
        String csv = new String(response.body(), StandardCharsets.UTF_8);
        List<List<String>> rows = Csv.parse(csv.substring(1));
        assertEquals(List.of(TriageExport.COLUMNS), rows.get(0));
        assertEquals(List.of("respondentType", "consentToPublish", "organisation", "keyQuestions"), rows.get(0).subList(9, 13));
        assertEquals(7, rows.size(), "header and six DELIVERY submissions");
        List<String> texts = rows.subList(1, rows.size()).stream().map(r -> r.get(12)).toList();
        assertTrue(texts.contains("'" + FORMULA), texts.toString());
        for (String start : List.of("'+1+1", "'-2+3", "'@SUM(A1)", "'\tTabbed", "'\rReturned")) {
            assertTrue(texts.stream().anyMatch(t -> t.startsWith(start)), start);
        }
        assertTrue(texts.stream().noneMatch(t -> t.startsWith("=") || t.startsWith("+") || t.startsWith("@")));
        assertFalse(csv.contains("schools, not delivery"));
    }

    @Test
    void theOdsIsARealSpreadsheetWithStringCellsOnly() throws Exception {
        HttpResponse<byte[]> response = download("/api/v1/triage/export.ods?theme=DELIVERY");
        assertEquals(OdsSink.MIMETYPE, response.getContentType().orElseThrow().toString());
        byte[] ods = response.body();
        assertEquals("mimetype", new String(ods, 30, 8, StandardCharsets.US_ASCII), "mimetype is the first entry");
        assertEquals(OdsSink.MIMETYPE, new String(ods, 38, OdsSink.MIMETYPE.length(), StandardCharsets.US_ASCII),
                "stored uncompressed, as the format requires");
        byte[] content = null;
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ods))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                names.add(entry.getName());
                if (entry.getName().equals("content.xml")) {
                    content = zip.readAllBytes();
                }
            }
        }
        assertEquals(List.of("mimetype", "META-INF/manifest.xml", "content.xml"), names);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
        String table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
        NodeList rows = doc.getElementsByTagNameNS(table, "table-row");
        assertEquals(7, rows.getLength());
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < rows.getLength(); i++) {
            NodeList cells = ((Element) rows.item(i)).getElementsByTagNameNS(table, "table-cell");
            Element text = (Element) cells.item(12);
            assertEquals("string", text.getAttributeNS("urn:oasis:names:tc:opendocument:xmlns:office:1.0", "value-type"));
            texts.add(text.getTextContent());
        }
        assertTrue(texts.contains("'" + FORMULA), texts.toString());
        assertEquals(0, doc.getElementsByTagNameNS(table, "formula").getLength());
    }

    @Test
    void eachQuestionIsAColumnWithWhoAnsweredAndWhetherTheyAgreedToBeQuotedButNeverHowToReachThem() {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("respondentType", "FOSTER_OR_KINSHIP_CARER");
        body.put("keyQuestions", "Why are kinship carers paid less than foster carers?");
        body.put("groupsToSpeakTo", "Grandparents raising grandchildren");
        body.put("themes", List.of("SUSTAINABILITY"));
        body.put("contactEmail", "kinship.carer@example.org");
        body.put("consentToContact", true);
        body.put("consentToPublish", true);
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/call-for-advice/submissions", body));

        List<List<String>> rows = Csv.parse(new String(download("/api/v1/triage/export.csv?theme=SUSTAINABILITY").body(),
                StandardCharsets.UTF_8).substring(1));
        List<String> header = rows.get(0);
        assertEquals(2, rows.size());
        java.util.function.Function<String, String> cell = column -> rows.get(1).get(header.indexOf(column));
        assertEquals("FOSTER_OR_KINSHIP_CARER", cell.apply("respondentType"));
        assertEquals("true", cell.apply("consentToPublish"));
        assertEquals("Why are kinship carers paid less than foster carers?", cell.apply("keyQuestions"));
        assertEquals("Grandparents raising grandchildren", cell.apply("groupsToSpeakTo"));
        assertEquals("", cell.apply("engagementAdvice"));
        assertFalse(String.join(",", rows.get(1)).contains("kinship.carer@example.org"), "contact details are never exported");
        assertFalse(header.contains("text"), "no longer one joined text column");

        Map<?, ?> agreed = http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE
                + "?theme=SUSTAINABILITY&consentToPublish=true").bearerAuth(reviewer), Map.class);
        assertEquals(1, ((List<?>) agreed.get("items")).size(), "the queue filters on consent to be quoted");
        Map<?, ?> refused = http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE
                + "?theme=DELIVERY&consentToPublish=false").bearerAuth(reviewer), Map.class);
        assertEquals(6, ((List<?>) refused.get("items")).size(), "the six DELIVERY advice rows did not agree");
        assertEquals(1, Csv.parse(new String(download("/api/v1/triage/export.csv?theme=DELIVERY&consentToPublish=true")
                .body(), StandardCharsets.UTF_8).substring(1)).size(), "the export takes the same filter: header only");
        HttpClientResponseException bad = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET(TriageFixture.QUEUE + "?consentToPublish=maybe")
                        .bearerAuth(reviewer)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, bad.getStatus());
    }

    @Test
    void aFormulaAfterLeadingSpacesIsNeutralisedToo() {
        TriageFixture.advice(http, "  =1+2 and then a question about stability", List.of("SAFETY"));
        List<List<String>> rows = Csv.parse(new String(download("/api/v1/triage/export.csv?theme=SAFETY").body(),
                StandardCharsets.UTF_8).substring(1));
        String cell = rows.get(1).get(rows.get(0).indexOf("keyQuestions"));
        assertTrue(cell.startsWith("'  =1+2 and then"), cell);
    }

    @Test
    void anExportIsAuditedOnceWithItsFilterAndTheRowsItSent() {
        long before = org.carereview.consult.db.TestSql.count(dataSource, "SELECT coalesce(max(id), 0) FROM audit_event");
        int rows = Csv.parse(new String(download("/api/v1/triage/export.csv?theme=DELIVERY").body(),
                StandardCharsets.UTF_8).substring(1)).size() - 1;

        List<String> events = org.carereview.consult.db.TestSql.column(dataSource, "SELECT action || ' ' || detail || ' ' "
                + "|| row_count FROM audit_event WHERE id > ? AND action = 'EXPORT'", before);
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("EXPORT csv ") && events.get(0).contains("DELIVERY")
                && events.get(0).endsWith(" " + rows), events + " for " + rows + " rows");
    }

    @Test
    void aLargeExportStreamsEveryRow() {
        for (int i = 0; i < 300; i++) {
            TriageFixture.advice(http, "Bulk export row " + i + " ".repeat(200) + "end", List.of("ACCOUNTABILITY"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(download("/api/v1/triage/export.csv?theme=ACCOUNTABILITY").body());
        assertEquals(301, Csv.parse(out.toString(StandardCharsets.UTF_8).substring(1)).size());
    }

    @Test
    void badExportFiltersAre422BeforeAnythingIsSent() {
        for (String path : List.of("/api/v1/triage/export.csv?status=SOMEWHERE", "/api/v1/triage/export.csv?area=atlantis",
                "/api/v1/triage/export.ods?from=tomorrow")) {
            HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                    () -> download(path));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus(), path);
        }
    }

    /**
     * The export takes the queue's filters, the flag's too: asked for flagged submissions (the link under the lead's
     * "Flagged for safeguarding" list) it sends none, since an export never holds one, rather than every other
     * submission as it did when the export ignored that filter.
     */
    @Test
    void anExportAskedForFlaggedSubmissionsSendsNoneRatherThanEveryOther() {
        String flagged = new String(download("/api/v1/triage/export.csv?theme=DELIVERY&safeguarding=true").body(),
                StandardCharsets.UTF_8);
        assertEquals(1, Csv.parse(flagged.substring(1)).size(), "the header alone");
        String unflagged = new String(download("/api/v1/triage/export.csv?theme=DELIVERY&safeguarding=false").body(),
                StandardCharsets.UTF_8);
        assertEquals(7, Csv.parse(unflagged.substring(1)).size(), "the header and the six DELIVERY submissions");
    }

    @Test
    void searchTextThatLooksLikeSqlIsOnlyEverSearchedFor() {
        for (String q : List.of("x'; DROP TABLE submission; --", "\\'", "E'\\x00'", "caseloads\u0000")) {
            String csv = new String(http.toBlocking().exchange(HttpRequest.GET("/api/v1/triage/export.csv?q="
                    + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)).bearerAuth(reviewer), byte[].class).body(),
                    StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("\uFEFFid,reference"), q);
        }
        assertEquals(6, Csv.parse(new String(download("/api/v1/triage/export.csv?q=caseloads").body(),
                StandardCharsets.UTF_8).substring(1)).size(), "the header and the five rows about caseloads");
    }

    /** A small RFC 4180 reader (LF or CRLF rows), enough to check what a spreadsheet would read. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    cell.append(c);
                }
            }
            return rows;
        }
    }
}
