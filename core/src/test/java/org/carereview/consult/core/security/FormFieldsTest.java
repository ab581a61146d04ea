package org.carereview.consult.core.security;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The CSRF token is read out of form bodies: url-encoded, and multipart (where a file may hold any bytes). */
class FormFieldsTest {

    static final String BOUNDARY = "----formBoundaryX7";

    @Test
    void readsATextPartFromAMultipartBodyWhateverBytesTheFileHolds() {
        byte[] body = multipart(
                part("sessionId", null, "s-1".getBytes(StandardCharsets.UTF_8)),
                part("file", "cards.csv", new byte[]{(byte) 0xFF, 0, '\r', '\n', '-', '-', (byte) 0xC3}),
                part("csrfToken", null, "tok_é".getBytes(StandardCharsets.UTF_8)));

        assertEquals("tok_é", FormFields.firstPart(body, BOUNDARY, "csrfToken"));
        assertEquals("s-1", FormFields.firstPart(body, BOUNDARY, "sessionId"));
    }

    @Test
    void aFilePartIsNeverTakenForTheTokenAndAMissingPartIsNull() {
        byte[] body = multipart(part("csrfToken", "csrfToken.txt", "from a file".getBytes(StandardCharsets.UTF_8)));

        assertNull(FormFields.firstPart(body, BOUNDARY, "csrfToken"));
        assertNull(FormFields.firstPart(multipart(), BOUNDARY, "csrfToken"));
        assertNull(FormFields.firstPart("not multipart at all".getBytes(StandardCharsets.UTF_8), BOUNDARY, "csrfToken"));
    }

    @Test
    void readsAUrlEncodedFieldAndGivesUpOnABrokenOne() {
        assertEquals("a b", FormFields.first("email=x%40y.org&csrfToken=a+b", "csrfToken"));
        assertNull(FormFields.first("csrfToken=%zz", "csrfToken"));
    }

    private static byte[] part(String name, String filename, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String headers = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/csv") + "\r\n\r\n";
        out.writeBytes(headers.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] multipart(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
