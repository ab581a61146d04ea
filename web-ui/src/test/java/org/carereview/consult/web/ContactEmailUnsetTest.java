package org.carereview.consult.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.carereview.consult.db.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without CONSULT_CONTACT_EMAIL no page shows a made-up address; the pages say how else to reach the review. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactEmailUnsetTest implements FreshDatabase {

    @Inject
    EmbeddedServer server;

    @Test
    void noPageShowsAPlaceholderAddressWhenNoneIsSet() throws Exception {
        Map<String, String> pages = ContactEmailPages.fetch(server.getURL());
        pages.forEach((path, html) -> {
            assertFalse(html.contains("example.org"), path + " shows a placeholder address");
            assertFalse(html.contains("mailto:"), path + " links to an address that was never set");
        });
        for (String path : new String[] {"/privacy", "/accessibility", "/no-such-page"}) {
            assertTrue(pages.get(path).contains("contact the review through the website or the person that sent you here"), path);
        }
        assertTrue(pages.get("/").contains("This is a new service."), "the beta banner stays, without a feedback link");
    }
}
