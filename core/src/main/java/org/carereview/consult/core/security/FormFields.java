package org.carereview.consult.core.security;

import io.micronaut.core.annotation.Nullable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads one text field out of an application/x-www-form-urlencoded or a multipart/form-data body. */
final class FormFields {

    private FormFields() {
    }

    @Nullable
    static String first(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            try {
                if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        return null;
    }

    /**
     * The first value of the text field called {@code name} in a multipart/form-data body whose parts are
     * separated by {@code boundary}; null if there is none. File parts are passed over, never decoded.
     */
    @Nullable
    static String firstPart(byte[] body, String boundary, String name) {
        // ISO-8859-1 maps every byte to one char, so binary file parts cannot break the reading.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        String wanted = "name=\"" + name + "\"";
        for (String part : text.split(java.util.regex.Pattern.quote(delimiter), -1)) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            if (headers.contains(wanted) && !headers.contains("filename=") && part.endsWith("\r\n")) {
                return new String(part.substring(headersEnd + 4, part.length() - 2).getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
