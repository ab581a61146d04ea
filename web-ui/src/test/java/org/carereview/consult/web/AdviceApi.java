package org.carereview.consult.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Journeys that need advice already sent send it through the public API, as an integration would. */
final class AdviceApi {

    private AdviceApi() {
    }

    /** Sends advice from a care-experienced person; the answer holds its id and reference. */
    static Map<String, Object> send(HttpClient http, String keyQuestions, List<String> themes, @Nullable String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("respondentType", "CARE_EXPERIENCED");
        body.put("keyQuestions", keyQuestions);
        body.put("themes", themes);
        if (email != null) {
            body.put("contactEmail", email);
        }
        body.put("consentToContact", email != null);
        body.put("consentToPublish", false);
        return http.toBlocking().retrieve(HttpRequest.POST("/api/v1/call-for-advice/submissions", body),
                Argument.mapOf(String.class, Object.class));
    }
}
