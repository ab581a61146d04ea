package org.carereview.consult.core.redaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.intake.IntakeWriter;
import org.carereview.consult.core.intake.Row;
import org.carereview.consult.core.intake.Rows;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.submission.SubmissionKind;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every submission's free-text answers, redacted when it is sent and kept beside the originals (ADR 22): scorers
 * and reviewers' exports read the redacted text, the safeguarding lead and administrators the originals. Staff
 * correct a redaction by taking out words the rules missed or keeping words they took out by mistake; each
 * correction is kept (redacting again keeps it) and audited, and can be undone.
 */
@Singleton
public class Redactions {

    private final RedactionStore store;
    private final Redactor redactor;
    private final AuditLog audit;
    private final Clock clock;
    private final Rows<RedactionStore.NewRow> newRows;
    private final Map<SubmissionKind, ChannelContent> channels = new EnumMap<>(SubmissionKind.class);

    Redactions(RedactionStore store, Redactor redactor, AuditLog audit, Clock clock, List<ChannelContent> channels) {
        this.store = store;
        this.redactor = redactor;
        this.audit = audit;
        this.clock = clock;
        this.newRows = new Rows<>(rows -> store.putAllNew(rows, clock.instant()));
        channels.forEach(c -> this.channels.put(c.kind(), c));
    }

    /**
     * Redacts a new submission's free-text answers, as its channel has just stored them, and keeps the result.
     * Channels call this in the transaction that writes the submission, so it is never read unredacted.
     */
    @Transactional
    public void redact(UUID submissionId) {
        store.kind(submissionId).ifPresent(kind -> store.put(submissionId,
                redact(originals(submissionId, kind), Map.of()), clock.instant()));
    }

    /** A new submission's free-text answers, redacted before anything of it is written. */
    public record NewRedaction(Map<String, String> answers, Map<String, List<Found>> found) {
    }

    /**
     * Redacts a new submission's answers, as its channel will write them ({@link ChannelContent#freeText} names, as
     * its {@code describe} gives them), before its row is written: the channel passes {@link NewRedaction#answers}
     * to the row ({@code SubmissionDraft.withRedactedAnswers}) and then calls {@link #keepNew}, so the submission's
     * row is written once.
     */
    public NewRedaction redactNew(Map<String, String> answers) {
        RedactionStore.Stored stored = redact(answers, Map.of());
        return new NewRedaction(stored.answers(), stored.found());
    }

    /** Keeps a new submission's redaction, in the transaction that has just written its row with the same answers. */
    @Transactional
    public void keepNew(UUID submissionId, NewRedaction redaction) {
        store.putNew(submissionId, new RedactionStore.Stored(redaction.answers(), redaction.found(), Map.of()),
                clock.instant());
    }

    /**
     * A new submission's redaction as a row for the intake's writer ({@link IntakeWriter}), kept as {@link #keepNew}
     * keeps it, with the rows of the submissions written with it.
     */
    public Row<?> newRow(UUID submissionId, NewRedaction redaction) {
        return newRows.of(new RedactionStore.NewRow(submissionId,
                new RedactionStore.Stored(redaction.answers(), redaction.found(), Map.of())));
    }

    /** Redacts up to {@code limit} submissions that have none yet. @return how many were redacted */
    @Transactional
    public int sweep(int limit) {
        List<UUID> missing = store.missing(limit);
        missing.forEach(this::redact);
        return missing.size();
    }

    /** The answers, originals and redactions for a member of staff who may see the submission; audited as a view. */
    @Transactional
    public Optional<RedactedSubmission> open(UUID id, Viewer viewer) {
        Optional<RedactedSubmission> found = read(id, viewer);
        found.ifPresent(s -> audit.record(viewer.actorId(), AuditAction.VIEW, id, "redaction"));
        return found;
    }

    /**
     * Takes out every place {@code words} appear in the answer (any case) as a detail of this kind.
     * @throws InvalidInputException (422) when the words are not in the answer
     */
    @Transactional
    public Optional<RedactedSubmission> takeOut(UUID id, Viewer viewer, String field, Kind kind, String words) {
        return change(id, viewer, field, (original, corrections) -> {
            String wanted = words == null ? "" : words.strip();
            if (wanted.isEmpty()) {
                throw new InvalidInputException("words", "Enter the words to take out, as they are written in the answer");
            }
            int added = 0;
            String lower = original.toLowerCase(Locale.UK);
            String target = wanted.toLowerCase(Locale.UK);
            for (int at = lower.indexOf(target); at >= 0 && target.length() == wanted.length();
                 at = lower.indexOf(target, at + target.length())) {
                corrections.add(Correction.redact(kind, at, original.substring(at, at + wanted.length())));
                added++;
            }
            if (added == 0) {
                throw new InvalidInputException("words", "Those words are not in this answer. Copy them exactly as written");
            }
            return field + ": took out " + added + " as " + kind;
        });
    }

    /**
     * Keeps as written the words taken out at {@code start} in the answer.
     * @throws InvalidInputException (422) when nothing is taken out there
     */
    @Transactional
    public Optional<RedactedSubmission> keep(UUID id, Viewer viewer, String field, int start) {
        return change(id, viewer, field, (original, corrections) -> {
            Found span = redactor.redact(original, corrections).found().stream().filter(f -> f.start() == start)
                    .findFirst().orElseThrow(() -> new InvalidInputException("start",
                            "Nothing is taken out there. Choose one of the words shown as taken out"));
            corrections.add(Correction.keep(span.start(), original.substring(span.start(), span.end())));
            return field + ": kept " + span.kind() + " as written";
        });
    }

    /** Undoes correction {@code index} of the answer (as numbered in {@link RedactedSubmission.Change}). */
    @Transactional
    public Optional<RedactedSubmission> undo(UUID id, Viewer viewer, String field, int index) {
        return change(id, viewer, field, (original, corrections) -> {
            if (index < 0 || index >= corrections.size()) {
                throw new InvalidInputException("index", "There is no such correction. It may have been undone already");
            }
            corrections.remove(index);
            return field + ": undid correction " + (index + 1);
        });
    }

    private interface Edit {
        /** Changes the corrections in place; returns the audit detail (names kinds and counts, never words). */
        String apply(String original, List<Correction> corrections);
    }

    private Optional<RedactedSubmission> change(UUID id, Viewer viewer, String field, Edit edit) {
        Optional<SubmissionKind> kind = visibleKind(id, viewer);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> originals = originals(id, kind.get());
        String original = originals.get(field);
        if (original == null) {
            throw new InvalidInputException("field", "Choose one of this submission's answers");
        }
        Map<String, List<Correction>> corrections = new LinkedHashMap<>();
        store.find(id).ifPresent(s -> s.corrections().forEach((k, v) -> corrections.put(k, new ArrayList<>(v))));
        List<Correction> mine = corrections.computeIfAbsent(field, k -> new ArrayList<>());
        String detail = edit.apply(original, mine);
        if (mine.isEmpty()) {
            corrections.remove(field);
        }
        store.put(id, redact(originals, corrections), clock.instant());
        audit.record(viewer.actorId(), AuditAction.REDACTION_CHANGE, id, detail);
        return read(id, viewer);
    }

    private RedactionStore.Stored redact(Map<String, String> answers, Map<String, List<Correction>> corrections) {
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, List<Found>> found = new LinkedHashMap<>();
        Map<String, List<Correction>> kept = new LinkedHashMap<>();
        answers.forEach((field, original) -> {
            if (original == null || original.isBlank()) {
                return;
            }
            List<Correction> own = corrections.getOrDefault(field, List.of());
            Redaction redaction = redactor.redact(original, own);
            texts.put(field, redaction.text());
            found.put(field, redaction.found());
            if (!own.isEmpty()) {
                kept.put(field, own);
            }
        });
        return new RedactionStore.Stored(texts, found, kept);
    }

    private Optional<RedactedSubmission> read(UUID id, Viewer viewer) {
        Optional<SubmissionKind> kind = visibleKind(id, viewer);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        ChannelContent channel = channels.get(kind.get());
        Map<String, List<Correction>> corrections = store.find(id).map(RedactionStore.Stored::corrections)
                .orElse(Map.of());
        List<RedactedSubmission.Field> fields = new ArrayList<>();
        for (ChannelContent.Detail detail : channel.describe(id)) {
            if (!channel.freeText().contains(detail.name()) || detail.value() == null || detail.value().isBlank()) {
                continue;
            }
            String original = detail.value();
            List<Correction> own = corrections.getOrDefault(detail.name(), List.of());
            Redaction redaction = redactor.redact(original, own);
            List<RedactedSubmission.Span> out = redaction.found().stream().map(f -> new RedactedSubmission.Span(
                    f.kind(), f.start(), f.end(), original.substring(f.start(), f.end()))).toList();
            List<RedactedSubmission.Change> changes = new ArrayList<>();
            for (int i = 0; i < own.size(); i++) {
                Correction c = own.get(i);
                changes.add(new RedactedSubmission.Change(i, c.redact(), c.kind(), c.start(), c.end(), c.text()));
            }
            fields.add(new RedactedSubmission.Field(detail.name(), detail.label(), original, redaction.text(), out,
                    changes));
        }
        return Optional.of(new RedactedSubmission(id, store.reference(id), fields));
    }

    private Map<String, String> originals(UUID id, SubmissionKind kind) {
        ChannelContent channel = channels.get(kind);
        Map<String, String> answers = new LinkedHashMap<>();
        if (channel != null) {
            channel.describe(id).stream().filter(d -> channel.freeText().contains(d.name()) && d.value() != null)
                    .forEach(d -> answers.put(d.name(), d.value()));
        }
        return answers;
    }

    private Optional<SubmissionKind> visibleKind(UUID id, Viewer viewer) {
        return store.visibleKind(id, viewer).filter(channels::containsKey);
    }
}
