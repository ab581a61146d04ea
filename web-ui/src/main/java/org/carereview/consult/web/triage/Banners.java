package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import org.carereview.consult.triage.TriageBulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Success messages after a redirect. The address carries only codes and counts, which are turned into
 * words here from fixed lists: nothing in the address is ever shown as it is, except a reference of the
 * service's own format.
 */
final class Banners {

    private static final Pattern REFERENCE = Pattern.compile("[A-Z]{3}-[A-Z0-9]{4}-[A-Z0-9]{4}");
    private static final Pattern COUNT = Pattern.compile("\\d{1,4}");
    private static final Map<String, String> SAVED = Map.ofEntries(
            Map.entry("tags", "Themes and dilemmas saved"),
            Map.entry("assignee", "Assignment saved"),
            Map.entry("status", "Status saved"),
            Map.entry("note", "Note added"),
            Map.entry("action", "Action recorded"),
            Map.entry("released", "Released into the queue as new"),
            Map.entry("unflagged", "Flag removed: reviewers can see this submission again"),
            Map.entry("not-a-disclosure", "Flag removed as not a disclosure: reviewers can see this submission again, and the "
                    + "screening will learn from it"),
            Map.entry("suggestion-accepted", "Suggestion accepted: the tag is added"),
            Map.entry("suggestion-rejected", "Suggestion rejected: it will not be shown again"),
            Map.entry("nothing", "Nothing changed"));

    private Banners() {
    }

    /** The parameters for "3 updated, 1 skipped (not found)": {@code updated=3&skipped=1&why=not-found.1}. */
    static String bulkResult(TriageBulk.Result result) {
        Map<String, Integer> reasons = new TreeMap<>();
        result.skipped().forEach(s -> reasons.merge(s.reason(), 1, Integer::sum));
        StringJoiner why = new StringJoiner(",");
        reasons.forEach((reason, count) -> why.add(reason + "." + count));
        return "updated=" + result.updated().size() + "&skipped=" + result.skipped().size()
                + (reasons.isEmpty() ? "" : "&why=" + QueueQuery.encode(why.toString()));
    }

    @Nullable
    static String queue(HttpParameters p) {
        String flagged = p.get("flagged");
        if (flagged != null) {
            return (REFERENCE.matcher(flagged).matches() ? flagged : "The submission")
                    + " is flagged for safeguarding. The safeguarding lead has been told; it is no longer in your queue.";
        }
        String deleted = p.get("deleted");
        if (deleted != null && REFERENCE.matcher(deleted).matches()) {
            return deleted + " is deleted.";
        }
        String updated = p.get("updated");
        String skipped = p.get("skipped");
        if (updated == null || skipped == null || !COUNT.matcher(updated).matches() || !COUNT.matcher(skipped).matches()) {
            return null;
        }
        String text = updated + " updated, " + skipped + " skipped";
        List<String> reasons = reasons(p.get("why"));
        return reasons.isEmpty() ? text : text + " (" + String.join("; ", reasons) + ")";
    }

    @Nullable
    static String saved(@Nullable String code) {
        return code == null ? null : SAVED.get(code);
    }

    private static List<String> reasons(@Nullable String why) {
        List<String> out = new ArrayList<>();
        if (why == null) {
            return out;
        }
        for (String part : why.split(",")) {
            int dot = part.lastIndexOf('.');
            if (dot > 0 && COUNT.matcher(part.substring(dot + 1)).matches()) {
                out.add(part.substring(dot + 1) + " " + TriageWords.skipped(part.substring(0, dot)));
            }
        }
        return out;
    }
}
