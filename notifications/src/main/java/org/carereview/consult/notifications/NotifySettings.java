package org.carereview.consult.notifications;

import io.micronaut.context.exceptions.ConfigurationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GOV.UK Notify's settings, checked once at start-up: a half-set or mistyped setting stops the service starting
 * with a message saying which, rather than every message failing later. Exception messages never quote the key.
 *
 * @param mapped our template ids mapped to Notify template ids (may be empty)
 */
record NotifySettings(String apiKey, String baseUrl, String emailTemplateId, String smsTemplateId,
                      Map<String, String> mapped) {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int UUID_LENGTH = 36;

    NotifySettings {
        mapped = Map.copyOf(mapped);
    }

    /** Checks the settings against our template ids; {@link ConfigurationException} says what is wrong. */
    static NotifySettings check(NotifyConfiguration config, Set<String> ourTemplates) {
        String key = config.apiKey() == null ? "" : config.apiKey().strip();
        if (!wellFormedKey(key)) {
            throw new ConfigurationException("CONSULT_NOTIFY_API_KEY is not a GOV.UK Notify API key: copy the whole "
                    + "key from Notify (API integration, API keys); it ends with two ids of 36 characters");
        }
        String email = templateId(config.emailTemplateId(), "CONSULT_NOTIFY_EMAIL_TEMPLATE_ID",
                "an email template whose subject is ((subject)) and whose message is ((body))");
        String sms = templateId(config.smsTemplateId(), "CONSULT_NOTIFY_SMS_TEMPLATE_ID",
                "a text message template whose message is ((body))");
        return new NotifySettings(key, baseUrl(config.baseUrl()), email, sms, mapped(config.templateIds(), ourTemplates));
    }

    /** The service id in the key: not secret, but only Notify's support needs it. */
    String serviceId() {
        return apiKey.substring(apiKey.length() - 2 * UUID_LENGTH - 1, apiKey.length() - UUID_LENGTH - 1);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "NotifySettings[baseUrl=" + baseUrl + ", emailTemplateId=" + emailTemplateId + ", smsTemplateId="
                + smsTemplateId + ", mapped=" + mapped + "]";
    }

    private static boolean wellFormedKey(String key) {
        int n = key.length();
        if (n < 2 * UUID_LENGTH + 1 || key.charAt(n - UUID_LENGTH - 1) != '-') {
            return false;
        }
        boolean named = n == 2 * UUID_LENGTH + 1 || key.charAt(n - 2 * UUID_LENGTH - 2) == '-';
        return named && UUID.matcher(key.substring(n - UUID_LENGTH)).matches()
                && UUID.matcher(key.substring(n - 2 * UUID_LENGTH - 1, n - UUID_LENGTH - 1)).matches();
    }

    private static String templateId(String value, String setting, String what) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("A GOV.UK Notify API key is set but " + setting + " is not: set it to the "
                    + "id of " + what + " (see ADR 31)");
        }
        if (!UUID.matcher(value.strip()).matches()) {
            throw new ConfigurationException(setting + " is not a Notify template id (36 characters, such as "
                    + "f33517ff-2a88-4f6e-b855-c550268ce08a)");
        }
        return value.strip();
    }

    private static String baseUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            String host = uri.getHost() == null ? "" : uri.getHost();
            boolean local = host.equals("localhost") || host.equals("127.0.0.1");
            if ("https".equals(uri.getScheme()) && !host.isEmpty() || "http".equals(uri.getScheme()) && local) {
                return value.strip().replaceAll("/+$", "");
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new ConfigurationException("CONSULT_NOTIFY_BASE_URL must be an https address (plain http only to this "
                + "machine, for tests): leave it unset for GOV.UK Notify itself");
    }

    private static Map<String, String> mapped(String value, Set<String> ourTemplates) {
        Map<String, String> mapped = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return mapped;
        }
        for (String pair : value.split(",")) {
            String[] parts = pair.split("=", 2);
            String ours = parts[0].strip();
            if (parts.length != 2 || !ourTemplates.contains(ours) || !UUID.matcher(parts[1].strip()).matches()) {
                throw new ConfigurationException("CONSULT_NOTIFY_TEMPLATE_IDS must be a list of our-template-id="
                        + "notify-template-id, separated by commas; '" + (ourTemplates.contains(ours) ? ours + "=…"
                        : ours) + "' is not (our template ids are listed on the message templates page)");
            }
            mapped.put(ours, parts[1].strip());
        }
        return mapped;
    }
}
