package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.deepdives.Feedback;
import org.carereview.consult.deepdives.FeedbackInput;
import org.carereview.consult.deepdives.Links;
import org.carereview.consult.deepdives.SessionInput;
import org.carereview.consult.deepdives.Sessions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The words of the deep-dive feedback page and of the contributor's own pages (signing in with an emailed link,
 * "Your submissions"), walked in each version: every page, with its error state, is read at the standard or the
 * child-friendly grade, or shows only bundle keys, and passes axe and the Nu HTML Checker ({@link PublicPageCheck}).
 * The person has sent one submission through each channel before signing in, so the list and each submission's
 * page show every kind of answer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepDiveAndAccountWordsTest implements FreshDatabase {

    static final String AREA = "Camden";
    static final String ADVICE = "Why do children move home so often?";
    static final String WORKS = "My personal adviser answers the phone.";
    static final String NAME = "Jordan Example";
    static final String STORY = "I lived in three foster homes.";
    static final String MOTIVATION = "I want the review to hear what moving schools felt like.";
    static final String AVAILABILITY = "Weekends";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    Links links;

    @Inject
    Sessions sessions;

    @Inject
    Feedback feedback;

    /** A link for one session of the area's, so the page names the session and who it was with. */
    String token;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.words.keys-version", "true");
        // A browser answers faster than a person, and the walk posts more often than the limit allows.
        properties.put("consult.deep-dives.minimum-time", "0s");
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    @BeforeAll
    void aLinkForASession() {
        String session = sessions.add("camden", new SessionInput("2027-03-12", "FAMILIES", null, null), null).id().toString();
        token = links.create("camden", session, null).token();
    }

    @ParameterizedTest
    @EnumSource(PublicPageCheck.Version.class)
    void theFeedbackPageAndTheContributorsPagesAreInTheBundlesWords(PublicPageCheck.Version version) {
        String base = server.getURL().toString();
        String email = "words." + version.name().toLowerCase(Locale.ROOT) + "@example.org";
        Sent sent = sendOneOfEach(email);
        try (BrowserContext context = Browser.get().newContext()) {
            PublicPageCheck check = new PublicPageCheck(context, base, version, "deep dives and account")
                    .allow(AREA, ADVICE, WORKS, NAME, STORY, MOTIVATION, AVAILABILITY, email)
                    .allow(sent.advice().reference(), sent.application().reference(), sent.feedback().reference());
            Page page = context.newPage();

            giveFeedback(page, check, version);
            signIn(page, check, version, email);
            readWhatWasSent(page, check, version, sent);
            withdraw(page, check, version, sent.advice());

            Response expired = page.navigate(base + "/sign-in/" + TestSql.lastLinkToken(dataSource, "sign-in-link", email));
            assertEquals(404, expired.status(), "the link was used");
            check.check(page, "link expired");
            seeAndEraseYourData(page, check);
            check.finish();
        }
    }

    private void giveFeedback(Page page, PublicPageCheck check, PublicPageCheck.Version version) {
        page.navigate(server.getURL() + "/deep-dives/feedback/" + token);
        allowSafetyWords(page, check);
        check.check(page, "feedback");

        Response invalid = page.waitForResponse(r -> r.request().method().equals("POST"), () -> page.locator("#send").click());
        assertEquals(422, invalid.status());
        page.locator(".govuk-error-summary").waitFor();
        if (version == PublicPageCheck.Version.CHILD) {
            assertTrue(page.locator(".govuk-error-summary").innerText().contains("Choose who you are"),
                    "the errors come in the child-friendly words too");
        }
        check.check(page, "feedback, with errors");

        page.locator("#participantType").check();
        page.locator("#whatWorks").fill(WORKS);
        Browser.clickAndWait(page, page.locator("#send"));
        assertTrue(page.url().contains("/deep-dives/feedback/sent/"), page.url());
        check.allow(page.getByTestId("reference").innerText());
        allowSafetyWords(page, check);
        check.check(page, "feedback sent");

        Response closed = page.navigate(server.getURL() + "/deep-dives/feedback/not-a-link");
        assertEquals(404, closed.status());
        if (version == PublicPageCheck.Version.KEYS) {
            // The error page around the heading and message is not this page's (views/error.html).
            assertEquals("\u27e6deepdives.closed.heading\u27e7", page.locator("h1").innerText().strip());
        } else {
            check.check(page, "feedback link not open");
        }
    }

    private void signIn(Page page, PublicPageCheck check, PublicPageCheck.Version version, String email) {
        page.navigate(server.getURL() + "/sign-in");
        check.check(page, "sign in");

        Response invalid = page.waitForResponse(r -> r.request().method().equals("POST"),
                () -> page.locator("main form button").click());
        assertEquals(422, invalid.status());
        page.locator(".govuk-error-summary").waitFor();
        if (version == PublicPageCheck.Version.KEYS) {
            assertTrue(page.locator(".govuk-error-summary").innerText().contains("\u27e6account.error.email.missing\u27e7"),
                    page.locator(".govuk-error-summary").innerText());
        }
        check.check(page, "sign in, with errors");

        page.locator("#email").fill(email);
        Browser.clickAndWait(page, page.locator("main form button"));
        assertEquals(server.getURL() + "/sign-in/check-your-email", page.url());
        check.check(page, "check your email");

        page.navigate(server.getURL() + "/sign-in/" + TestSql.lastLinkToken(dataSource, "sign-in-link", email));
        check.check(page, "the emailed link");
        Browser.clickAndWait(page, page.locator("main form button"));
        assertEquals(server.getURL() + "/your-submissions", page.url());
    }

    private void readWhatWasSent(Page page, PublicPageCheck check, PublicPageCheck.Version version, Sent sent) {
        assertEquals(3, page.locator("tbody tr").count(), "one of each channel");
        check.check(page, "your submissions");
        for (Receipt receipt : List.of(sent.advice(), sent.application(), sent.feedback())) {
            page.navigate(server.getURL() + "/your-submissions/" + receipt.id());
            check.check(page, "submission " + receipt.reference().substring(0, 3));
        }
        if (version == PublicPageCheck.Version.KEYS) {
            page.navigate(server.getURL() + "/your-submissions/" + sent.application().id());
            String answers = page.locator("main").innerText();
            for (String key : List.of("account.answer.experiences", "account.choice.experiences.CARE_LEAVER",
                    "account.choice.region.NORTH_WEST", "account.choice.outcome.SUBMITTED")) {
                assertTrue(answers.contains("\u27e6" + key + "\u27e7"), key + " in " + answers);
            }
        }
    }

    private void withdraw(Page page, PublicPageCheck check, PublicPageCheck.Version version, Receipt advice) {
        page.navigate(server.getURL() + "/your-submissions/" + advice.id());
        Browser.clickAndWait(page, page.locator("main a[href$='/withdraw']"));
        // The warning's hidden "Warning" comes from views/govuk/warning-text.html, which has no key yet.
        check.allow("Warning");
        check.check(page, "withdraw");
        Browser.clickAndWait(page, page.locator("main form button"));
        assertTrue(page.url().contains("/your-submissions?withdrawn="), page.url());
        assertEquals(1, page.locator(".govuk-notification-banner--success").count());
        check.check(page, "your submissions, one withdrawn");
        page.navigate(server.getURL() + "/your-submissions/" + advice.id());
        check.check(page, "a withdrawn submission");
        if (version == PublicPageCheck.Version.STANDARD) {
            assertTrue(page.locator("main").innerText().contains("Withdrawn on "), page.locator("main").innerText());
        }
    }

    /** "Your data", its confirmation and the page after erasing: the last pages of the walk (the account goes). */
    private void seeAndEraseYourData(Page page, PublicPageCheck check) {
        page.navigate(server.getURL() + "/your-submissions");
        Browser.clickAndWait(page, page.locator("main a[href='/your-data']"));
        check.check(page, "your data");
        Browser.clickAndWait(page, page.locator("main a[href='/your-data/erase']"));
        check.check(page, "erase your data");
        Browser.clickAndWait(page, page.locator("main form button"));
        assertTrue(page.url().endsWith("/your-data/erased"), page.url());
        check.check(page, "your data erased");
    }

    /**
     * The safety words (views/safety.html) are worded apart from these pages: on the KEYS walk, whatever that file
     * shows is let through, found by its tap-to-call numbers rather than by its words.
     */
    private static void allowSafetyWords(Page page, PublicPageCheck check) {
        Locator safety = page.locator("xpath=//main//*[self::div or self::ul][.//a[starts-with(@href,'tel:')]]"
                + " | //main//ul[.//a[starts-with(@href,'tel:')]]/preceding-sibling::h2[1]");
        for (String text : safety.allInnerTexts()) {
            check.allow(text);
        }
    }

    /** An advice, an application and a feedback card, all sent by this person. */
    private Sent sendOneOfEach(String email) {
        Map<String, Object> advice = AdviceApi.send(http, ADVICE, List.of("CARE"), email);
        Map<String, Object> body = new HashMap<>();
        body.put("experiences", List.of("IN_CARE", "CARE_LEAVER"));
        body.put("name", NAME);
        body.put("dateOfBirth", "2005-05-14");
        body.put("region", "NORTH_WEST");
        body.put("email", email);
        body.put("experienceStory", STORY);
        body.put("motivation", MOTIVATION);
        body.put("availability", AVAILABILITY);
        body.put("consents", Map.of("dataUse", true));
        Map<String, Object> application = http.toBlocking().retrieve(HttpRequest.POST(
                "/api/v1/experts-by-experience/applications", body), Argument.mapOf(String.class, Object.class));
        // Feedback is never tied to an email address (no one is asked for one at a deep dive), but the list has
        // words for it: the card is given to this person's account by hand.
        String area = links.create("camden", null, null).token();
        var card = feedback.viaLink(area, null,
                new FeedbackInput("FAMILY", WORKS, null, List.of("SUPPORT"), List.of(), null, null), null);
        TestSql.execute(dataSource, "UPDATE submission SET owner_id = (SELECT owner_id FROM submission WHERE id = ?::uuid) "
                + "WHERE id = ?", advice.get("id"), card.id());
        return new Sent(Receipt.of(advice), Receipt.of(application), new Receipt(card.id().toString(), card.reference()));
    }

    record Receipt(String id, String reference) {
        static Receipt of(Map<String, Object> answer) {
            return new Receipt((String) answer.get("id"), (String) answer.get("reference"));
        }
    }

    record Sent(Receipt advice, Receipt application, Receipt feedback) {
    }
}
