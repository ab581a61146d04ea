package org.carereview.consult.notifications;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates messages are rendered from: the administrators' copy in the database, or the file in
 * the repository for a template not yet copied there (a brand-new template before the next start). Each is read
 * once and kept until a template is saved on any node ({@link TableChanges}): every receipt queued would otherwise
 * read its template again.
 */
@Singleton
class Templates {

    private record Kept(long generation, Template template) {
    }

    private final TemplateStore store;
    private final TemplateFiles files;
    private final TableChanges changes;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    Templates(TemplateStore store, TemplateFiles files, TableChanges changes) {
        this.store = store;
        this.files = files;
        this.changes = changes;
    }

    /** The template, or {@link IllegalArgumentException} if there is none with this id. */
    Template get(String id) {
        TemplateFiles.requireId(id);
        long generation = changes.generation();
        Kept held = kept.get(id);
        if (held != null && generation != TableChanges.UNKNOWN && held.generation() == generation) {
            return held.template();
        }
        Template template = store.current(id)
                .map(row -> Template.of(id, row.subject(), row.body()))
                .orElseGet(() -> files.get(id));
        if (generation != TableChanges.UNKNOWN) {
            kept.put(id, new Kept(generation, template));
        }
        return template;
    }

    /** Drops every kept template: one was saved on this node. */
    void forget() {
        changes.changed();
    }
}
