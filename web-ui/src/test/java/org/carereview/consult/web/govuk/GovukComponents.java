package org.carereview.consult.web.govuk;

import org.carereview.consult.web.govuk.GovukRenderer.Call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Translates GOV.UK Frontend fixture options into calls of our fragments (our parameter conventions are
 * documented in each fragment and in views/README.md), renders them and compares with the fixture's HTML.
 * A fixture whose options a translation does not read fails: it uses a feature the fragment lacks.
 */
final class GovukComponents {

    final GovukRenderer renderer = new GovukRenderer();

    /** Renders the fixture through our fragment and asserts the same HTML as GOV.UK Frontend's. */
    void assertMatches(String component, String fixtureName) {
        GovukFixtures.Fixture fixture = GovukFixtures.load(component, fixtureName);
        Call call = translate(component, fixture.options());
        fixture.options().assertAllRead();
        String rendered = renderer.call(call);
        assertEquals(expected(component, fixture.html()), GovukHtml.canonical(rendered),
                () -> component + " fixture '" + fixtureName + "' differs; rendered:\n" + rendered);
    }

    private static String expected(String component, String html) {
        if (component.equals("footer")) {
            // Deliberate: this service is not hosted by government, so our footer has no crown and no
            // Crown copyright link. Everything else must match.
            return GovukHtml.canonical(html, body -> {
                body.select("svg.govuk-footer__crown").remove();
                body.select(".govuk-footer__meta-item:has(.govuk-footer__copyright-logo)").remove();
            });
        }
        if (component.equals("character-count")) {
            // Deliberate: the script's live messages are always written into the markup as GOV.UK's data-i18n
            // attributes, so that they follow the page's version of the words. In the standard words they are
            // GOV.UK's own defaults, which the script would otherwise use.
            return GovukHtml.canonical(html, body -> body.select(".govuk-character-count").forEach(count -> {
                boolean words = count.hasAttr("data-maxwords") || "words".equals(count.attr("data-count-type"));
                String type = words ? "word" : "character";
                String[][] messages = {
                        {type + "s-under-limit.one", "You have %{count} " + type + " remaining"},
                        {type + "s-under-limit.other", "You have %{count} " + type + "s remaining"},
                        {type + "s-at-limit", "You have 0 " + type + "s remaining"},
                        {type + "s-over-limit.one", "You have %{count} " + type + " too many"},
                        {type + "s-over-limit.other", "You have %{count} " + type + "s too many"}};
                for (String[] message : messages) {
                    count.attr("data-i18n." + message[0], message[1]);
                }
            }));
        }
        return GovukHtml.canonical(html);
    }

    Call translate(String component, GovukOptions o) {
        return switch (component) {
            case "input" -> input(o);
            case "textarea" -> textarea(o);
            case "character-count" -> characterCount(o);
            case "select" -> select(o);
            case "radios" -> choices("radios", o, "value");
            case "checkboxes" -> choices("checkboxes", o, "values");
            case "label" -> Call.of("govuk/label", "label")
                    .with("for", o.string("for")).with("text", o.string("text"))
                    .with("classes", o.string("classes")).with("isPageHeading", o.bool("isPageHeading"));
            case "hint" -> Call.of("govuk/hint", "hint")
                    .with("id", o.string("id")).with("text", o.string("text")).with("classes", o.string("classes"));
            case "error-message" -> Call.of("govuk/error-message", "errorMessage")
                    .with("id", o.string("id")).with("text", o.string("text"));
            case "fieldset" -> fieldset(o);
            case "date-input" -> GovukDateInputs.translate(o);
            case "button" -> Call.of("govuk/button", "button")
                    .with("text", o.string("text")).with("href", o.string("href")).with("type", o.string("type"))
                    .with("name", o.string("name")).with("value", o.string("value")).with("classes", o.string("classes"))
                    .with("isStartButton", o.bool("isStartButton")).with("preventDoubleClick", o.bool("preventDoubleClick"));
            case "back-link" -> Call.of("govuk/back-link", "backLink").with("href", o.string("href")).with("text", o.string("text"));
            case "skip-link" -> Call.of("govuk/skip-link", "skipLink").with("href", o.string("href")).with("text", o.string("text"));
            case "tag" -> Call.of("govuk/tag", "tag").with("text", o.string("text")).with("classes", o.string("classes"));
            case "warning-text" -> {
                String fallback = o.string("iconFallbackText");
                if (fallback != null && !fallback.equals("Warning")) {
                    throw new AssertionError("only the default icon fallback text is supported");
                }
                yield Call.of("govuk/warning-text", "warningText").with("text", o.string("text"));
            }
            case "inset-text" -> Call.of("govuk/inset-text", "insetText")
                    .with("text", o.string("text")).with("content", content(o.string("html")));
            case "panel" -> Call.of("govuk/panel", "panel")
                    .with("title", plainText(o.string("titleHtml"), o.string("titleText")))
                    .with("text", o.string("text")).with("content", content(o.string("html")));
            case "notification-banner" -> Call.of("govuk/notification-banner", "notificationBanner")
                    .with("type", o.string("type")).with("title", o.string("titleText"))
                    .with("text", o.string("text")).with("content", content(o.string("html")));
            case "phase-banner" -> Call.of("govuk/phase-banner", "phaseBanner")
                    .with("tag", o.object("tag").string("text"))
                    .with("text", o.string("text")).with("content", content(o.string("html")));
            case "pagination" -> {
                GovukOptions previous = o.object("previous");
                GovukOptions next = o.object("next");
                yield Call.of("govuk/pagination", "pagination")
                        .with("previousHref", previous.string("href")).with("previousText", previous.string("text"))
                        .with("nextHref", next.string("href")).with("nextText", next.string("text"))
                        .with("landmarkLabel", o.string("landmarkLabel"));
            }
            case "error-summary" -> errorSummary(o);
            case "summary-list" -> summaryList(o);
            case "generic-header" -> Call.of("govuk/header", "header")
                    .with("serviceName", o.string("logoText")).with("serviceUrl", o.string("url"));
            case "footer" -> footer(o);
            case "table" -> GovukTables.translate(o);
            case "task-list" -> GovukTables.taskList(o);
            default -> throw new IllegalArgumentException(component);
        };
    }

    private Call input(GovukOptions o) {
        GovukOptions label = o.object("label");
        return Call.of("govuk/input", "input")
                .with("id", o.string("id")).with("name", o.string("name")).with("type", o.string("type"))
                .with("value", o.string("value"))
                .with("label", label.string("text")).with("labelClasses", label.string("classes"))
                .with("isPageHeading", label.bool("isPageHeading"))
                .with("hint", o.object("hint").string("text")).with("error", o.object("errorMessage").string("text"))
                .with("classes", o.string("classes")).with("autocomplete", o.string("autocomplete"))
                .with("spellcheck", o.bool("spellcheck"));
    }

    private Call textarea(GovukOptions o) {
        GovukOptions label = o.object("label");
        return Call.of("govuk/textarea", "textarea")
                .with("id", o.string("id")).with("name", o.string("name")).with("value", o.string("value"))
                .with("rows", o.integer("rows"))
                .with("label", label.string("text")).with("labelClasses", label.string("classes"))
                .with("isPageHeading", label.bool("isPageHeading"))
                .with("hint", o.object("hint").string("text")).with("error", o.object("errorMessage").string("text"))
                .with("spellcheck", o.bool("spellcheck"));
    }

    private Call characterCount(GovukOptions o) {
        GovukOptions label = o.object("label");
        return Call.of("govuk/character-count", "characterCount")
                .with("id", o.string("id")).with("name", o.string("name")).with("value", o.string("value"))
                .with("rows", o.integer("rows"))
                .with("maxlength", o.integer("maxlength")).with("maxwords", o.integer("maxwords"))
                .with("threshold", o.integer("threshold"))
                .with("label", label.string("text")).with("labelClasses", label.string("classes"))
                .with("isPageHeading", label.bool("isPageHeading"))
                .with("hint", o.object("hint").string("text")).with("error", o.object("errorMessage").string("text"));
    }

    private Call select(GovukOptions o) {
        GovukOptions label = o.object("label");
        List<Map<String, Object>> items = null;
        List<GovukOptions> list = o.list("items");
        if (list != null) {
            items = new ArrayList<>();
            for (GovukOptions item : list) {
                if (item == null) {
                    items.add(null);
                    continue;
                }
                Map<String, Object> map = new LinkedHashMap<>();
                putIfSet(map, "value", item.string("value"));
                putIfSet(map, "text", item.string("text"));
                putIfSet(map, "selected", item.bool("selected"));
                putIfSet(map, "disabled", item.bool("disabled"));
                items.add(map);
            }
        }
        return Call.of("govuk/select", "select")
                .with("id", o.string("id")).with("name", o.string("name")).with("items", items)
                .with("value", o.string("value"))
                .with("label", label.string("text")).with("labelClasses", label.string("classes"))
                .with("isPageHeading", label.bool("isPageHeading"))
                .with("hint", o.object("hint").string("text")).with("error", o.object("errorMessage").string("text"))
                .with("classes", o.string("classes")).with("describedBy", o.string("describedBy"));
    }

    private Call fieldset(GovukOptions o) {
        GovukOptions legend = o.object("legend");
        return Call.of("govuk/fieldset", "fieldset")
                .with("legend", legend.string("text")).with("legendClasses", legend.string("classes"))
                .with("isPageHeading", legend.bool("isPageHeading")).with("role", o.string("role"))
                .with("describedBy", o.string("describedBy")).with("content", content(o.string("html")));
    }

    /** Radios and checkboxes share their options, except the selected value(s). */
    private Call choices(String component, GovukOptions o, String selected) {
        GovukOptions fieldset = o.object("fieldset");
        GovukOptions legend = fieldset.object("legend");
        List<Map<String, Object>> items = new ArrayList<>();
        for (GovukOptions item : o.list("items")) {
            if (item == null) {
                items.add(null);
                continue;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            putIfSet(map, "value", item.string("value"));
            putIfSet(map, "text", item.string("text"));
            putIfSet(map, "hint", item.object("hint").string("text"));
            putIfSet(map, "checked", item.bool("checked"));
            putIfSet(map, "disabled", item.bool("disabled"));
            putIfSet(map, "id", item.string("id"));
            putIfSet(map, "divider", item.string("divider"));
            String conditional = item.object("conditional").string("html");
            if (conditional != null) {
                map.put("conditional", renderer.contentSelector(conditional));
            }
            if (component.equals("checkboxes")) {
                putIfSet(map, "name", item.string("name"));
                putIfSet(map, "behaviour", item.string("behaviour"));
            }
            items.add(map);
        }
        String fragment = component.equals("radios") ? "radios" : "checkboxes";
        return Call.of("govuk/" + component, fragment)
                .with("name", o.string("name")).with("idPrefix", o.string("idPrefix"))
                .with("items", items)
                .with(selected, selected.equals("value") ? o.string("value") : o.strings("values"))
                .with("legend", legend.string("text")).with("legendClasses", legend.string("classes"))
                .with("isPageHeading", legend.bool("isPageHeading"))
                .with("hint", o.object("hint").string("text")).with("error", o.object("errorMessage").string("text"))
                .with("classes", o.string("classes"));
    }

    private Call errorSummary(GovukOptions o) {
        List<Map<String, Object>> errors = null;
        List<GovukOptions> list = o.list("errorList");
        if (list != null) {
            errors = new ArrayList<>();
            for (GovukOptions item : list) {
                Map<String, Object> map = new LinkedHashMap<>();
                putIfSet(map, "text", item.string("text"));
                putIfSet(map, "href", item.string("href"));
                errors.add(map);
            }
        }
        return Call.of("govuk/error-summary", "errorSummary")
                .with("title", o.string("titleText")).with("description", o.string("descriptionText"))
                .with("errors", errors);
    }

    private Call summaryList(GovukOptions o) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (GovukOptions row : o.list("rows")) {
            Map<String, Object> map = new LinkedHashMap<>();
            putIfSet(map, "key", row.object("key").string("text"));
            putIfSet(map, "value", row.object("value").string("text"));
            putIfSet(map, "classes", row.string("classes"));
            List<GovukOptions> actions = row.object("actions").list("items");
            if (actions != null) {
                List<Map<String, Object>> links = new ArrayList<>();
                for (GovukOptions action : actions) {
                    Map<String, Object> link = new LinkedHashMap<>();
                    putIfSet(link, "href", action.string("href"));
                    putIfSet(link, "text", action.string("text"));
                    putIfSet(link, "visuallyHiddenText", action.string("visuallyHiddenText"));
                    links.add(link);
                }
                map.put("actions", links);
            }
            rows.add(map);
        }
        GovukOptions card = o.object("card");
        String cardTitle = card.object("title").string("text");
        if (cardTitle != null) {
            return Call.of("govuk/summary-list", "summaryCard")
                    .with("title", cardTitle).with("rows", rows).with("classes", o.string("classes"));
        }
        return Call.of("govuk/summary-list", "summaryList").with("rows", rows).with("classes", o.string("classes"));
    }

    private Call footer(GovukOptions o) {
        // Our footer never shows the Open Government Licence: only fixtures without one apply.
        if (!o.explicitlyNull("contentLicence")) {
            throw new AssertionError("fixture shows the Open Government Licence, which our footer never does");
        }
        GovukOptions meta = o.object("meta");
        List<Map<String, Object>> links = null;
        List<GovukOptions> items = meta.list("items");
        if (items != null) {
            links = new ArrayList<>();
            for (GovukOptions item : items) {
                Map<String, Object> link = new LinkedHashMap<>();
                putIfSet(link, "href", item.string("href"));
                putIfSet(link, "text", item.string("text"));
                links.add(link);
            }
        }
        return Call.of("govuk/footer", "footer").with("links", links).with("text", meta.string("text"));
    }

    private Object content(String html) {
        return html == null ? null : renderer.contentFragment(html);
    }

    /** An "html" option we accept as text because it holds no markup. */
    private static String plainText(String html, String text) {
        if (html != null && (html.contains("<") || html.contains("&"))) {
            throw new AssertionError("HTML option with markup is not supported: " + html);
        }
        return html != null ? html : text;
    }

    static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
