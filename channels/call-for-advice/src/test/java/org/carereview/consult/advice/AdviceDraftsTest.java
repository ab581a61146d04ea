package org.carereview.consult.advice;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.core.draft.Drafts;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.MutableClock;
import org.carereview.consult.db.Overlap;
import org.carereview.consult.db.TestSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdviceDraftsTest implements FreshDatabase {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Inject
    AdviceDrafts drafts;

    @Inject
    DataSource dataSource;

    @Inject
    Drafts genericDrafts;

    @Inject
    org.carereview.consult.core.submission.Quarantine quarantine;

    static AdviceInput answers(String email) {
        return new AdviceInput("FOSTER_OR_KINSHIP_CARER", null, "What support do kinship carers get?", null, null, null,
                List.of("SUPPORT"), email, email != null, false);
    }

    @Test
    void twoSavesOfOneDraftAtTheSameMomentEachKeepTheOthersAnswer() {
        Draft draft = drafts.start(null);

        Overlap.run(dataSource,
                pause -> drafts.save(draft.id(), state -> {
                    pause.run();
                    return state.with(withKeyQuestions(state.answers(), "What support do kinship carers get?"));
                }),
                () -> drafts.save(draft.id(), state -> state.with(withResources(state.answers(), "Kinship, a charity"))));

        AdviceInput kept = drafts.find(draft.id()).orElseThrow().answers();
        assertEquals("What support do kinship carers get?", kept.keyQuestions(), "the first page's answer");
        assertEquals("Kinship, a charity", kept.resources(), "the second page's answer, saved as the first was");
    }

    private static AdviceInput withKeyQuestions(AdviceInput a, String keyQuestions) {
        return new AdviceInput(a.respondentType(), a.organisation(), keyQuestions, a.engagementAdvice(), a.resources(),
                a.groupsToSpeakTo(), a.themes(), a.contactEmail(), a.consentToContact(), a.consentToPublish());
    }

    private static AdviceInput withResources(AdviceInput a, String resources) {
        return new AdviceInput(a.respondentType(), a.organisation(), a.keyQuestions(), a.engagementAdvice(), resources,
                a.groupsToSpeakTo(), a.themes(), a.contactEmail(), a.consentToContact(), a.consentToPublish());
    }

    private Draft answered(String email) {
        Draft draft = drafts.start(null);
        drafts.save(draft.id(), draft.state().with(answers(email)));
        return draft;
    }

    private String statusOf(AdviceReceipt receipt) {
        return TestSql.column(dataSource, "SELECT status || ':' || coalesce(quarantine_reason, '-') FROM submission "
                + "WHERE id = ?::uuid", receipt.id().toString()).get(0);
    }

    @Test
    void aJourneyAtAHumanPaceIsStoredForTriageAndTheDraftIsGone() {
        Draft draft = answered("carer@example.org");
        clock.advance(Duration.ofMinutes(4));
        AdviceReceipt receipt = drafts.send(draft.id(), null);
        assertEquals("NEW:-", statusOf(receipt));
        assertTrue(drafts.find(draft.id()).isEmpty(), "a sent draft is deleted");
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE recipient = 'carer@example.org'"));
    }

    @Test
    void aJourneyFasterThanAPersonCouldIsQuarantinedAndSendsNoEmail() {
        Draft draft = answered("bot@example.org");
        clock.advance(Duration.ofSeconds(3));
        AdviceReceipt receipt = drafts.send(draft.id(), null);
        assertTrue(receipt.reference().startsWith("CFA-"), "answered exactly like any other");
        assertEquals("QUARANTINED:TOO_FAST", statusOf(receipt));
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE recipient = 'bot@example.org'"));
    }

    @Test
    void releasingAHeldBackSubmissionSendsTheReceiptThatWasHeldBackOnce() {
        Draft draft = answered("slow.reader@example.org");
        clock.advance(Duration.ofSeconds(3));
        AdviceReceipt receipt = drafts.send(draft.id(), null);
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM outbox_message WHERE recipient = 'slow.reader@example.org'"));

        quarantine.release(receipt.id());

        assertEquals("NEW:TOO_FAST", statusOf(receipt));
        assertEquals(List.of("advice-receipt:" + receipt.reference()), TestSql.column(dataSource,
                "SELECT template || ':' || (fields->>'reference') FROM outbox_message WHERE recipient = ?",
                "slow.reader@example.org"));
        assertThrows(RuntimeException.class, () -> quarantine.release(receipt.id()), "only a held-back one is released");
    }

    @Test
    void aFilledHoneypotQuarantinesEvenAtAHumanPace() {
        Draft draft = drafts.start(null);
        drafts.save(draft.id(), draft.state().with(answers(null)).trap("http://spam.example"));
        clock.advance(Duration.ofMinutes(10));
        assertEquals("QUARANTINED:HONEYPOT", statusOf(drafts.send(draft.id(), null)));
    }

    @Test
    void sendingTheSameDraftTwiceStoresOneSubmission() {
        Draft draft = answered(null);
        clock.advance(Duration.ofMinutes(2));
        AdviceReceipt first = drafts.send(draft.id(), null);
        AdviceReceipt second = drafts.send(draft.id(), null);
        assertEquals(first.reference(), second.reference());
        assertEquals(1, TestSql.count(dataSource, "SELECT count(*) FROM submission WHERE reference = ?", first.reference()));
    }

    @Test
    void aResumeCodeReopensTheDraftWhateverTheCaseOrSpacing() {
        Draft draft = answered(null);
        String code = drafts.resumeCode(draft.id());
        assertTrue(code.matches("[2-9A-Z]{4}-[2-9A-Z]{4}"), code);
        String typed = " " + code.toLowerCase().replace("-", " ") + " ";
        assertEquals(Optional.of(draft.id()), drafts.resumeByCode(typed).map(Draft::id));
        assertEquals("What support do kinship carers get?", drafts.resumeByCode(code).orElseThrow().answers().keyQuestions());
        assertTrue(drafts.resumeByCode("ZZZZ-ZZZZ").isEmpty());
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM draft WHERE resume_code_hash = ?", code),
                "only a hash of the code is stored");
    }

    @Test
    void anEmailedLinkWorksOnceAndOnlyItsHashIsStored() {
        Draft draft = answered(null);
        drafts.emailLink(draft.id(), "Later@Example.org");
        String token = TestSql.lastLinkToken(dataSource, "advice-draft-link", "later@example.org");
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM draft_link WHERE token_hash = ?", token));
        assertEquals(Optional.of(draft.id()), drafts.resumeByLink(token).map(Draft::id));
        assertTrue(drafts.resumeByLink(token).isEmpty(), "a link works once");
        assertThrows(InvalidInputException.class, () -> drafts.emailLink(draft.id(), "not an email"));
    }

    @Test
    void draftsExpireThirtyDaysAfterTheLastSaveAndArePurged() {
        Draft draft = answered(null);
        clock.advance(Duration.ofDays(29));
        drafts.save(draft.id(), drafts.find(draft.id()).orElseThrow().state());
        clock.advance(Duration.ofDays(29));
        assertTrue(drafts.find(draft.id()).isPresent(), "each save keeps the draft for another 30 days");
        clock.advance(Duration.ofDays(2));
        assertTrue(drafts.find(draft.id()).isEmpty(), "expired drafts cannot be opened");
        assertTrue(drafts.purgeExpired() >= 1);
        assertEquals(0, TestSql.count(dataSource, "SELECT count(*) FROM draft WHERE id = ?", draft.id()));
    }

    @Test
    void aDraftOfOneChannelCannotBeOpenedAsAnother() {
        Draft draft = answered(null);
        String code = drafts.resumeCode(draft.id());
        assertTrue(genericDrafts.find(SubmissionKind.EBE_APPLICATION, draft.id()).isEmpty());
        assertTrue(genericDrafts.resumeByCode(SubmissionKind.EBE_APPLICATION, code).isEmpty());
        assertTrue(genericDrafts.find(SubmissionKind.CALL_FOR_ADVICE, draft.id()).isPresent());
    }

    @Test
    void aDraftWithoutAnyOfTheFourAnswersCannotBeSent() {
        Draft draft = drafts.start(null);
        drafts.save(draft.id(), draft.state().with(new AdviceInput("OTHER", null, " ", null, null, null, List.of(), null,
                false, false)));
        clock.advance(Duration.ofMinutes(5));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> drafts.send(draft.id(), null));
        assertEquals("keyQuestions", e.errors().get(0).field());
        assertFalse(drafts.find(draft.id()).isEmpty(), "the draft is kept so nothing is lost");
    }
}
