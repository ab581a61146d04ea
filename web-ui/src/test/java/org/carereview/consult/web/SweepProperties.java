package org.carereview.consult.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a test that sends every route many requests from one address: no rate limit, and no background
 * work (the learned safeguarding check, the outbox dispatcher) between its requests.
 */
final class SweepProperties {

    private SweepProperties() {
    }

    static Map<String, String> with(Map<String, String> database) {
        Map<String, String> properties = new LinkedHashMap<>(database);
        properties.put("consult.rate-limit-per-minute", "0");
        properties.put("consult.safeguarding.learned.enabled", "false");
        properties.put("consult.safeguarding.learned.queue.enabled", "false");
        properties.put("consult.notifications.scheduler.enabled", "false");
        properties.put("consult.embeddings.enabled", "false");
        properties.put("consult.campaigns.enabled", "false");
        properties.put("consult.suggestions.enabled", "false");
        return properties;
    }
}
