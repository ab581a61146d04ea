package org.carereview.consult.notifications;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** The fake's check, checked: a forged signature is refused (every Notify test passes with the real one). */
class FakeNotifyTokenTest {

    @Test
    void aTokenNotSignedWithTheKeysSecretIsRefused() {
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String claims = encode("{\"iss\":\"" + FakeNotify.SERVICE_ID + "\",\"iat\":1}");

        assertFalse(FakeNotifyToken.signedByTheKey("Bearer " + header + "." + claims + "." + encode("forged")));
        assertFalse(FakeNotifyToken.signedByTheKey(null));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
