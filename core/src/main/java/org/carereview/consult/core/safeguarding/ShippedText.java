package org.carereview.consult.core.safeguarding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a UTF-8 file that ships in the jar (the phrase list, the spellings, the labelled examples). */
final class ShippedText {

    private ShippedText() {
    }

    static String read(String resource, String what) {
        try (InputStream in = ShippedText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(what + " not found on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
