package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.triage.TriageFilter;
import org.carereview.consult.triage.TriageQuery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The queue's filters as the page's GET form sends them (and as the bulk form carries them back), with
 * {@code after} the keyset cursor. Only the safeguarding lead and administrators may filter on the flag.
 * The dates come as day, month and year boxes from the form, as ISO days from links (see {@link QueueDate}).
 */
record QueueQuery(@Nullable String kind, @Nullable String status, @Nullable String theme, @Nullable String dilemma,
                  @Nullable String area, @Nullable String assignee, @Nullable String safeguarding,
                  @Nullable String consentToPublish, QueueDate from, QueueDate to, @Nullable String q, @Nullable String sort,
                  @Nullable String group, @Nullable String after) {

    static QueueQuery of(HttpParameters p) {
        return new QueueQuery(p.get("kind"), p.get("status"), p.get("theme"), p.get("dilemma"), p.get("area"),
                p.get("assignee"), p.get("safeguarding"), p.get("consentToPublish"), QueueDate.of(p, "from"), QueueDate.of(p, "to"), p.get("q"),
                p.get("sort"), p.get("group"), p.get("after"));
    }

    /** Reads the filter; throws {@code InvalidInputException} naming the field when something is unreadable. */
    TriageFilter filter(Viewer viewer) {
        List<FieldError> errors = new ArrayList<>();
        from.error().ifPresent(errors::add);
        to.error().ifPresent(errors::add);
        try {
            TriageFilter filter = new TriageQuery(kind, status, theme, dilemma, area, assignee,
                    viewer.seesFlagged() ? safeguarding : null, consentToPublish, from.value(), to.value(), q, sort, group)
                    .filter(viewer.accountId());
            if (errors.isEmpty()) {
                return filter;
            }
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        throw new InvalidInputException(errors);
    }

    boolean restricted() {
        return "true".equals(safeguarding);
    }

    /** The filters (not the cursor) by name, blanks left out, for hidden fields and links. */
    Map<String, String> filters() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "kind", kind);
        put(out, "status", status);
        put(out, "theme", theme);
        put(out, "dilemma", dilemma);
        put(out, "area", area);
        put(out, "assignee", assignee);
        put(out, "safeguarding", safeguarding);
        put(out, "consentToPublish", consentToPublish);
        put(out, "from", from.value());
        put(out, "to", to.value());
        put(out, "q", q);
        put(out, "sort", sort);
        put(out, "group", group);
        return out;
    }

    /** "kind=...&q=..." with every value URL-encoded; the cursor too when {@code withCursor}. */
    String queryString(boolean withCursor) {
        Map<String, String> values = filters();
        if (withCursor) {
            put(values, "after", after);
        }
        return join(values);
    }

    /** The queue's address with these filters, then the extra (already encoded) parameters. */
    String path(boolean withCursor, String... extra) {
        StringJoiner all = new StringJoiner("&");
        String own = queryString(withCursor);
        if (!own.isEmpty()) {
            all.add(own);
        }
        for (String e : extra) {
            all.add(e);
        }
        return "/staff/triage" + (all.length() == 0 ? "" : "?" + all);
    }

    static String join(Map<String, String> values) {
        StringJoiner out = new StringJoiner("&");
        values.forEach((k, v) -> out.add(k + "=" + encode(v)));
        return out.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void put(Map<String, String> out, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            out.put(key, value.strip());
        }
    }
}
