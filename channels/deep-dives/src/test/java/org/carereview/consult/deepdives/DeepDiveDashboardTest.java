package org.carereview.consult.deepdives;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.carereview.consult.deepdives.DeepDivesTestSupport.API;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.card;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.getJson;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.postJson;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suppression rule holds on the summary, the comparison and their CSV exports, and every number they
 * show is the count worked out here directly in SQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepDiveDashboardTest implements FreshDatabase {

    static final String COUNTED = " FROM submission s JOIN deep_dive_feedback f ON f.submission_id = s.id "
            + "JOIN area a ON a.id = f.area_id LEFT JOIN deep_dive_session ses ON ses.id = f.session_id "
            + "WHERE s.status NOT IN ('QUARANTINED', 'WITHDRAWN') AND a.slug = ? AND ";
    static final Map<String, String> CONDITION = Map.of(
            "theme", "? = ANY (s.themes)",
            "dilemma", "? = ANY (s.dilemmas)",
            "participant-type", "f.participant_type = ?",
            "month", "to_char(coalesce(ses.held_on, (s.submitted_at AT TIME ZONE 'Europe/London')::date), 'YYYY-MM') = ?");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    AccountService accounts;

    String reviewer;
    YearMonth sessionMonth;

    @Override
    public Map<String, String> getProperties() {
        return DeepDivesTestSupport.properties();
    }

    private static List<Map<String, Object>> times(int n, Map<String, Object> card) {
        return Collections.nCopies(n, card);
    }

    @BeforeAll
    void feedbackFromThreeAreas() {
        String admin = DeepDivesTestSupport.adminToken(http);
        reviewer = DeepDivesTestSupport.staffToken(http, accounts, "dashboards.reviewer@example.org", Role.REVIEWER);
        LocalDate heldOn = LocalDate.now(ZoneId.of("Europe/London")).minusMonths(2);
        sessionMonth = YearMonth.from(heldOn);
        String session = DeepDivesTestSupport.session(http, admin, "enfield", heldOn.toString(), "FAMILIES");

        List<Map<String, Object>> camden = new ArrayList<>();
        camden.addAll(times(25, card("FAMILY", "Family hub", null, List.of("SUPPORT", "CARE"), List.of("HELP_AND_PROTECTION"))));
        camden.addAll(times(3, card("PRACTITIONER", null, "Caseloads", List.of("DELIVERY"), List.of())));
        camden.addAll(times(12, card("LEADER", "Partnerships", null, List.of("DELIVERY", "ACCOUNTABILITY"),
                List.of("LOCAL_REGIONAL_NATIONAL"))));
        postJson(http, "/areas/camden/feedback/bulk", Map.of("cards", camden), reviewer);

        Map<String, Object> atSession = card("FAMILY", "Early help", null, List.of("SUPPORT"), List.of());
        atSession.put("sessionId", session);
        List<Map<String, Object>> enfield = new ArrayList<>(times(20, atSession));
        enfield.addAll(times(4, card("CARE_EXPERIENCED_YOUNG_PERSON", "My PA", null, List.of("CARE", "SAFETY"), List.of())));
        enfield.addAll(times(10, card("PRACTITIONER", null, "Turnover", List.of("DELIVERY"), List.of("FREEDOM_AND_RESPONSIBILITY"))));
        postJson(http, "/areas/enfield/feedback/bulk", Map.of("cards", enfield), reviewer);

        postJson(http, "/areas/cumbria/feedback", card("OTHER", "Distances", null, List.of("SUPPORT"), List.of()), reviewer);

        // Neither possible spam nor withdrawn feedback is counted.
        String token = DeepDivesTestSupport.link(http, reviewer, "camden", null);
        Map<String, Object> spam = card("FAMILY", "spam", null, List.of("SUPPORT"), List.of());
        spam.put("website", "http://spam.example");
        postJson(http, "/links/" + token + "/feedback", spam, null);
        Map<String, Object> withdrawn = postJson(http, "/links/" + token + "/feedback",
                card("FAMILY", "I changed my mind", null, List.of("SUPPORT"), List.of()), null);
        DeepDivesTestSupport.execute(dataSource, "UPDATE submission SET status = 'WITHDRAWN' WHERE id = ?::uuid",
                withdrawn.get("id"));
    }

    @Test
    void theComparisonShowsOnlyCountsOfTenOrMoreAndEveryOneIsTheCountInSql() {
        Map<String, Object> comparison = getJson(http, "/comparison", reviewer);
        for (String key : List.of("byTheme", "byDilemma", "byParticipantType", "byMonth")) {
            Map<?, ?> table = (Map<?, ?>) comparison.get(key);
            List<String> codes = ((List<Map<?, ?>>) table.get("columns")).stream().map(c -> (String) c.get("code")).toList();
            List<Map<?, ?>> rows = (List<Map<?, ?>>) table.get("rows");
            assertEquals(10, rows.size(), "every area is compared, with or without feedback");
            Object[][] cells = new Object[rows.size()][codes.size()];
            long[][] sql = new long[rows.size()][codes.size()];
            for (int r = 0; r < rows.size(); r++) {
                List<?> counts = (List<?>) rows.get(r).get("counts");
                for (int c = 0; c < codes.size(); c++) {
                    cells[r][c] = counts.get(c);
                    sql[r][c] = sqlCount((String) table.get("dimension"), (String) rows.get(r).get("area"), codes.get(c));
                    assertPublished(sql[r][c], cells[r][c], key + " " + rows.get(r).get("area") + " " + codes.get(c));
                }
                assertEquals(shownSum(cells[r]), ((Number) rows.get(r).get("total")).longValue(), "row totals add up shown counts");
            }
            assertLinesProtected(cells, sql, key);
            for (int c = 0; c < codes.size(); c++) {
                Object[] column = new Object[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    column[r] = cells[r][c];
                }
                assertEquals(shownSum(column), ((Number) ((List<?>) table.get("columnTotals")).get(c)).longValue());
            }
        }
        Map<?, ?> byMonth = (Map<?, ?>) comparison.get("byMonth");
        assertEquals(sessionMonth.toString(), ((List<Map<?, ?>>) byMonth.get("columns")).get(0).get("code"),
                "cards from a session count in the session's month");
    }

    @Test
    void theBackCalculationCaseTheSmallCountCannotBeWorkedOutFromTheAreasTotal() {
        Map<String, Object> summary = getJson(http, "/areas/camden/summary", reviewer);
        List<Map<?, ?>> types = (List<Map<?, ?>>) ((Map<?, ?>) summary.get("byParticipantType")).get("items");
        assertEquals(25, count(types, "FAMILY"), "possible spam and withdrawn feedback are not counted");
        assertEquals("<10", count(types, "PRACTITIONER"));
        assertEquals("suppressed", count(types, "LEADER"),
                "40 cards in all (by month) less 25 would give away the 3 practitioners; so the 12 leaders are hidden too");
        assertEquals(25, ((Map<?, ?>) summary.get("byParticipantType")).get("total"), "the total adds up shown counts only");
        List<Map<?, ?>> months = (List<Map<?, ?>>) ((Map<?, ?>) summary.get("byMonth")).get("items");
        assertEquals(40, months.get(months.size() - 1).get("count"), "the area's 40 cards are all from this month");
        assertEquals("Camden", ((Map<?, ?>) summary.get("area")).get("name"));
    }

    @Test
    void eachAreasSummaryIsItsRowOfTheComparison() {
        Map<String, Object> comparison = getJson(http, "/comparison", reviewer);
        for (String slug : List.of("camden", "enfield", "cumbria", "darlington")) {
            Map<String, Object> summary = getJson(http, "/areas/" + slug + "/summary", reviewer);
            for (String key : List.of("byTheme", "byDilemma", "byParticipantType", "byMonth")) {
                Map<?, ?> row = ((List<Map<?, ?>>) ((Map<?, ?>) comparison.get(key)).get("rows")).stream()
                        .filter(r -> slug.equals(r.get("area"))).findFirst().orElseThrow();
                List<Object> items = ((List<Map<?, ?>>) ((Map<?, ?>) summary.get(key)).get("items")).stream()
                        .map(i -> (Object) i.get("count")).toList();
                assertEquals(row.get("counts"), items, slug + " " + key);
                assertEquals(row.get("total"), ((Map<?, ?>) summary.get(key)).get("total"));
            }
        }
    }

    @Test
    void theCsvExportsCarryExactlyTheSameSuppressedCounts() {
        Map<String, Object> comparison = getJson(http, "/comparison", reviewer);
        for (String by : List.of("theme", "dilemma", "participant-type", "month")) {
            String csv = http.toBlocking().retrieve(HttpRequest.GET(API + "/comparison.csv?by=" + by).bearerAuth(reviewer));
            List<CsvReader.Record> records = CsvReader.read(csv);
            Map<?, ?> table = (Map<?, ?>) comparison.get(switch (by) {
                case "theme" -> "byTheme";
                case "dilemma" -> "byDilemma";
                case "participant-type" -> "byParticipantType";
                default -> "byMonth";
            });
            List<Map<?, ?>> rows = (List<Map<?, ?>>) table.get("rows");
            assertEquals(rows.size() + 2, records.size(), "header, one line per area, and the totals");
            for (int r = 0; r < rows.size(); r++) {
                List<String> line = records.get(r + 1).values();
                assertEquals(rows.get(r).get("name"), line.get(0));
                List<?> counts = (List<?>) rows.get(r).get("counts");
                for (int c = 0; c < counts.size(); c++) {
                    assertEquals(String.valueOf(counts.get(c)), line.get(c + 1), by + " " + line.get(0));
                }
                assertEquals(String.valueOf(rows.get(r).get("total")), line.get(line.size() - 1));
            }
        }
        String summary = http.toBlocking().retrieve(HttpRequest.GET(API + "/areas/camden/summary.csv").bearerAuth(reviewer));
        assertTrue(summary.contains("\"Camden\",\"participant-type\",\"PRACTITIONER\",\"Practitioner\",\"<10\"\r\n"), summary);
        assertTrue(summary.contains("\"Camden\",\"participant-type\",\"LEADER\",\"Leader or manager\",\"suppressed\"\r\n"));
        assertTrue(summary.contains("\"Camden\",\"participant-type\",\"FAMILY\",\"Parent or family member\",\"25\"\r\n"));
        assertTrue(summary.contains("\"Camden\",\"participant-type\",\"\",\"Total of the counts shown\",\"25\"\r\n"));
        for (CsvReader.Record line : CsvReader.read(summary).subList(1, CsvReader.read(summary).size())) {
            String value = line.values().get(4);
            assertTrue(value.equals("<10") || value.equals("suppressed") || value.equals("0")
                    || Long.parseLong(value) >= 10, "never a count from 1 to 9: " + line);
        }
    }

    @Test
    void dashboardsAreForStaffOnlyAndKnowOnlyTheirAreasAndDimensions() {
        refused(HttpStatus.UNAUTHORIZED, () -> http.toBlocking().exchange(HttpRequest.GET(API + "/comparison")));
        refused(HttpStatus.UNAUTHORIZED, () -> http.toBlocking().exchange(HttpRequest.GET(API + "/areas/camden/summary")));
        refused(HttpStatus.NOT_FOUND, () -> getJson(http, "/areas/atlantis/summary", reviewer));
        refused(HttpStatus.UNPROCESSABLE_ENTITY, () -> http.toBlocking().exchange(HttpRequest.GET(API + "/comparison.csv?by=colour")
                .bearerAuth(reviewer)));
    }

    private long sqlCount(String dimension, String slug, String code) {
        return TestSql.count(dataSource, "SELECT count(*)" + COUNTED + CONDITION.get(dimension), slug, code);
    }

    private static Object count(List<Map<?, ?>> items, String code) {
        return items.stream().filter(i -> code.equals(i.get("code"))).findFirst().orElseThrow().get("count");
    }

    /** A number is the SQL count (0 or 10 and over); "<10" stands for 1 to 9; "suppressed" for 10 or more. */
    private static void assertPublished(long sql, Object published, String where) {
        if (published instanceof Number n) {
            assertEquals(sql, n.longValue(), where);
            assertTrue(sql == 0 || sql >= 10, where + " shows a small count: " + sql);
        } else if ("<10".equals(published)) {
            assertTrue(sql >= 1 && sql <= 9, where);
        } else {
            assertEquals("suppressed", published, where);
            assertTrue(sql >= 10, where);
        }
    }

    /** No row or column has exactly one suppressed cell beside a shown count it could hide behind. */
    private static void assertLinesProtected(Object[][] cells, long[][] sql, String table) {
        for (int r = 0; r < cells.length; r++) {
            assertLine(cells[r], sql[r], table + " row " + r);
        }
        for (int c = 0; c < (cells.length == 0 ? 0 : cells[0].length); c++) {
            Object[] column = new Object[cells.length];
            long[] values = new long[cells.length];
            for (int r = 0; r < cells.length; r++) {
                column[r] = cells[r][c];
                values[r] = sql[r][c];
            }
            assertLine(column, values, table + " column " + c);
        }
    }

    private static void assertLine(Object[] cells, long[] sql, String where) {
        long suppressed = java.util.Arrays.stream(cells).filter(c -> !(c instanceof Number)).count();
        boolean shownNonZero = java.util.stream.IntStream.range(0, cells.length).anyMatch(i -> cells[i] instanceof Number && sql[i] > 0);
        assertTrue(suppressed != 1 || !shownNonZero || cells.length < 2, where + " leaves one suppressed cell alone");
    }

    private static long shownSum(Object[] cells) {
        return java.util.Arrays.stream(cells).filter(c -> c instanceof Number).mapToLong(c -> ((Number) c).longValue()).sum();
    }
}
