package org.carereview.consult.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Your answers are saved as you go", with JavaScript off: on every question page of the call for advice and
 * every section of the application, "Save and come back later" keeps exactly what was typed, unfinished or
 * wrong; the resume code, in another browser, brings it back without errors; only Continue then checks it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaveForLaterJourneyTest implements FreshDatabase {

    private static final int LIMIT = 40;
    private static final String TOO_LONG = "This answer goes on past the forty characters\nallowed on the page";
    private static final String TOO_LONG_ERROR = "must be 40 characters or fewer";

    @Inject
    EmbeddedServer server;

    BrowserContext context;
    Page page;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.advice.max-answer-length", String.valueOf(LIMIT));
        properties.put("consult.experts.max-answer-length", String.valueOf(LIMIT));
        properties.put("consult.advice.minimum-time", "0s");
        properties.put("consult.rate-limit-per-minute", "0");
        return properties;
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    @Test
    void savingForLaterKeepsWhatWasTypedOnEveryAdviceQuestionAndOnlyContinueChecksIt() {
        openWithoutJavaScript("/call-for-advice");
        startNow();

        // Who: nothing chosen yet.
        saveAndResume("/call-for-advice", "/call-for-advice/who");
        assertEquals(0, page.locator("input[name=respondentType]:checked").count());
        assertNoErrors();
        continueAndExpect("Select who you are responding as");
        page.locator("input[name=respondentType][value=ORGANISATION]").check();
        next("/call-for-advice/organisation");

        String organisation = "The " + "Very ".repeat(50) + "Long Name Trust";
        page.locator("input[name=organisation]").fill(organisation);
        saveAndResume("/call-for-advice", "/call-for-advice/organisation");
        assertEquals(organisation, page.locator("input[name=organisation]").inputValue());
        assertNoErrors();
        continueAndExpect("Organisation name must be 200 characters or fewer");
        page.locator("input[name=organisation]").fill("Care Leavers Network");
        next("/call-for-advice/key-questions");

        List<String> texts = List.of("keyQuestions", "engagementAdvice", "resources", "groupsToSpeakTo");
        List<String> pages = List.of("key-questions", "engagement", "resources", "groups", "themes");
        for (int i = 0; i < texts.size(); i++) {
            Locator box = page.locator("textarea[name=" + texts.get(i) + "]");
            box.fill(TOO_LONG);
            saveAndResume("/call-for-advice", "/call-for-advice/" + pages.get(i));
            assertEquals(TOO_LONG, box(texts.get(i)).inputValue(), "exactly what was typed, line break and all");
            assertNoErrors();
            continueAndExpect(TOO_LONG_ERROR);
            box(texts.get(i)).fill("A short answer");
            next("/call-for-advice/" + pages.get(i + 1));
        }

        page.locator("input[name=themes]").nth(0).check();
        page.locator("input[name=themes]").nth(2).check();
        saveAndResume("/call-for-advice", "/call-for-advice/contact");
        page.navigate(url("/call-for-advice/themes"));
        assertEquals(2, page.locator("input[name=themes]:checked").count());
        assertTrue(page.locator("input[name=themes]").nth(2).isChecked());
        next("/call-for-advice/contact");

        page.locator("input[name=contactEmail]").fill("not an email");
        page.locator("input[name=consentToContact]").check();
        saveAndResume("/call-for-advice", "/call-for-advice/contact");
        assertEquals("not an email", page.locator("input[name=contactEmail]").inputValue());
        assertTrue(page.locator("input[name=consentToContact]").isChecked());
        assertFalse(page.locator("input[name=consentToPublish]").isChecked());
        assertNoErrors();
        continueAndExpect("Enter an email address in the correct format");
        page.locator("input[name=contactEmail]").fill("someone@example.org");
        next("/call-for-advice/check");
    }

    @Test
    void savingForLaterKeepsAnIncompleteAboutYouSectionAndEveryOtherSectionAsTyped() {
        openWithoutJavaScript("/experts-by-experience");
        startNow();

        keepsTheExperienceSectionAsTyped();
        keepsTheAboutYouSectionAsTyped();
        keepsTheTrustedAdultSectionAsTyped();
        keepsTheStorySectionAsTyped();
        keepsTheTakingPartSectionAsTyped();
        keepsTheEqualitySectionAsTyped();
        keepsTheAgreementsSectionAsTyped();

        for (String task : List.of("experience", "about-you", "trusted-adult", "your-story", "taking-part", "equality",
                "agreements")) {
            assertEquals("Completed", status(task), task);
        }
    }

    /** What was chosen is kept; nothing chosen is only refused by Continue. */
    private void keepsTheExperienceSectionAsTyped() {
        section("experience");
        saveAndResume("/experts-by-experience", "/experts-by-experience/application");
        assertEquals("Incomplete", status("experience"));
        section("experience");
        assertEquals(0, page.locator("input[name=experiences]:checked").count());
        assertNoErrors();
        continueAndExpect("Select at least one kind of experience");
        page.locator("input[name=experiences][value=CARE_LEAVER]").check();
        saveAndContinue();
    }

    /** A date of birth that does not exist and an unfinished address are kept as typed. */
    private void keepsTheAboutYouSectionAsTyped() {
        LocalDate fifteen = LocalDate.now(ZoneId.of("Europe/London")).minusYears(15).minusDays(10);
        section("about-you");
        page.locator("input[name=name]").fill("Sam Taylor");
        page.locator("input[name=dateOfBirthDay]").fill("31");
        page.locator("input[name=dateOfBirthMonth]").fill("2");
        page.locator("input[name=dateOfBirthYear]").fill(String.valueOf(fifteen.getYear()));
        page.locator("input[name=email]").fill("sam@");
        saveAndResume("/experts-by-experience", "/experts-by-experience/application");
        assertEquals("Incomplete", status("about-you"));
        section("about-you");
        assertEquals("Sam Taylor", value("name"));
        assertEquals("31", value("dateOfBirthDay"));
        assertEquals("2", value("dateOfBirthMonth"));
        assertEquals(String.valueOf(fifteen.getYear()), value("dateOfBirthYear"));
        assertEquals("sam@", value("email"));
        assertEquals(0, page.locator("input[name=region]:checked").count());
        assertNoErrors();
        continueAndExpect("Date of birth must be a real date", "Select the region of England you live in",
                "Enter an email address in the correct format");
        page.locator("input[name=dateOfBirthDay]").fill(String.valueOf(fifteen.getDayOfMonth()));
        page.locator("input[name=dateOfBirthMonth]").fill(String.valueOf(fifteen.getMonthValue()));
        page.locator("input[name=region][value=LONDON]").check();
        page.locator("input[name=email]").fill("sam@example.org");
        saveAndContinue();
        assertEquals("Not yet started", status("trusted-adult"));
    }

    /** A trusted adult half described is kept as typed. */
    private void keepsTheTrustedAdultSectionAsTyped() {
        section("trusted-adult");
        page.locator("input[name=trustedAdultName]").fill("Alex Morgan");
        page.locator("input[name=trustedAdultPhone]").fill("12");
        saveAndResume("/experts-by-experience", "/experts-by-experience/application");
        section("trusted-adult");
        assertEquals("Alex Morgan", value("trustedAdultName"));
        assertEquals("12", value("trustedAdultPhone"));
        assertNoErrors();
        continueAndExpect("Enter how you know your trusted adult", "Enter a phone number");
        page.locator("input[name=trustedAdultRelationship]").fill("Foster carer");
        page.locator("input[name=trustedAdultPhone]").fill("07700 900 982");
        saveAndContinue();
    }

    /** A story written over two lines comes back as written; the missing answer is refused by Continue. */
    private void keepsTheStorySectionAsTyped() {
        section("your-story");
        box("experienceStory").fill("My nan.\nThen a home.");
        saveAndResume("/experts-by-experience", "/experts-by-experience/application");
        assertEquals("Incomplete", status("your-story"));
        section("your-story");
        assertEquals("My nan.\nThen a home.", box("experienceStory").inputValue());
        assertEquals("", box("motivation").inputValue());
        assertNoErrors();
        continueAndExpect("Tell us why you would like to join the group");
        box("motivation").fill("So children are heard.");
        saveAndContinue();
    }

    /** An answer over the limit is kept whole and refused by Continue. */
    private void keepsTheTakingPartSectionAsTyped() {
        section("taking-part");
        box("availability").fill(TOO_LONG);
        saveAndResume("/experts-by-experience", "/experts-by-experience/application");
        section("taking-part");
        assertEquals(TOO_LONG, box("availability").inputValue());
        assertNoErrors();
        continueAndExpect(TOO_LONG_ERROR);
        box("availability").fill("After school");
        saveAndContinue();
    }

    /** Equality answers are kept as typed, over the limit too. */
    private void keepsTheEqualitySectionAsTyped() {
        section("equality");
        page.locator("input[name=equalityGender]").fill(TOO_LONG.replace('\n', ' '));
        page.locator("input[name=equalityDisability][value=no]").check();
        saveAndResume("/experts-by-experience", "/experts-by-experience/application");
        section("equality");
        assertEquals(TOO_LONG.replace('\n', ' '), value("equalityGender"));
        assertTrue(page.locator("input[name=equalityDisability][value=no]").isChecked());
        assertNoErrors();
        continueAndExpect("Each equality answer must be 40 characters or fewer");
        page.locator("input[name=equalityGender]").fill("Girl");
        saveAndContinue();
    }

    /** One agreement ticked is kept; the missing one is refused by Continue. */
    private void keepsTheAgreementsSectionAsTyped() {
        section("agreements");
        page.locator("input[name=consentContactTrustedAdult]").check();
        saveAndResume("/experts-by-experience", "/experts-by-experience/application");
        section("agreements");
        assertTrue(page.locator("input[name=consentContactTrustedAdult]").isChecked());
        assertFalse(page.locator("input[name=consentDataUse]").isChecked());
        assertNoErrors();
        continueAndExpect("You must agree to us using your information");
        page.locator("input[name=consentDataUse]").check();
        saveAndContinue();
    }

    @Test
    void anAnswerSavedForLaterThatIsNotRightIsRefusedByCheckYourAnswersAndSend() {
        openWithoutJavaScript("/call-for-advice");
        startNow();
        page.locator("input[name=respondentType][value=PRACTITIONER]").check();
        next("/call-for-advice/key-questions");
        box("keyQuestions").fill(TOO_LONG);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();

        page.navigate(url("/call-for-advice/check"));
        assertTrue(page.locator("main").textContent().contains("allowed on the page"), "the answer as saved");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send advice")).click();
        assertTrue(page.title().startsWith("Error: "), page.title());
        assertTrue(errorSummary().contains(TOO_LONG_ERROR), errorSummary());
    }

    private void openWithoutJavaScript(String path) {
        context = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setJavaScriptEnabled(false));
        page = context.newPage();
        page.navigate(url(path));
    }

    private void startNow() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
    }

    /**
     * "Save and come back later", then the resume code in another browser with JavaScript off (this one is
     * closed); checks where the resumed draft opens.
     */
    private void saveAndResume(String journey, String opensAt) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
        assertTrue(page.title().startsWith("Your answers are saved"), page.title());
        String code = page.getByTestId("resume-code").textContent().strip();
        context.close();
        openWithoutJavaScript(journey + "/resume");
        page.getByLabel("Enter your resume code").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        assertEquals(url(opensAt), page.url());
    }

    /** The page's main button (Continue, or Save and continue), expecting the page back with these errors. */
    private void continueAndExpect(String... errors) {
        page.locator(".govuk-button-group button:not([name=action])").click();
        assertTrue(page.title().startsWith("Error: "), page.title());
        for (String error : errors) {
            assertTrue(errorSummary().contains(error), error + " in: " + errorSummary());
        }
    }

    private void next(String expected) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        assertEquals(url(expected), page.url());
    }

    private void saveAndContinue() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and continue")).click();
        assertEquals(url("/experts-by-experience/application"), page.url(), page.url());
    }

    private void section(String slug) {
        page.navigate(url("/experts-by-experience/application/" + slug));
    }

    private String status(String task) {
        page.navigate(url("/experts-by-experience/application"));
        return page.locator("#" + task + "-status").textContent().strip();
    }

    private void assertNoErrors() {
        assertFalse(page.title().startsWith("Error: "), page.title());
        assertEquals(0, page.locator(".govuk-error-summary, .govuk-error-message").count(), "no errors on reopening");
    }

    private Locator box(String name) {
        return page.locator("textarea[name=" + name + "]");
    }

    private String value(String name) {
        return page.locator("input[name=" + name + "]").inputValue();
    }

    private String errorSummary() {
        return page.locator(".govuk-error-summary").textContent();
    }

    private String url(String path) {
        return server.getURL() + path;
    }
}
