package org.carereview.consult.web.govuk;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page layout (views/layout.html) and the page title helper, rendered through a page that uses them. */
class GovukLayoutTest {

    private static final String SERVICE = "Have your say: children's social care review";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en" th:replace="~{layout :: page(~{::title}, ~{::#before-main}, ~{::main})}">
            <head><title th:replace="~{page-title :: pageTitle('Example question', ${hasErrors})}">Example</title></head>
            <body>
            <div id="before-main"><a th:replace="~{govuk/back-link :: backLink(href='/previous', text=null)}">Back</a></div>
            <main class="govuk-main-wrapper" id="main-content"><h1 class="govuk-heading-l">Example question</h1></main>
            </body>
            </html>
            """;

    private static final String PAGE_WITHOUT_BACK_LINK = """
            <!DOCTYPE html>
            <html lang="en" th:replace="~{layout :: page(~{::title}, ~{}, ~{::main})}">
            <head><title>Plain</title></head>
            <body><main class="govuk-main-wrapper" id="main-content"><h1 class="govuk-heading-l">Plain</h1></main></body>
            </html>
            """;

    private final GovukRenderer renderer = new GovukRenderer();

    private Document render(String page, Map<String, Object> model) {
        return Jsoup.parse(renderer.markup(page, model));
    }

    private Document signedOut() {
        return render(PAGE, Map.of("hasErrors", false, "csrfToken", "token-1"));
    }

    @Test
    void layoutFollowsTheGovukTemplate() {
        Document page = signedOut();
        Element html = page.selectFirst("html");
        assertEquals("en", html.attr("lang"));
        assertTrue(html.hasClass("govuk-template"));
        assertTrue(page.body().hasClass("govuk-template__body"));
        assertEquals("#main-content", page.selectFirst("a.govuk-skip-link").attr("href"));
        assertEquals("width=device-width, initial-scale=1, viewport-fit=cover", page.selectFirst("meta[name=viewport]").attr("content"));
        assertNotNull(page.selectFirst("link[rel=stylesheet][href=/assets/govuk-frontend.min.css]"));
        Element main = page.selectFirst(".govuk-width-container > main#main-content.govuk-main-wrapper");
        assertNotNull(main);
        assertEquals(1, page.select("main").size());
        assertEquals("Example question", main.selectFirst("h1").text());
    }

    @Test
    void headerIsAPlainServiceNameLinkWithoutCrownOrGovukWordmark() {
        Document page = signedOut();
        Element home = page.selectFirst("header.govuk-template__header a.govuk-generic-header__homepage-link");
        assertEquals(SERVICE, home.text());
        assertEquals("/", home.attr("href"));
        assertTrue(page.select("svg, .govuk-header, .govuk-footer__crown, .govuk-footer__copyright-logo").isEmpty());
        assertFalse(page.text().contains("GOV.UK"), page.text());
        assertFalse(page.text().contains("Crown copyright"));
        assertFalse(page.text().contains("Open Government Licence"));
    }

    @Test
    void phaseBannerSaysBetaAndAsksForFeedbackAtTheConfiguredAddress() {
        Element banner = render(PAGE, Map.of("hasErrors", false, "csrfToken", "token-1",
                "contactEmail", "care.review@review.test")).selectFirst("header .govuk-phase-banner");
        assertEquals("Beta", banner.selectFirst(".govuk-tag").text());
        assertTrue(banner.text().contains("feedback"), banner.text());
        assertEquals("mailto:care.review@review.test?subject=Feedback",
                banner.selectFirst(".govuk-phase-banner__text a.govuk-link[href]").attr("href"));
    }

    @Test
    void phaseBannerWithoutAContactAddressSaysBetaAndLinksNowhere() {
        Element banner = signedOut().selectFirst("header .govuk-phase-banner");
        assertEquals("Beta", banner.selectFirst(".govuk-tag").text());
        assertEquals("This is a new service.", banner.selectFirst(".govuk-phase-banner__text").text());
        assertTrue(banner.select("a").isEmpty(), banner.html());
    }

    @Test
    void footerLinksToPrivacyAccessibilityAndCookies() {
        Element footer = signedOut().selectFirst("footer.govuk-template__footer");
        assertEquals(List.of("/privacy", "/accessibility", "/cookies"), footer.select("a.govuk-footer__link").eachAttr("href"));
        assertEquals(List.of("Privacy", "Accessibility", "Cookies"), footer.select("a.govuk-footer__link").eachText());
    }

    @Test
    void backLinkGoesAboveMainInsideTheHeaderLandmark() {
        Element backLink = signedOut().selectFirst("header .govuk-width-container > #before-main > a.govuk-back-link");
        assertEquals("/previous", backLink.attr("href"));
        assertEquals("Back", backLink.text());
    }

    @Test
    void pageCanHaveNoBackLink() {
        Document page = render(PAGE_WITHOUT_BACK_LINK, Map.of());
        assertTrue(page.select(".govuk-back-link").isEmpty());
        assertEquals("Plain", page.title());
        assertNotNull(page.selectFirst(".govuk-width-container > main#main-content"));
    }

    @Test
    void pageTitleEndsWithTheServiceName() {
        assertEquals("Example question - " + SERVICE, signedOut().title());
    }

    @Test
    void pageTitleStartsWithErrorWhenThePageHasErrors() {
        assertEquals("Error: Example question - " + SERVICE, render(PAGE, Map.of("hasErrors", true)).title());
    }

    @Test
    void javascriptLoadsFromFilesWithoutInlineScript() {
        Document page = signedOut();
        List<Element> scripts = page.select("script");
        assertEquals(2, scripts.size());
        assertEquals("/assets/app/js-enabled.js", scripts.get(0).attr("src"));
        assertFalse(scripts.get(0).hasAttr("type"), "must run at once, before the body is drawn, like GOV.UK's snippet");
        assertEquals(page.body().child(0), scripts.get(0), "the class snippet must come first in <body>");
        assertEquals("module", scripts.get(1).attr("type"));
        assertEquals("/assets/app/init.js", scripts.get(1).attr("src"));
        scripts.forEach(script -> assertEquals("", script.data().trim(), "no inline JavaScript"));
        assertTrue(page.select("[onclick], [onload], [onsubmit]").isEmpty());
    }

    @Test
    void layoutShowsNoAccountDetailsWhenNobodyIsSignedIn() {
        Document page = signedOut();
        assertNull(page.selectFirst("form[action=/sign-out]"));
        assertFalse(page.text().contains("Sign out"));
    }

    @Test
    void layoutShowsEmailAndSignOutFormWhenSignedIn() {
        Map<String, Object> model = new HashMap<>();
        model.put("hasErrors", false);
        model.put("csrfToken", "token-2");
        model.put("currentUser", Map.of("email", "reviewer@example.org", "staff", true));
        Document page = render(PAGE, model);
        Element form = page.selectFirst("header form[action=/sign-out]");
        assertEquals("post", form.attr("method"));
        assertEquals("token-2", form.selectFirst("input[type=hidden][name=csrfToken]").attr("value"));
        assertTrue(form.text().contains("reviewer@example.org"));
        Element button = form.selectFirst("button[type=submit].govuk-button");
        assertEquals("Sign out", button.text());
    }

    @Test
    void signedInEmailIsEscaped() {
        Map<String, Object> model = Map.of("currentUser", Map.of("email", "<img src=x onerror=alert(1)>@example.org", "staff", false));
        Document page = render(PAGE, model);
        assertTrue(page.select("img").isEmpty());
        assertTrue(page.selectFirst("form[action=/sign-out]").text().contains("<img src=x onerror=alert(1)>@example.org"));
    }
}
