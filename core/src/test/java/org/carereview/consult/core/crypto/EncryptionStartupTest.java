package org.carereview.consult.core.crypto;

import io.micronaut.context.ApplicationContext;
import org.carereview.consult.db.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up refuses a real database without a valid key; the demo mode always has one. */
class EncryptionStartupTest {

    private static Map<String, Object> realDatabase(String keys) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.fresh().micronautProperties());
        properties.put("consult.encryption.keys", keys);
        properties.put("consult.encryption.current", "");
        return properties;
    }

    @Test
    void aRealDatabaseWithoutAKeyDoesNotStart() {
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(realDatabase(""), "test").close());
        assertTrue(causes(refused).contains("CONSULT_ENCRYPTION_KEYS must hold a valid key"), causes(refused));
    }

    @Test
    void aRealDatabaseWithAShortKeyDoesNotStart() {
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(realDatabase("k1:c2hvcnQ="), "test").close());
        assertTrue(causes(refused).contains("encryption key k1 is not 32 bytes"), causes(refused));
    }

    @Test
    void theDemoModeWithoutAKeyStartsAndSeals() {
        Map<String, Object> properties = realDatabase("");
        properties.put("consult.demo-mode", true);
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            FieldCipher cipher = context.getBean(FieldCipher.class);
            String sealed = cipher.seal("Quiet room", "t.c");
            assertTrue(sealed.startsWith("v1:demo:"), sealed);
            assertEquals("Quiet room", cipher.open(sealed, "t.c"));
        }
    }

    private static String causes(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
