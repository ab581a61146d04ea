package org.carereview.consult.notifications;

import org.json.JSONException;
import org.json.JSONObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/** How {@link FakeNotify} checks a request's token, as Notify does: HS256 with the key's secret, issued by the service. */
final class FakeNotifyToken {

    private FakeNotifyToken() {
    }

    /** {@code Bearer header.payload.signature}, signed HS256 with the secret, {@code iss} the service id, an {@code iat}. */
    static boolean signedByTheKey(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(FakeNotify.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            byte[] given = Base64.getUrlDecoder().decode(parts[2]);
            JSONObject header = new JSONObject(decode(parts[0]));
            JSONObject claims = new JSONObject(decode(parts[1]));
            return MessageDigest.isEqual(expected, given) && "HS256".equals(header.optString("alg"))
                    && FakeNotify.SERVICE_ID.equals(claims.optString("iss")) && claims.has("iat");
        } catch (GeneralSecurityException | IllegalArgumentException | JSONException e) {
            return false;
        }
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
