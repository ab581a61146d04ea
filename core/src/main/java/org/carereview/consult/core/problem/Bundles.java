package org.carereview.consult.core.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Reads a bundle of words: a {@code .properties} file on the classpath, in UTF-8 (not Java's default ISO-8859-1). */
public final class Bundles {

    private Bundles() {
    }

    /** The bundle's words by key; empty when there is no such file (a language or version without it). */
    public static Map<String, String> read(String resource) {
        try (InputStream in = Bundles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new HashMap<>();
            p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
