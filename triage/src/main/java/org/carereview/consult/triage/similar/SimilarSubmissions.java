package org.carereview.consult.triage.similar;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.submission.SubmissionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "More like this" (issue 16, ADR 0036): the submissions nearest in meaning to one, across channels. The index
 * proposes candidates; the database keeps only those that exist for the person asking ({@code Visibility}) and are
 * in the queue, with their current reference and text. When hidden or gone ones take candidates' places, the next
 * nearest are asked for, so how many come back never depends on what the person may not see.
 */
@Singleton
public class SimilarSubmissions {

    public static final int SHOWN = 10;

    private final SimilarIndex index;
    private final SimilarRowStore rows;
    private final SimilarConfiguration configuration;
    private final AuditLog audit;

    SimilarSubmissions(SimilarIndex index, SimilarRowStore rows, SimilarConfiguration configuration, AuditLog audit) {
        this.index = index;
        this.rows = rows;
        this.configuration = configuration;
        this.audit = audit;
    }

    /** For the API: the list, recorded in the audit log as one list read. Empty when the submission does not exist for them. */
    @Transactional
    public Optional<Similar> list(UUID id, Viewer viewer) {
        Optional<Similar> found = find(id, viewer);
        found.ifPresent(similar -> audit.recordList(viewer.actorId(), AuditAction.LIST, "similar to " + id,
                similar.items().size()));
        return found;
    }

    /** Loads this node's index now, if it is not loaded (the benchmark times it); null when it already was. */
    @Transactional
    SimilarIndex.Loaded load() {
        return index.load();
    }

    /** The list without an audit event of its own: the staff page shows it with the submission, whose read is recorded. */
    @Transactional
    public Optional<Similar> find(UUID id, Viewer viewer) {
        Optional<SubmissionStatus> status = rows.status(id, viewer);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        if (status.get() == SubmissionStatus.WITHDRAWN) {
            return Optional.of(new Similar(false, List.of()));
        }
        float[] vector = index.vectorOf(id);
        if (vector == null) {
            return Optional.of(new Similar(true, List.of()));
        }
        List<Similar.Item> items = new ArrayList<>();
        int asked = 0;
        for (int k = configuration.candidates(); items.size() < SHOWN; k *= 4) {
            List<VectorIndex.Scored> nearest = index.nearest(vector, id, k);
            List<VectorIndex.Scored> round = nearest.subList(Math.min(asked, nearest.size()), nearest.size());
            Map<UUID, SimilarRowStore.Row> visible =
                    rows.visible(round.stream().map(VectorIndex.Scored::id).toList(), viewer);
            for (VectorIndex.Scored candidate : round) {
                SimilarRowStore.Row row = visible.get(candidate.id());
                if (row != null && items.size() < SHOWN) {
                    items.add(new Similar.Item(row.id(), row.reference(), row.kind(), row.snippet(),
                            Math.round(Math.max(0, candidate.similarity()) * 100) / 100.0));
                }
            }
            if (nearest.size() < k) {
                break;
            }
            asked = nearest.size();
        }
        return Optional.of(new Similar(false, List.copyOf(items)));
    }
}
