package org.carereview.consult.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CONSULT_CONTACT_EMAIL (consult.contact-email) is the one address every page that gives one shows. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactEmailSetTest implements FreshDatabase {

    static final String ADDRESS = "care.review@review.test";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.contact-email", ADDRESS);
        return properties;
    }

    @Test
    void pagesShowTheConfiguredAddressAndNoOther() throws Exception {
        Map<String, String> pages = ContactEmailPages.fetch(server.getURL());
        pages.forEach((path, html) -> {
            assertFalse(html.contains("example.org"), path + " shows a placeholder address");
            assertTrue(html.contains("mailto:" + ADDRESS + "?subject=Feedback"), path + ": the beta banner's feedback link");
        });
        for (String path : new String[] {"/privacy", "/accessibility", "/no-such-page"}) {
            assertTrue(pages.get(path).contains("email <a class=\"govuk-link\" href=\"mailto:" + ADDRESS + "\">" + ADDRESS + "</a>"), path);
            assertFalse(pages.get(path).contains("contact the review through the website"), path);
        }
    }
}
