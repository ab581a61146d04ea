package org.carereview.consult.notifications;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates messages are rendered from: the administrators' copy in the database, or the file in
 * the repository for a template not yet copied there (a brand-new template before the next start). Each is read
 * once and kept until a template is saved on any node ({@link TableChanges}): every receipt queued would otherwise
 * read its template again. A node that stops hearing announcements without noticing (a listening connection dropped
 * silently by the network, or one through a pooler that does not pass them on) still reads each template again once
 * its copy is {@link NotificationsConfiguration#templatesKeptFor} old, so a saved wording reaches every node.
 */
@Singleton
class Templates {

    private record Kept(long generation, Instant readAt, Template template) {
    }

    private final TemplateStore store;
    private final TemplateFiles files;
    private final TableChanges changes;
    private final Clock clock;
    private final Duration keptFor;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    Templates(TemplateStore store, TemplateFiles files, TableChanges changes, Clock clock,
              NotificationsConfiguration config) {
        this.store = store;
        this.files = files;
        this.changes = changes;
        this.clock = clock;
        this.keptFor = config.templatesKeptFor();
    }

    /** The template, or {@link IllegalArgumentException} if there is none with this id. */
    Template get(String id) {
        TemplateFiles.requireId(id);
        long generation = changes.generation();
        Instant now = clock.instant();
        Kept held = kept.get(id);
        if (held != null && generation != TableChanges.UNKNOWN && held.generation() == generation
                && !now.isBefore(held.readAt()) && now.isBefore(held.readAt().plus(keptFor))) {
            return held.template();
        }
        Template template = store.current(id)
                .map(row -> Template.of(id, row.subject(), row.body()))
                .orElseGet(() -> files.get(id));
        if (generation != TableChanges.UNKNOWN) {
            kept.put(id, new Kept(generation, now, template));
        }
        return template;
    }

    /** Drops every kept template: one was saved on this node. */
    void forget() {
        changes.changed();
    }
}
