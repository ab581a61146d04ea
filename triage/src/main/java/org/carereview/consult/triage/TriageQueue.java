package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.triage.campaigns.Campaigns;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The queue over every channel: filtered, searched (PostgreSQL full text, English configuration), sorted
 * newest, oldest or by relevance, in keyset pages; ranking has a bounded cost ({@link Relevance}, ADR 0009). Flagged submissions are absent unless the viewer is the safeguarding lead or an administrator.
 */
@Singleton
public class TriageQueue {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final QueueStore store;
    private final AuditLog audit;
    private final Areas areas;
    private final Relevance relevance;
    private final Campaigns campaigns;

    TriageQueue(QueueStore store, Areas areas, Relevance relevance, Campaigns campaigns, AuditLog audit) {
        this.campaigns = campaigns;
        this.audit = audit;
        this.store = store;
        this.areas = areas;
        this.relevance = relevance;
    }

    /** One page of the queue as this viewer may see it; the read is audited as one LIST event with its filter. */
    @Transactional
    public TriagePage page(TriageFilter filter, Viewer viewer, @Nullable String after, @Nullable Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInputException("limit", "Limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        PageCursor cursor = PageCursor.decode(after, filter.sort());
        UUID areaId = areas.idOf(filter.area());
        boolean relevance = filter.sort() == TriageSort.RELEVANCE;
        if (filter.searching()) {
            // Plan each search for its own words (a generic plan cannot tell a rare word from "care"), and never
            // spend a page's time budget compiling it (JIT starts at a cost a search over many rows can reach).
            store.planEachSearch();
        }
        Candidates how = relevance ? this.relevance.candidates(filter, viewer.seesFlagged(), areaId) : null;
        QueueStore.Rows found = store.page(filter, viewer.seesFlagged(), areaId, how, this.relevance.cap(), cursor,
                size);
        List<TriageItem> rows = inCampaigns(found.items(), viewer.seesFlagged());
        Integer rankedOnly = found.ranked() >= this.relevance.cap() ? this.relevance.cap() : null;
        audit.recordList(viewer.actorId(), AuditAction.LIST, ("triage " + filter.describe()).strip(),
                Math.min(rows.size(), size));
        if (rows.size() <= size) {
            return new TriagePage(rows, null, rankedOnly);
        }
        TriageItem last = rows.get(size - 1);
        return new TriagePage(List.copyOf(rows.subList(0, size)), new PageCursor(filter.sort(),
                last.rank() == null ? 0f : last.rank(), last.submittedAt(), last.id()).encode(), rankedOnly);
    }

    /** Each row's campaign size as this viewer may see it (ADR 0034); one visible member is no campaign. */
    private List<TriageItem> inCampaigns(List<TriageItem> rows, boolean seesFlagged) {
        Set<UUID> groups = new HashSet<>();
        rows.forEach(r -> {
            if (r.campaignGroup() != null) {
                groups.add(r.campaignGroup());
            }
        });
        if (groups.isEmpty()) {
            return rows;
        }
        Map<UUID, Integer> sizes = campaigns.sizes(groups, seesFlagged);
        return rows.stream().map(r -> r.campaignGroup() == null ? r : r.inCampaign(sizes.get(r.campaignGroup()))).toList();
    }
}
