package org.carereview.consult.notifications;

import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import uk.gov.service.notify.NotificationClientException;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns GOV.UK Notify's refusal into a {@link SendFailure}, with a summary safe to store and log: the HTTP status,
 * Notify's error type and its words with any address or long number taken out. Only a 400 about this message is
 * permanent (not a valid number, a text too long); a refusal for a setting of ours (403 key refused, a team-only or
 * trial key, a template id or personalisation that does not match, a wrong address for Notify) waits for a person
 * to fix the setting, and is retried meanwhile, as are 429 (too many messages) and 5xx (Notify is down).
 */
final class NotifyFailures {

    private static final int BAD_REQUEST = 400;
    /** 400 refusals that a fixed setting cures: Notify's own words for them, lower-cased. */
    private static final List<String> SETTINGS = List.of("team-only", "trial mode", "template not found",
            "missing personalisation", "service is not allowed", "api key");
    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d ]{5,}\\d");
    private static final int MAX_WORDS = 200;

    private NotifyFailures() {
    }

    static SendFailure classify(NotificationClientException e) {
        int status = e.getHttpResult();
        if (status == 0) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new SendFailure("Notify unreachable: " + cause.getClass().getSimpleName(), false);
        }
        String[] error = firstError(e.getMessage());
        String summary = "Notify " + status + " " + error[0] + (error[1].isEmpty() ? "" : ": " + error[1]);
        String words = error[1].toLowerCase(Locale.ROOT);
        boolean setting = SETTINGS.stream().anyMatch(words::contains);
        return new SendFailure(summary, status == BAD_REQUEST && !setting);
    }

    /** Notify's first error type and message, scrubbed: {@code {"status_code":..,"errors":[{"error","message"}]}}. */
    private static String[] firstError(String message) {
        String text = message == null ? "" : message;
        int start = text.indexOf('{');
        try {
            JSONArray errors = new JSONObject(start < 0 ? "{}" : text.substring(start)).optJSONArray("errors");
            JSONObject first = errors == null || errors.isEmpty() ? new JSONObject() : errors.getJSONObject(0);
            return new String[] {scrub(first.optString("error", "Error")), scrub(first.optString("message", ""))};
        } catch (JSONException notJson) {
            return new String[] {"Error", ""};
        }
    }

    private static String scrub(String words) {
        String clean = NUMBER.matcher(EMAIL.matcher(words.replaceAll("[\\r\\n\\t]+", " ")).replaceAll("(address)"))
                .replaceAll("(number)");
        return clean.length() > MAX_WORDS ? clean.substring(0, MAX_WORDS) + "…" : clean;
    }
}
