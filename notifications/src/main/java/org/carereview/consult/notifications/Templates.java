package org.carereview.consult.notifications;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates messages are rendered from: the administrators' copy in the database, or the file in
 * the repository for a template not yet copied there (a brand-new template before the next start). Each is read
 * once and kept until a template is saved on any node ({@link TableChanges}): every receipt queued would otherwise
 * read its template again, and in any case once its copy is {@link NotificationsConfiguration#templatesKeptFor} old
 * ({@link KeptCopy}), so a saved wording reaches every node even one that stopped hearing announcements.
 */
@Singleton
class Templates {

    private final TemplateStore store;
    private final TemplateFiles files;
    private final TableChanges changes;
    private final Clock clock;
    private final Duration keptFor;
    private final Map<String, KeptCopy<Template>> kept = new ConcurrentHashMap<>();

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
        return kept.computeIfAbsent(id, any -> new KeptCopy<>(changes, clock, keptFor))
                .get(() -> store.current(id)
                        .map(row -> Template.of(id, row.subject(), row.body()))
                        .orElseGet(() -> files.get(id)));
    }

    /** Drops every kept template: one was saved on this node. */
    void forget() {
        changes.changed();
    }
}
