package org.carereview.consult.notifications;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The message templates kept in the repository under {@code notifications/templates/<id>.txt}, listed in
 * {@code index.tsv}. They are the starting text: the database copy ({@link Templates}) is what is sent.
 */
@Singleton
class TemplateFiles {

    static final String FOLDER = "notifications/templates/";
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, Template> loaded = new ConcurrentHashMap<>();

    /** The template, or {@link IllegalArgumentException} if there is none with this id. */
    Template get(String id) {
        requireId(id);
        return loaded.computeIfAbsent(id, TemplateFiles::load);
    }

    /** Every template id in the index, in its order, with what the template is for. */
    Map<String, String> index() {
        Map<String, String> purposes = new LinkedHashMap<>();
        for (String line : read("index.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            requireId(parts[0].strip());
            purposes.put(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "");
        }
        return purposes;
    }

    static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a template id: use lower-case letters, digits and '-'");
        }
    }

    private static Template load(String id) {
        return Template.parse(id, read(id + ".txt"));
    }

    private static String read(String name) {
        try (InputStream in = TemplateFiles.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown template file '" + name + "'");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("template file '" + name + "' could not be read", e);
        }
    }
}
