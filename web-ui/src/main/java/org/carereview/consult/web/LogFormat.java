package org.carereview.consult.web;

import java.util.Locale;
import java.util.Map;

/**
 * {@code CONSULT_LOG_FORMAT}: {@code json} (the default) or {@code text}, in any case. Checked before anything logs,
 * because logback, given an appender name it does not know, would start with no log at all and say so only once.
 * The checked name goes to the system property of the same name, which logback.xml reads before the environment.
 */
final class LogFormat {

    static final String SETTING = "CONSULT_LOG_FORMAT";

    private LogFormat() {
    }

    /** Sets the system property logback reads; refuses a value that is neither {@code json} nor {@code text}. */
    static void choose(Map<String, String> environment) {
        String wanted = System.getProperty(SETTING, environment.getOrDefault(SETTING, ""));
        System.setProperty(SETTING, appender(wanted));
    }

    static String appender(String wanted) {
        String name = wanted == null || wanted.isBlank() ? "JSON" : wanted.strip().toUpperCase(Locale.ROOT);
        if (!name.equals("JSON") && !name.equals("TEXT")) {
            throw new IllegalArgumentException(SETTING + " must be json or text, not '" + wanted + "'");
        }
        return name;
    }
}
