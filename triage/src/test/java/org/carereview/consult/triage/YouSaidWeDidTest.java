package org.carereview.consult.triage;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.Role;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.submission.OwnSubmissions;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestSql;
import org.carereview.consult.triage.summaries.PublicSummaries;
import org.carereview.consult.triage.summaries.PublishedSummaries;
import org.carereview.consult.triage.summaries.Quote;
import org.carereview.consult.triage.summaries.SummaryInput;
import org.carereview.consult.triage.summaries.ThemeCounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "You said, we did" (ADR 0037) against the real database: quotes only from people who agreed to be quoted, from the
 * redacted text, approved by a second person; counts suppressed as on the dashboards; a withdrawal takes a quote off
 * the public page at once; the people who agreed to be contacted are emailed once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YouSaidWeDidTest implements FreshDatabase {

    static final String MOVED = "Nobody told me why I had to move to a new school in the middle of the year.";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DataSource db;
    @Inject
    AccountService accounts;
    @Inject
    PublicSummaries summaries;
    @Inject
    PublishedSummaries published;
    @Inject
    OwnSubmissions ownSubmissions;

    UUID alice;
    UUID bob;

    @Override
    public Map<String, String> getProperties() {
        return TriageFixture.properties();
    }

    @BeforeAll
    void staffAndBackground() {
        alice = accounts.createStaff("summary.alice@example.org", Role.REVIEWER, TriageFixture.PASSWORD).id();
        bob = accounts.createStaff("summary.bob@example.org", Role.REVIEWER, TriageFixture.PASSWORD).id();
        // Twelve replies about support and three about safety, none of them quotable or reachable.
        for (int i = 0; i < 15; i++) {
            TestSql.execute(db, "INSERT INTO submission (kind, reference, status, themes, submitted_at, created_at, updated_at) "
                    + "VALUES ('CALL_FOR_ADVICE', ?, 'NEW', ?::text[], now(), now(), now())",
                    String.format("CFA-BULK-%04d", i), i < 12 ? "{SUPPORT}" : "{SAFETY}");
        }
    }

    @Test
    void aQuoteIsRefusedWithoutConsentWithWordsNotInTheRedactedTextOrFromAFlaggedSubmission() {
        UUID summary = draft("Refusals");
        String noConsent = advice(MOVED, false, null);
        String consented = advice("My social worker changed four times. You can ring me on 07700 900982 about it.", true, null);
        String flagged = advice(MOVED + " Please quote me.", true, null);
        TestSql.execute(db, "UPDATE submission SET safeguarding = true WHERE reference = ?", flagged);
        String redacted = TestSql.column(db, "SELECT r.answers->>'keyQuestions' FROM redacted_answer r JOIN submission s "
                + "ON s.id = r.submission_id WHERE s.reference = ?", consented).get(0);
        assertFalse(redacted.contains("07700"), "the number is redacted: " + redacted);

        assertRefused("reference", "did not agree to be quoted", () -> summaries.addQuote(summary, noConsent, "Nobody told me", alice));
        assertRefused("text", "not in the redacted text", () -> summaries.addQuote(summary, consented, "ring me on 07700 900982", alice));
        assertRefused("text", "not in the redacted text", () -> summaries.addQuote(summary, consented, "I loved every move", alice));
        assertRefused("reference", "No submission that can be quoted", () -> summaries.addQuote(summary, flagged, "Nobody told me", alice));
        assertRefused("reference", "No submission that can be quoted", () -> summaries.addQuote(summary, "CFA-ZZZZ-ZZZZ", "Nobody", alice));
        assertEquals(List.of(), summaries.quotes(summary, true));

        summaries.addQuote(summary, consented.toLowerCase(), "  My social worker\n changed   four times.", alice);
        assertEquals(List.of("My social worker changed four times."),
                summaries.quotes(summary, false).stream().map(Quote::text).toList(), "spaces compared as one, kept as one");
    }

    @Test
    void deepDiveFeedbackCannotBeQuotedBecauseNobodyWasAskedButItsCountsCanBePublished() {
        UUID summary = summaries.create(new SummaryInput("DEEP_DIVE_FEEDBACK", "Visits", "We visited.", "We went."), alice);
        assertRefused("reference", "never asked whether they agree to be quoted",
                () -> summaries.addQuote(summary, "DDF-AAAA-BBBB", "anything", alice));
        summaries.publish(summary, alice);
        assertTrue(published.find(summary).isPresent());
    }

    @Test
    void theOneWhoAddedAQuoteCannotApproveItAndPublishingWaitsForASecondPerson() {
        UUID summary = draft("Approval");
        String ref = advice(MOVED, true, null);
        summaries.addQuote(summary, ref, "Nobody told me why I had to move", alice);
        UUID quote = summaries.quotes(summary, false).get(0).id();

        ProblemException own = assertThrows(ProblemException.class, () -> summaries.approveQuote(summary, quote, alice, false));
        assertEquals(HttpStatus.CONFLICT, own.status());
        ProblemException early = assertThrows(ProblemException.class, () -> summaries.publish(summary, alice));
        assertEquals(HttpStatus.CONFLICT, early.status());
        assertTrue(published.find(summary).isEmpty(), "not published");

        summaries.approveQuote(summary, quote, bob, false);
        summaries.publish(summary, alice);
        assertEquals(List.of("Nobody told me why I had to move"), published.find(summary).orElseThrow().quotes());
        assertTrue(TestSql.count(db, "SELECT count(*) FROM audit_event WHERE action = 'PUBLIC_SUMMARY' AND actor_id = ?", bob) >= 1);
    }

    @Test
    void thePublicPageShowsSuppressedCountsAndLosesAQuoteTheMomentItsSenderWithdraws() {
        UUID summary = draft("Counts");
        String ref = advice("Children should be asked before they are moved.", true, "withdrawer@example.org");
        summaries.addQuote(summary, ref, "Children should be asked", alice);
        summaries.approveQuote(summary, summaries.quotes(summary, false).get(0).id(), bob, false);
        summaries.publish(summary, alice);

        PublishedSummaries.Published page = published.find(summary).orElseThrow();
        Map<String, String> shown = page.summary().counts().rows().stream()
                .collect(Collectors.toMap(ThemeCounts.Row::theme, ThemeCounts.Row::shown));
        assertEquals("12", shown.get("SUPPORT"));
        assertEquals("<10", shown.get("SAFETY"));
        assertEquals("0", shown.get("DELIVERY"));
        assertTrue(page.summary().counts().rows().stream().noneMatch(r -> r.shown().equals("<10") && r.value() != 0),
                "no small count is stored behind its marker");
        assertEquals(List.of("Children should be asked"), page.quotes());

        UUID owner = UUID.fromString(TestSql.column(db, "SELECT owner_id::text FROM submission WHERE reference = ?", ref).get(0));
        UUID id = UUID.fromString(TestSql.column(db, "SELECT id::text FROM submission WHERE reference = ?", ref).get(0));
        ownSubmissions.withdraw(id, owner);
        assertEquals(List.of(), published.find(summary).orElseThrow().quotes());
        assertEquals(0, TestSql.count(db, "SELECT count(*) FROM public_summary_quote WHERE submission_id = ?", id));

        summaries.unpublish(summary, bob);
        assertTrue(published.find(summary).isEmpty(), "unpublished: the public page is a 404");
        assertTrue(published.list().stream().noneMatch(s -> s.id().equals(summary)));
    }

    @Test
    void publishingEmailsEachPersonWhoAgreedToBeContactedOnceAndNobodyElse() {
        advice("Listen to us.", false, "Contact.Me@example.org");
        advice("Listen to us again.", false, "contact.me@example.org");
        advice("Do not write to me.", false, null);
        Map<String, Object> noContact = new HashMap<>(Map.of("respondentType", "CARE_EXPERIENCED",
                "keyQuestions", "Keep my email for my receipt only.", "themes", List.of(),
                "contactEmail", "receipt.only@example.org", "consentToContact", false, "consentToPublish", true));
        http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions", noContact));
        UUID summary = draft("Emails");

        summaries.publish(summary, alice);
        summaries.unpublish(summary, alice);
        summaries.publish(summary, alice);

        List<String> to = TestSql.column(db, "SELECT recipient FROM outbox_message WHERE template = 'summary-published' "
                + "AND fields->>'link' LIKE ? ORDER BY recipient", "%/you-said-we-did/" + summary);
        assertTrue(to.contains("contact.me@example.org"), to.toString());
        assertEquals(1, to.stream().filter("contact.me@example.org"::equals).count(), "once, however often they wrote or it was published");
        assertFalse(to.contains("receipt.only@example.org"), "did not agree to be contacted");
        assertEquals(to.size(), to.stream().distinct().count(), to.toString());
    }

    private UUID draft(String title) {
        return summaries.create(new SummaryInput("CALL_FOR_ADVICE", title, "We asked every council how often children move.",
                "We asked every council."), alice);
    }

    /** Sends advice about care through the public API; answers its reference. */
    private String advice(String words, boolean consentToPublish, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("respondentType", "CARE_EXPERIENCED");
        body.put("keyQuestions", words);
        body.put("themes", List.of("CARE"));
        if (email != null) {
            body.put("contactEmail", email);
        }
        body.put("consentToContact", email != null);
        body.put("consentToPublish", consentToPublish);
        return (String) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions", body),
                Argument.mapOf(String.class, Object.class)).get("reference");
    }

    private static void assertRefused(String field, String words, Runnable action) {
        InvalidInputException e = assertThrows(InvalidInputException.class, action::run);
        assertEquals(field, e.errors().get(0).field(), e.errors().toString());
        assertTrue(e.errors().get(0).message().contains(words), e.errors().toString());
    }
}
