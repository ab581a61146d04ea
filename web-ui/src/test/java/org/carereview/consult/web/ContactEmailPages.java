package org.carereview.consult.web;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** The public pages that tell people how to reach the review, fetched over HTTP as a browser would. */
final class ContactEmailPages {

    /** Every public page a person may see before or after sending something, and an error page. */
    static final List<String> PATHS = List.of("/", "/privacy", "/accessibility", "/cookies", "/call-for-advice",
            "/experts-by-experience", "/sign-in", "/no-such-page");

    private ContactEmailPages() {
    }

    static Map<String, String> fetch(URL base) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        for (String path : PATHS) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            pages.put(path, response.body());
        }
        return pages;
    }
}
