package org.carereview.consult.notifications;

import jakarta.inject.Singleton;

/**
 * The templates messages are rendered from: the administrators' copy in the database, or the file in
 * the repository for a template not yet copied there (a brand-new template before the next start).
 */
@Singleton
class Templates {

    private final TemplateStore store;
    private final TemplateFiles files;

    Templates(TemplateStore store, TemplateFiles files) {
        this.store = store;
        this.files = files;
    }

    /** The template, or {@link IllegalArgumentException} if there is none with this id. */
    Template get(String id) {
        TemplateFiles.requireId(id);
        return store.current(id)
                .map(row -> Template.of(id, row.subject(), row.body()))
                .orElseGet(() -> files.get(id));
    }
}
