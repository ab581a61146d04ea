package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.triage.tagging.SuggestionStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A person deciding the suggested themes and dilemmas (ADR 0035): accepting one adds it as a tag, with the history
 * saying it was suggested and who accepted it; rejecting one keeps it from being shown again. Nothing is tagged
 * without a person. Each decision is audited like any other change.
 */
@Singleton
public class TagSuggestions {

    /** The most submissions one bulk decision takes. */
    public static final int MAX_BULK = 200;

    /** A suggestion as a reader sees it. */
    @Serdeable
    public record View(String frame, String code, float confidence, String sentence, String state,
                       List<UUID> similarIds, List<String> similarReferences) {
    }

    /** A submission with an open suggestion of one code, for the page that decides many at once. */
    @Serdeable
    public record Candidate(UUID id, String reference, String frame, String code, float confidence, String sentence) {
    }

    private final SubmissionStore rows;
    private final Changes changes;
    private final SuggestionStore store;
    private final AuditLog audit;
    private final Clock clock;

    TagSuggestions(SubmissionStore rows, Changes changes, SuggestionStore store, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.changes = changes;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The submission's suggestions, read by the API: one VIEW in the audit log; 404 when the viewer may not see it. */
    @Transactional
    public List<View> read(UUID id, Viewer viewer) {
        List<View> views = of(id, viewer);
        audit.record(viewer.actorId(), AuditAction.VIEW, id, "suggestions");
        return views;
    }

    /** The same for a page that has already recorded its view of the submission. */
    @Transactional(readOnly = true)
    public List<View> of(UUID id, Viewer viewer) {
        rows.find(id, viewer.seesFlagged(), false).orElseThrow(TriageActions::notFound);
        return store.of(id, viewer.seesFlagged()).stream().map(TagSuggestions::view).toList();
    }

    /**
     * Submissions this viewer may see with an open suggestion of the code, most confident first; without a code, of
     * any code of the frame, and without a frame, of any code.
     */
    @Transactional
    public List<Candidate> open(@Nullable String frame, @Nullable String code, Viewer viewer) {
        String f = blank(frame) ? null : frame(frame);
        if (f == null && !blank(code)) {
            throw new InvalidInputException("frame", "Give theme or dilemma with a code");
        }
        String c = blank(code) ? null : code(f, code);
        List<Candidate> found = store.openFor(f, c, viewer.seesFlagged(), MAX_BULK).stream()
                .map(s -> new Candidate(s.submission(), s.reference(), s.frame(), s.code(), s.confidence(), s.sentence()))
                .toList();
        audit.recordList(viewer.actorId(), AuditAction.LIST, "suggestions " + (f == null ? "any" : f) + ":"
                + (c == null ? "any" : c), found.size());
        return found;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    @Transactional
    public void accept(UUID id, String frame, String code, Viewer viewer) {
        decide(id, frame(frame), code, true, viewer, clock.instant());
    }

    @Transactional
    public void reject(UUID id, String frame, String code, Viewer viewer) {
        decide(id, frame(frame), code, false, viewer, clock.instant());
    }

    /** The same decision for many submissions; answers those it decided (others had no open suggestion of it). */
    @Transactional
    public List<UUID> decideAll(List<UUID> ids, String frame, String code, boolean accept, Viewer viewer) {
        if (ids.isEmpty() || ids.size() > MAX_BULK) {
            throw new InvalidInputException("ids", "Select from 1 to " + MAX_BULK + " submissions");
        }
        String f = frame(frame);
        Instant now = clock.instant();
        List<UUID> decided = new ArrayList<>();
        for (UUID id : ids) {
            try {
                decide(id, f, code, accept, viewer, now);
                decided.add(id);
            } catch (ProblemException e) {
                // Gone, withdrawn or already decided: the rest of the selection is still decided.
            }
        }
        return decided;
    }

    private void decide(UUID id, String frame, String code, boolean accept, Viewer viewer, Instant now) {
        String c = code(frame, code);
        SubmissionRow row = rows.find(id, viewer.seesFlagged(), true).orElseThrow(TriageActions::notFound);
        if (store.openLocked(id, frame, c).isEmpty()) {
            throw new ProblemException(HttpStatus.CONFLICT, "suggestion-decided", "No open suggestion",
                    "This suggestion has already been accepted or rejected, or was never made.");
        }
        if (accept) {
            boolean theme = frame.equals("THEME");
            ChangeInput in = new ChangeInput(null, false, null, theme ? union(row.themes(), c) : null,
                    theme ? null : union(row.dilemmas(), c), null);
            List<String> changed = changes.apply(row, in, viewer, now, "SUGGESTION");
            audit.record(viewer.actorId(), AuditAction.CHANGE, id, "suggestion-accepted " + frame + ":" + c
                    + (changed.isEmpty() ? "" : " " + String.join(",", changed)));
        } else {
            audit.record(viewer.actorId(), AuditAction.CHANGE, id, "suggestion-rejected " + frame + ":" + c);
        }
        store.decide(id, frame, c, accept ? "ACCEPTED" : "REJECTED", viewer.accountId(), now);
    }

    private static List<String> union(List<String> current, String code) {
        TreeSet<String> all = new TreeSet<>(current);
        all.add(code);
        return List.copyOf(all);
    }

    private static String frame(String frame) {
        String f = frame == null ? "" : frame.strip().toUpperCase(Locale.ROOT);
        if (!f.equals("THEME") && !f.equals("DILEMMA")) {
            throw new InvalidInputException("frame", "Give theme or dilemma");
        }
        return f;
    }

    private static String code(String frame, String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        try {
            return frame.equals("THEME") ? Theme.valueOf(c).name() : Dilemma.valueOf(c).name();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("code", "Not a " + frame.toLowerCase(Locale.ROOT) + " this service knows");
        }
    }

    private static View view(SuggestionStore.Stored s) {
        return new View(s.frame(), s.code(), s.confidence(), s.sentence(), s.state(), s.similarIds(),
                s.similarReferences());
    }
}
