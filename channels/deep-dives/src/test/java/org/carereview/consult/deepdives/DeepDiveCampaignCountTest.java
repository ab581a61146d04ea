package org.carereview.consult.deepdives;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.carereview.consult.deepdives.DeepDivesTestSupport.card;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.getJson;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.postJson;
import static org.carereview.consult.deepdives.DeepDivesTestSupport.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counting a copy-and-paste campaign once (ADR 0034): twelve copies of one card in Camden and twelve in Enfield,
 * grouped as one campaign, count as one card in each area when asked; every card counts otherwise.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepDiveCampaignCountTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    AccountService accounts;

    String reviewer;

    @Override
    public Map<String, String> getProperties() {
        return DeepDivesTestSupport.properties();
    }

    @BeforeAll
    void aCampaignInTwoAreasBesideOneOffCards() {
        reviewer = DeepDivesTestSupport.staffToken(http, accounts, "campaign.counts@example.org", Role.REVIEWER);
        Map<String, Object> copy = card("FAMILY", "Keep the family hub open on Saturdays", null, List.of("SUPPORT"), List.of());
        for (String area : List.of("camden", "enfield")) {
            List<Map<String, Object>> cards = new ArrayList<>(Collections.nCopies(12, copy));
            for (int i = 0; i < 11; i++) {
                cards.add(card("PRACTITIONER", null, "Caseloads, reason " + i, List.of("DELIVERY"), List.of()));
            }
            postJson(http, "/areas/" + area + "/feedback/bulk", Map.of("cards", cards), reviewer);
        }
        DeepDivesTestSupport.execute(dataSource, """
                INSERT INTO submission_campaign (submission_id, group_id, group_size, grouped_at)
                SELECT s.id, first_value(s.id) OVER (ORDER BY s.created_at, s.id), 24, now()
                FROM submission s JOIN deep_dive_feedback f ON f.submission_id = s.id
                WHERE f.participant_type = 'FAMILY'""");
    }

    @Test
    void everyCardCountsUnlessAskedToCountACampaignOnce() {
        assertEquals(23L, total(getJson(http, "/areas/camden/summary", reviewer)));
        assertEquals(23L, total(getJson(http, "/areas/camden/summary?count=every", reviewer)));
        assertEquals(12L, total(getJson(http, "/areas/camden/summary?count=campaigns-once", reviewer)),
                "eleven one-off cards and the campaign's twelve copies as one");
        assertEquals(12L, total(getJson(http, "/areas/enfield/summary?count=campaigns-once", reviewer)),
                "the same campaign counts once in each area it reached");
        assertEquals(12, support(getJson(http, "/comparison", reviewer)), "every copy counts under its theme");
        assertEquals("<10", support(getJson(http, "/comparison?count=campaigns-once", reviewer)),
                "one card under its theme, too few to show");
    }

    @Test
    void anUnknownWayOfCountingIsA422NamingTheParameter() {
        String problem = refused(HttpStatus.UNPROCESSABLE_ENTITY,
                () -> getJson(http, "/comparison?count=twice", reviewer));
        assertTrue(problem.contains("\"count\""), problem);
    }

    /** Camden's count under Support (the first theme) in the comparison by theme. */
    private static Object support(Map<String, Object> comparison) {
        Map<?, ?> byTheme = (Map<?, ?>) comparison.get("byTheme");
        Map<?, ?> camden = ((List<Map<?, ?>>) byTheme.get("rows")).stream()
                .filter(r -> "camden".equals(r.get("area"))).findFirst().orElseThrow();
        return ((List<?>) camden.get("counts")).get(0);
    }

    private static long total(Map<String, Object> summary) {
        List<Map<?, ?>> months = (List<Map<?, ?>>) ((Map<?, ?>) summary.get("byMonth")).get("items");
        return ((Number) months.get(months.size() - 1).get("count")).longValue();
    }
}
