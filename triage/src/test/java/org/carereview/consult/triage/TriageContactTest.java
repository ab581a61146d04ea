package org.carereview.consult.triage;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.experts.ApplicationWindow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The safeguarding lead and administrators can reach the person who sent a submission, through whatever that
 * channel kept (email, phone, consents, a trusted adult, the account they signed in with); a reviewer is told
 * nothing of it, and no email address or phone number is anywhere in what a reviewer gets.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageContactTest implements FreshDatabase {

    static final Pattern EMAIL_ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]+");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AccountService accounts;

    @Inject
    ApplicationWindow window;

    @Inject
    DataSource dataSource;

    String reviewer;
    String lead;
    String admin;

    @Override
    public Map<String, String> getProperties() {
        return TriageFixture.properties();
    }

    @BeforeAll
    void setUp() {
        reviewer = TriageFixture.staff(http, accounts, "reach.reviewer@example.org", Role.REVIEWER);
        lead = TriageFixture.staff(http, accounts, "reach.lead@example.org", Role.SAFEGUARDING_LEAD);
        admin = TriageFixture.admin(http);
        TriageFixture.openWindow(window);
    }

    private Map<String, Object> open(String id, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + "/" + id).bearerAuth(token),
                Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contactIn(Map<String, Object> opened) {
        return (Map<String, Object>) opened.get("contact");
    }

    private void assertAReviewerIsToldNothingOfIt(String id) {
        Map<String, Object> seen = open(id, reviewer);
        assertTrue(seen.containsKey("contact"), "the field is there, and empty");
        assertNull(seen.get("contact"));
        assertEquals(open(id, admin).get("consentToPublish"), seen.get("consentToPublish"),
                "whether they agreed to be quoted is not a way to reach them: reviewers need it to choose quotes");
        String raw = http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + "/" + id).bearerAuth(reviewer));
        assertFalse(EMAIL_ADDRESS.matcher(raw).find(), raw);
        assertFalse(raw.contains("07700"), raw);
    }

    @Test
    void theLeadAndAdministratorsGetTheEmailAndConsentsLeftWithAdviceEvenWhenItIsFlagged() {
        Map<String, Object> body = new HashMap<>();
        body.put("respondentType", "CARE_EXPERIENCED");
        body.put("keyQuestions", "My stepdad hits me and I am scared to go home.");
        body.put("themes", List.of("SAFETY"));
        body.put("contactEmail", "reach.advice@example.org");
        body.put("consentToContact", true);
        body.put("consentToPublish", true);
        String id = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions", body),
                Argument.mapOf(String.class, Object.class)).get("id");
        assertEquals(List.of("t"), TestSql.column(dataSource, "SELECT safeguarding FROM submission WHERE id = ?::uuid", id));

        for (String token : List.of(lead, admin)) {
            Map<String, Object> opened = open(id, token);
            Map<String, Object> contact = contactIn(opened);
            assertEquals("reach.advice@example.org", contact.get("email"));
            assertNull(contact.get("phone"));
            assertEquals(true, contact.get("consentToContact"));
            assertEquals(true, contact.get("signedIn"), "an email address given makes an account to sign in with");
            assertNull(contact.get("accountEmail"));
            assertNull(contact.get("trustedAdult"));
            assertEquals(true, opened.get("consentToPublish"));
        }
        // A reviewer does not even know a flagged submission exists; once the lead unflags it, they see no contact.
        http.toBlocking().exchange(HttpRequest.PATCH(TriageFixture.QUEUE + "/" + id, Map.of("safeguarding", false))
                .bearerAuth(lead));
        assertAReviewerIsToldNothingOfIt(id);
    }

    @Test
    void anUnder16sApplicationGivesTheirEmailPhoneAndTrustedAdultToTheLeadAndAdministratorsOnly() {
        Map<String, Object> body = new HashMap<>();
        body.put("experiences", List.of("IN_CARE"));
        body.put("name", "Robin Reachable");
        body.put("dateOfBirth", LocalDate.now(ZoneId.of("Europe/London")).minusYears(14).minusDays(3).toString());
        body.put("region", "LONDON");
        body.put("email", "reach.applicant@example.org");
        body.put("phone", "07700 900 123");
        body.put("trustedAdult", Map.of("name", "Alex Morgan", "relationship", "Foster carer",
                "email", "reach.adult@example.org", "phone", "+44 808 157 0192"));
        body.put("experienceStory", "I have lived in three foster homes.");
        body.put("motivation", "So younger children are listened to.");
        body.put("consents", Map.of("dataUse", true, "contactTrustedAdult", true));
        String id = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/experts-by-experience/applications",
                body), Argument.mapOf(String.class, Object.class)).get("id");

        for (String token : List.of(lead, admin)) {
            Map<String, Object> opened = open(id, token);
            Map<String, Object> contact = contactIn(opened);
            assertEquals("reach.applicant@example.org", contact.get("email"));
            assertEquals("07700 900 123", contact.get("phone"));
            assertNull(contact.get("consentToContact"), "an application does not ask");
            assertEquals(true, contact.get("signedIn"), "an email address given makes an account to sign in with");
            assertNull(contact.get("accountEmail"), "the same address as the one they gave");
            assertEquals(Map.of("name", "Alex Morgan", "relationship", "Foster carer", "email", "reach.adult@example.org",
                    "phone", "+44 808 157 0192", "consentToContact", true), contact.get("trustedAdult"));
            assertNull(opened.get("consentToPublish"), "an application does not ask");
        }
        assertAReviewerIsToldNothingOfIt(id);
    }

    @Test
    void aReviewerReadingAnAdviceSubmissionThroughItsChannelGetsTheWordsButNoEmailOrConsents() {
        Map<String, Object> body = new HashMap<>();
        body.put("respondentType", "CARE_EXPERIENCED");
        body.put("keyQuestions", "Why are placements so far from school?");
        body.put("themes", List.of("CARE"));
        body.put("contactEmail", "reach.channel@example.org");
        body.put("consentToContact", true);
        body.put("consentToPublish", true);
        String id = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions", body),
                Argument.mapOf(String.class, Object.class)).get("id");
        String route = "/api/v1/call-for-advice/submissions/" + id;

        String raw = http.toBlocking().retrieve(HttpRequest.GET(route).bearerAuth(reviewer));
        assertTrue(raw.contains("Why are placements so far from school?"), raw);
        assertFalse(EMAIL_ADDRESS.matcher(raw).find(), raw);
        assertFalse(raw.contains("consentToPublish\":true"), raw);
        for (String token : List.of(lead, admin)) {
            Map<String, Object> read = http.toBlocking().retrieve(HttpRequest.GET(route).bearerAuth(token),
                    Argument.mapOf(String.class, Object.class));
            assertEquals("reach.channel@example.org", read.get("contactEmail"));
            assertEquals(true, read.get("consentToPublish"));
        }
    }

    @Test
    void aReviewerIsNotShownAnApplicantsRegionOrAccessAndSupportNeeds() {
        Map<String, Object> body = new HashMap<>();
        body.put("experiences", List.of("IN_CARE"));
        body.put("name", "Sam Needs");
        body.put("dateOfBirth", LocalDate.now(ZoneId.of("Europe/London")).minusYears(19).toString());
        body.put("region", "LONDON");
        body.put("email", "reach.needs@example.org");
        body.put("experienceStory", "I lived in a children's home.");
        body.put("motivation", "To change things.");
        body.put("accessNeeds", "Step-free access please");
        body.put("supportNeeds", "A quiet room");
        body.put("consents", Map.of("dataUse", true));
        String id = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/experts-by-experience/applications",
                body), Argument.mapOf(String.class, Object.class)).get("id");

        String seen = http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + "/" + id).bearerAuth(reviewer));
        assertTrue(seen.contains("I lived in a children's home."), seen);
        for (String hidden : List.of("Step-free access please", "A quiet room", "\"region\"", "Sam Needs")) {
            assertFalse(seen.contains(hidden), hidden + " in " + seen);
        }
        String forLead = http.toBlocking().retrieve(HttpRequest.GET(TriageFixture.QUEUE + "/" + id).bearerAuth(lead));
        assertTrue(forLead.contains("Step-free access please") && forLead.contains("A quiet room"), forLead);
    }

    @Test
    void deepDiveFeedbackKeepsNoWayToReachWhoGaveIt() {
        String token = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/deep-dives/areas/camden/links",
                Map.of()).bearerAuth(admin), Argument.mapOf(String.class, Object.class)).get("token");
        Map<String, Object> card = new HashMap<>();
        card.put("participantType", "CARE_EXPERIENCED_YOUNG_PERSON");
        card.put("whatWorks", "My youth worker listens.");
        card.put("whatNeedsToChange", "Fewer moves.");
        String id = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/deep-dives/links/" + token + "/feedback",
                card), Argument.mapOf(String.class, Object.class)).get("id");

        for (String staff : List.of(lead, admin)) {
            Map<String, Object> opened = open(id, staff);
            Map<String, Object> contact = new HashMap<>(contactIn(opened));
            assertEquals(false, contact.remove("signedIn"));
            assertTrue(contact.values().stream().allMatch(v -> v == null), contact.toString());
            assertNull(opened.get("consentToPublish"));
        }
        assertAReviewerIsToldNothingOfIt(id);
    }

    @Test
    void someoneSignedInWhoLeftNoEmailCanBeReachedThroughTheirAccount() {
        String email = "reach.contributor@example.org";
        accounts.contributorFor(email);
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/magic-link", Map.of("email", email)));
        String contributor = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/magic-link/redeem",
                Map.of("token", TestSql.lastLinkToken(dataSource, "sign-in-link", email))), Map.class).get("accessToken");
        Map<String, Object> body = new HashMap<>();
        body.put("respondentType", "CARE_EXPERIENCED");
        body.put("keyQuestions", "Why are care leavers moved out at eighteen?");
        body.put("themes", List.of("CARE"));
        body.put("consentToContact", false);
        body.put("consentToPublish", false);
        String id = (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions", body)
                .bearerAuth(contributor), Argument.mapOf(String.class, Object.class)).get("id");

        for (String token : List.of(lead, admin)) {
            Map<String, Object> opened = open(id, token);
            Map<String, Object> contact = contactIn(opened);
            assertEquals(true, contact.get("signedIn"));
            assertNull(contact.get("email"));
            assertEquals(email, contact.get("accountEmail"), "the account's email is a way to reach them");
            assertEquals(false, contact.get("consentToContact"));
            assertEquals(false, opened.get("consentToPublish"));
        }
        assertAReviewerIsToldNothingOfIt(id);
    }
}
