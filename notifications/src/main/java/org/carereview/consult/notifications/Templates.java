package org.carereview.consult.notifications;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The message templates kept in the repository under {@code notifications/templates/<id>.txt}. */
@Singleton
class Templates {

    static final String FOLDER = "notifications/templates/";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, Template> loaded = new ConcurrentHashMap<>();

    /** The template, or {@link IllegalArgumentException} if there is none with this id. */
    Template get(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a template id: use lower-case letters, digits and '-'");
        }
        return loaded.computeIfAbsent(id, Templates::load);
    }

    private static Template load(String id) {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(FOLDER + id + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("unknown template '" + id + "'");
            }
            return Template.parse(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("template '" + id + "' could not be read", e);
        }
    }
}
