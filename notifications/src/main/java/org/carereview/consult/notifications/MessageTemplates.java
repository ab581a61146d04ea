package org.carereview.consult.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Administrators' view of the message templates: list, read, edit (a new version each time, the old
 * ones kept), and restore an old version. An edit may only use the fields the service fills in, and must
 * keep any link, so a change of wording can never stop a message from being sent or from working.
 */
@Singleton
public class MessageTemplates {

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 10_000;

    private final TemplateStore store;
    private final TemplateFiles files;
    private final Templates templates;
    private final Clock clock;

    MessageTemplates(TemplateStore store, TemplateFiles files, Templates templates, Clock clock) {
        this.store = store;
        this.files = files;
        this.templates = templates;
        this.clock = clock;
    }

    /** Every template in the repository's order. */
    public List<MessageTemplate> list() {
        Map<String, TemplateStore.Row> rows = new java.util.HashMap<>();
        store.all().forEach(r -> rows.put(r.id(), r));
        List<MessageTemplate> all = new ArrayList<>();
        files.index().forEach((id, purpose) -> {
            TemplateStore.Row row = rows.get(id);
            if (row != null) {
                all.add(view(row, purpose));
            }
        });
        return all;
    }

    public Optional<MessageTemplate> find(String id) {
        if (!known(id)) {
            return Optional.empty();
        }
        return store.current(id).map(row -> view(row, files.index().get(id)));
    }

    /** Every saved version, newest first; empty for an unknown template. */
    public List<MessageTemplate.Version> history(String id) {
        if (!known(id)) {
            return List.of();
        }
        return store.versions(id).stream()
                .map(r -> new MessageTemplate.Version(r.version(), r.subject(), r.body(), r.at(), r.by()))
                .toList();
    }

    /**
     * Saves new text as the next version.
     *
     * @throws TemplateEditRefused with a reason per field, and nothing saved
     * @throws java.util.NoSuchElementException for an unknown template
     */
    @Transactional
    public MessageTemplate update(String id, @Nullable String subject, @Nullable String body, int expectedVersion,
                                  UUID editor) {
        MessageTemplate current = find(id).orElseThrow();
        List<MessageTemplate.Problem> problems = TemplateRules.check(subject, body, current);
        if (!problems.isEmpty()) {
            throw new TemplateEditRefused(problems);
        }
        Template checked = Template.of(id, subject, body);
        if (!store.update(id, expectedVersion, checked.subject(), checked.body(), clock.instant(), editor)) {
            throw new TemplateEditRefused(List.of(new MessageTemplate.Problem("version",
                    "Someone else saved a change to this message after you opened it. Your text has not been saved: "
                            + "check their change, then make yours again.")));
        }
        templates.forget();
        return find(id).orElseThrow();
    }

    /** Makes an old version's text the current one again (as a new version, so nothing is lost). */
    @Transactional
    public MessageTemplate restore(String id, int version, int expectedVersion, UUID editor) {
        MessageTemplate.Version old = history(id).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow();
        return update(id, old.subject(), old.body(), expectedVersion, editor);
    }

    private boolean known(String id) {
        return id != null && TemplateFiles.ID.matcher(id).matches() && files.index().containsKey(id);
    }

    private MessageTemplate view(TemplateStore.Row row, String purpose) {
        Template file = files.get(row.id());
        Set<String> fields = new LinkedHashSet<>(file.placeholders());
        List<String> required = fields.stream().filter(TemplateRules::isRequired).toList();
        return new MessageTemplate(row.id(), purpose, row.subject(), row.body(), row.version(), row.at(), row.by(),
                List.copyOf(fields), required);
    }
}
