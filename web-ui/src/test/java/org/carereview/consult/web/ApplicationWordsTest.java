package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.carereview.consult.experts.ApplicationWindow;
import org.carereview.consult.experts.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of the application to the Experts by Experience group, with each page's errors, in the standard
 * words, the child-friendly words and the keys: readable at the version's grade, accessible, valid HTML, and with
 * no word from outside the bundles. The selectors are ids, names and values, so one walk serves every version.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationWordsTest implements FreshDatabase {

    private static final String BASE = "/experts-by-experience";
    private static final String STORY = "I moved foster homes four times and school helped";
    private static final String REASON = "So other children are listened to";

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationWindow window;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.words.keys-version", "true");
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    @ParameterizedTest
    @EnumSource(PublicPageCheck.Version.class)
    void everyPageOfTheApplicationReadsAtItsVersionsGradeWithItsErrors(PublicPageCheck.Version version) {
        try (BrowserContext context = Browser.get().newContext()) {
            PublicPageCheck check = new PublicPageCheck(context, server.getURL().toString(), version, "application");
            LocalDate fifteen = LocalDate.now(ZoneId.of("Europe/London")).minusYears(15).minusDays(10);
            check.allow("Sam Taylor", "sam@example.org", "Alex Morgan", "alex@example.org", "Foster carer", STORY,
                    REASON, "Girl", "Monday Tuesday Wednesday Thursday Friday Saturday Sunday");
            Page page = context.newPage();

            page.navigate(url(""));
            check.check(page, "start");
            submit(page, page.locator("form[action='" + BASE + "/start'] button"), 200);
            assertEquals(url("/application"), page.url());
            check.check(page, "task list");

            page.navigate(url("/application/check"));
            send(page, 422);
            check.check(page, "check answers, with errors");

            section(page, "experience");
            check.check(page, "your experience");
            saveAndContinue(page, 422);
            check.check(page, "your experience, with errors");
            page.locator("input[name=experiences][value=IN_CARE]").check();
            saveAndContinue(page, 200);

            section(page, "about-you");
            check.check(page, "about you");
            saveAndContinue(page, 422);
            check.check(page, "about you, with errors");
            page.locator("#name").fill("Sam Taylor");
            dateOfBirth(page, fifteen);
            page.locator("input[name=region][value=LONDON]").check();
            page.locator("#email").fill("sam@example.org");
            saveAndContinue(page, 200);

            section(page, "trusted-adult");
            check.check(page, "a trusted adult");
            saveAndContinue(page, 422);
            check.check(page, "a trusted adult, with errors");
            page.locator("#trustedAdultName").fill("Alex Morgan");
            page.locator("#trustedAdultRelationship").fill("Foster carer");
            page.locator("#trustedAdultEmail").fill("alex@example.org");
            saveAndContinue(page, 200);

            section(page, "your-story");
            check.check(page, "your story");
            saveAndContinue(page, 422);
            check.check(page, "your story, with errors");
            page.locator("#experienceStory").fill(STORY);
            page.locator("#motivation").fill(REASON);
            saveAndContinue(page, 200);

            section(page, "taking-part");
            check.check(page, "taking part");
            page.locator("#availability").fill("a".repeat(10_001));
            saveAndContinue(page, 422);
            check.check(page, "taking part, with errors");
            page.locator("#availability").fill("");
            saveAndContinue(page, 200);

            section(page, "equality");
            check.check(page, "equality questions");
            page.locator("#equalityGender").fill("a".repeat(10_001));
            saveAndContinue(page, 422);
            check.check(page, "equality questions, with errors");
            page.locator("#equalityGender").fill("Girl");
            page.locator("input[name=equalityDisability][value=prefer-not-to-say]").check();
            saveAndContinue(page, 200);

            section(page, "agreements");
            check.check(page, "agreements");
            saveAndContinue(page, 422);
            check.check(page, "agreements, with errors");
            page.locator("input[name=consentDataUse]").check();
            page.locator("input[name=consentContactTrustedAdult]").check();
            saveAndContinue(page, 200);
            check.check(page, "task list, every section done");

            page.navigate(url("/application/check"));
            check.check(page, "check answers");
            page.navigate(url("/application/about-you?change=1"));
            saveAndContinue(page, 200);
            assertEquals(url("/application/check"), page.url());
            send(page, 200);
            String reference = PublicPage.on(page).reference();
            check.allow(reference);
            check.check(page, "confirmation");

            windowClosed(page, check);
            check.finish();
        }
    }

    @Test
    void theTaskListCountsOnlyTheSectionsAPersonMustFillIn() {
        try (BrowserContext context = Browser.get().newContext()) {
            Page page = context.newPage();
            page.navigate(url(""));
            submit(page, page.locator("form[action='" + BASE + "/start'] button"), 200);
            assertEquals("You have completed 0 of 5 sections.", progress(page),
                    "a trusted adult counts until the date of birth says it is not needed; taking part and equality never count");

            section(page, "experience");
            page.locator("input[name=experiences][value=ADOPTED]").check();
            saveAndContinue(page, 200);
            section(page, "about-you");
            LocalDate seventeen = LocalDate.now(ZoneId.of("Europe/London")).minusYears(17);
            page.locator("#name").fill("Jo Example");
            dateOfBirth(page, seventeen);
            page.locator("input[name=region][value=NORTH_EAST]").check();
            page.locator("#phone").fill("07700 900 982");
            saveAndContinue(page, 200);
            section(page, "your-story");
            page.locator("#experienceStory").fill(STORY);
            page.locator("#motivation").fill(REASON);
            saveAndContinue(page, 200);
            section(page, "agreements");
            page.locator("input[name=consentDataUse]").check();
            saveAndContinue(page, 200);

            assertEquals("You have completed 4 of 4 sections.", progress(page), "16 or over: no trusted adult to give");
            assertEquals("Not yet started", page.locator("#taking-part-status").textContent().strip(),
                    "the optional sections are shown, not counted");
            assertEquals("Not yet started", page.locator("#equality-status").textContent().strip());

            section(page, "about-you");
            LocalDate fifteen = seventeen.plusYears(2);
            page.locator("#dateOfBirthYear").fill(String.valueOf(fifteen.getYear()));
            saveAndContinue(page, 200);
            assertEquals("You have completed 4 of 5 sections.", progress(page), "under 16: a trusted adult is needed");
            section(page, "equality");
            saveAndContinue(page, 200);
            assertEquals("You have completed 4 of 5 sections.", progress(page), "an optional section done changes nothing");
            assertTrue(page.locator("#equality-status").textContent().contains("Completed"));
        }
    }

    private static String progress(Page page) {
        return page.getByTestId("progress").textContent().strip();
    }

    /** The start page before and after the window, and the page that refuses answers sent outside it. */
    private void windowClosed(Page page, PublicPageCheck check) {
        page.navigate(url(""));
        submit(page, page.locator("form[action='" + BASE + "/start'] button"), 200);
        Window before = window.current();
        try {
            window.set("2020-01-06T09:00", "2020-02-05T17:00", null);
            page.navigate(url(""));
            check.check(page, "start, applications closed");
            page.navigate(url("/application/check"));
            send(page, 409);
            check.check(page, "applications have closed");

            int next = LocalDate.now().getYear() + 1;
            window.set(next + "-01-06T12:00", next + "-02-05T00:00", null);
            page.navigate(url(""));
            check.check(page, "start, applications not open yet");
            page.navigate(url("/application/check"));
            send(page, 409);
            check.check(page, "applications are not open yet");
        } finally {
            window.set(ukTime(before.opensAt()), ukTime(before.closesAt()), null);
        }
    }

    private void section(Page page, String slug) {
        page.navigate(url("/application/" + slug));
        assertEquals(url("/application/" + slug), page.url());
    }

    /** Posts the section with "Save and continue" and waits for the page it leads to (200 after a redirect). */
    private static void saveAndContinue(Page page, int status) {
        submit(page, page.locator("main form button[type=submit]").first(), status);
    }

    private static void send(Page page, int status) {
        submit(page, page.locator("#send"), status);
    }

    private static void submit(Page page, Locator button, int status) {
        assertEquals(status, Browser.clickAndWait(page, button).status(), page.url());
    }

    private static void dateOfBirth(Page page, LocalDate born) {
        page.locator("#dateOfBirthDay").fill(String.valueOf(born.getDayOfMonth()));
        page.locator("#dateOfBirthMonth").fill(String.valueOf(born.getMonthValue()));
        page.locator("#dateOfBirthYear").fill(String.valueOf(born.getYear()));
    }

    private String url(String path) {
        return server.getURL() + BASE + path;
    }

    private static String ukTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.of("Europe/London")).toString();
    }
}
