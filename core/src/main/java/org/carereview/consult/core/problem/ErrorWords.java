package org.carereview.consult.core.problem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard English words of every error a contributor can see, by key, from the bundles
 * {@code classpath:i18n/errors-<module>.properties} (one per module, so that no two jars ship the same file).
 * The public pages read the same bundles, with the child-friendly words beside them; the API answers in these.
 */
public final class ErrorWords {

    /** The modules' error bundles. */
    public static final List<String> BUNDLES = List.of("errors-core", "errors-account", "errors-advice",
            "errors-experts", "errors-deepdives");

    private static volatile Map<String, String> words;

    private ErrorWords() {
    }

    /** The words of {@code key}, with {@code {0}}, {@code {1}}... replaced by the arguments. */
    public static String english(String key, Object... args) {
        String template = all().get(key);
        if (template == null) {
            throw new IllegalArgumentException("No words for the error " + key + " in " + BUNDLES);
        }
        return fill(template, args);
    }

    static String fill(String template, Object... args) {
        String out = template;
        for (int i = 0; i < args.length; i++) {
            out = out.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return out;
    }

    private static Map<String, String> all() {
        Map<String, String> loaded = words;
        if (loaded == null) {
            Map<String, String> merged = new HashMap<>();
            for (String bundle : BUNDLES) {
                merged.putAll(Bundles.read("i18n/" + bundle + ".properties"));
            }
            words = loaded = Map.copyOf(merged);
        }
        return loaded;
    }
}
