package org.carereview.consult.web.govuk;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start page, the information pages and the error page, rendered as the application renders them. */
class GovukPagesTest {

    private static final String SERVICE = "Have your say: children's social care review";

    private final GovukRenderer renderer = new GovukRenderer();

    private Document page(String view, Map<String, Object> model) {
        return Jsoup.parse(renderer.template(view, model));
    }

    /** The privacy notice's periods, as InformationPagesController passes them from the default settings. */
    private static final Map<String, Object> KEEP = Map.of("drafts", "30 days", "quarantined", "30 days",
            "withdrawn", "30 days", "afterReviewEnds", "6 months", "reviewEndsOn", "", "equality", "90 days",
            "sentMessages", "30 days", "unusedAccounts", "30 days", "audit", "24 months");

    private Document page(String view) {
        return page(view, Map.of("csrfToken", "token", "keep", KEEP));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"start", "privacy", "accessibility", "cookies", "error"})
    void everyPageHasOneHeadingOneMainAndUniqueIds(String view) {
        Document page = page(view);
        assertEquals(1, page.select("h1").size(), view);
        assertEquals(1, page.select("main#main-content").size(), view);
        Set<String> ids = new HashSet<>();
        page.select("[id]").forEach(element -> assertTrue(ids.add(element.id()), "duplicate id " + element.id()));
        page.select("a").forEach(link -> assertFalse(link.attr("href").isBlank(), "link without href: " + link));
        assertTrue(page.title().endsWith(SERVICE), page.title());
    }

    @Test
    void startPageSaysWhoTheReviewWantsToHearFrom() {
        Document page = page("start");
        assertEquals(SERVICE, page.title());
        String text = page.selectFirst("main").text();
        for (String who : List.of("children", "young people", "families", "carers", "practitioners")) {
            assertTrue(text.contains(who), who);
        }
    }

    @Test
    void startPageLinksToTheCallForAdvice() {
        Element link = page("start").selectFirst("main a[href=/call-for-advice]");
        assertEquals("Send advice to the review", link.text());
    }

    @Test
    void startPageLinksToTheApplicationAndShowsDeepDivesAsOpeningSoonWithoutALink() {
        Document page = page("start");
        Element apply = page.selectFirst("main a[href=/experts-by-experience]");
        assertEquals("Apply to join the Experts by Experience group", apply.text());
        String way = "Give feedback from a deep dive in your area";
        Element heading = page.select("main h3").stream().filter(h -> h.text().startsWith(way)).findFirst().orElseThrow();
        assertEquals("Opening soon", heading.selectFirst("strong.govuk-tag").text());
        assertTrue(heading.select("a").isEmpty(), way + " must not link anywhere yet");
        assertEquals(1, page.select("main .govuk-tag").size());
    }

    @Test
    void startPageOffersSeeingOrWithdrawingToThePublicNotUnderTheStaffHeading() {
        Element main = page("start").selectFirst("main");
        Element withdraw = main.selectFirst("a[href=/sign-in]");
        assertEquals("See or withdraw what you have sent", withdraw.text());
        Element heading = withdraw.parent().previousElementSibling();
        assertEquals("Already sent something?", heading.text());
        Element staff = main.select("h2").stream().filter(h -> h.text().equals("If you work for the review")).findFirst().orElseThrow();
        assertEquals(List.of("/staff/sign-in"), staff.nextElementSiblings().select("a").eachAttr("href"),
                "only staff sign-in sits under the staff heading");
    }

    @Test
    void startPageGivesSafetyNumbers() {
        Element inset = page("start").selectFirst("main .govuk-inset-text");
        assertTrue(inset.text().contains("If you are worried about your safety or a child's safety"));
        assertTrue(inset.text().contains("999"));
        assertTrue(inset.text().contains("Childline") && inset.text().contains("0800 1111"));
        assertTrue(inset.text().contains("NSPCC") && inset.text().contains("0808 800 5000"));
        assertEquals("999", inset.selectFirst("a.govuk-link[href=tel:999]").text());
        assertEquals("0800 1111", inset.selectFirst("a.govuk-link[href=tel:08001111]").text());
        assertEquals("0808 800 5000", inset.selectFirst("a.govuk-link[href=tel:08088005000]").text());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"start", "advice/start", "privacy", "accessibility", "cookies", "safety :: help",
            "safety :: beforeYouWrite", "safety :: readSoon"})
    void everyPhoneNumberShownIsATapToCallLink(String view) {
        Document page = view.contains("::")
                ? Jsoup.parse(renderer.markup("<div th:replace=\"~{" + view + "}\"></div>", Map.of()))
                : page(view);
        for (Element element : page.getAllElements()) {
            for (org.jsoup.nodes.TextNode node : element.textNodes()) {
                if (node.text().matches(".*\\b(999|0800 1111|0808 800 5000)\\b.*")) {
                    assertTrue(element.is("a[href^=tel:]"), view + ": \"" + node.text().trim() + "\" is not a tel: link");
                    assertEquals("tel:" + node.text().replace(" ", ""), element.attr("href"));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"advice/confirmation", "experts/apply/confirmation", "deepdives/feedback-sent"})
    void aConfirmationPutsHelpBeforeThePanelOnlyWhenWhatWasSentIsFlagged(String view) {
        Document flagged = page(view, Map.of("reference", "CFA-AAAA-BBBB", "flagged", true));
        Element help = flagged.selectFirst("main [data-testid=read-soon]");
        assertNotNull(help, view);
        Element panel = flagged.selectFirst("main .govuk-panel");
        assertTrue(help.siblingIndex() < panel.siblingIndex() && help.parent() == panel.parent(), "help comes first");
        assertTrue(help.text().contains("someone from our safeguarding team will read it soon"), help.text());
        assertEquals(1, flagged.select("main a[href=tel:999]").size(), "the safety line is not repeated");
        String text = flagged.selectFirst("main").text().toLowerCase(java.util.Locale.ROOT);
        for (String word : List.of("flag", "disclos", "alert")) {
            assertFalse(text.contains(word), view + " says \"" + word + "\"");
        }

        Document ordinary = page(view, Map.of("reference", "CFA-AAAA-BBBB", "flagged", false));
        assertTrue(ordinary.select("main [data-testid=read-soon]").isEmpty(), view);
        assertEquals(1, ordinary.select("main a[href=tel:999]").size(), "the usual safety line");
        assertTrue(ordinary.selectFirst("main").text().contains("If you are worried about your safety or a child's safety"));
    }

    @Test
    void startPageEndsWithStaffSignIn() {
        List<Element> links = page("start").select("main a");
        Element last = links.get(links.size() - 1);
        assertEquals("/staff/sign-in", last.attr("href"));
        assertEquals("Staff sign in", last.text());
    }

    @Test
    void privacyNoticeCoversSpecialCategoryDataRetentionAndErasure() {
        Document page = page("privacy");
        assertEquals("Privacy notice - " + SERVICE, page.title());
        String text = page.selectFirst("main").text();
        assertTrue(text.contains("special category data"));
        assertTrue(text.contains("30 days"));
        assertTrue(text.contains("delete your information"));
        assertTrue(page.select("main h2").eachText().containsAll(List.of(
                "What we collect", "Why we collect it", "Who sees your information", "How long we keep it", "Your rights", "Contact us")));
    }

    @Test
    void accessibilityStatementFollowsTheGovukModel() {
        Document page = page("accessibility");
        assertTrue(page.select("main h2, main h3").eachText().containsAll(List.of(
                "How accessible this service is", "Feedback and contact information",
                "Reporting accessibility problems with this service", "Enforcement procedure",
                "Technical information about this service's accessibility", "Compliance status",
                "Preparation of this accessibility statement")));
        assertTrue(page.selectFirst("main").text().contains("WCAG") || page.selectFirst("main").text().contains("Web Content Accessibility Guidelines version 2.2"));
    }

    @Test
    void cookiesPageListsOnlyEssentialCookies() {
        Document page = page("cookies");
        assertEquals(List.of("JWT", "cfa-draft", "ebe-draft", "csrf", "words"), page.select("main table tbody th").eachText());
        for (Element draft : page.select("main table tbody tr:has(th:matches(-draft$))")) {
            assertTrue(draft.select("td").last().text().startsWith("When you close your browser"), draft.text());
        }
        assertTrue(page.selectFirst("main").text().contains("We do not use cookies to measure how you use the service"));
    }

    @Test
    void errorPageShowsHeadingMessageAndWayBackToStart() {
        Map<String, Object> model = new HashMap<>();
        model.put("status", 404);
        model.put("heading", "Page not found");
        model.put("message", "If you typed the web address, check it is correct.");
        Document page = page("error", model);
        assertEquals("Page not found - " + SERVICE, page.title());
        assertEquals("Page not found", page.selectFirst("h1").text());
        assertTrue(page.selectFirst("main").text().contains("If you typed the web address, check it is correct."));
        assertNotNull(page.selectFirst("main a[href=/]"));
    }

    @Test
    void errorPageWithoutHeadingUsesGovukWordsForTheStatus() {
        assertEquals("Sorry, there is a problem with the service", page("error", Map.of("status", 500)).selectFirst("h1").text());
        assertEquals("You do not have permission to view this page", page("error", Map.of("status", 403)).selectFirst("h1").text());
        assertEquals("Page not found", page("error", Map.of("status", 404)).selectFirst("h1").text());
    }
}
