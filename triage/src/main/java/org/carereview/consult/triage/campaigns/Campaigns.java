package org.carereview.consult.triage.campaigns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading the stored campaigns (ADR 0034) as one member of staff may see them: a group's size is counted at the
 * time of reading over the members that viewer may see and that are neither withdrawn nor quarantined, so it
 * never counts a submission flagged since the last regrouping; a "group" a viewer sees only one member of is none.
 */
@Singleton
public class Campaigns {

    /** The most submissions one bulk change may reach through a group. */
    public static final int MAX_MEMBERS = 5_000;

    /**
     * One submission's campaign: its id, how many this viewer may see, and the text the copies share, as the first
     * submission of the group that this viewer may see sent it (redacted), with that submission's reference.
     */
    @Serdeable
    public record Campaign(UUID group, int size, String sharedText, String firstReference) {
    }

    private final CampaignStore store;

    Campaigns(CampaignStore store) {
        this.store = store;
    }

    /** The visible size of each group given, groups of fewer than two left out. */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> sizes(Collection<UUID> groups, boolean seesFlagged) {
        if (groups.isEmpty()) {
            return new HashMap<>();
        }
        return store.sizes(groups, seesFlagged);
    }

    /** The campaign the submission is in, as this viewer sees it; empty when it is in none. */
    @Transactional(readOnly = true)
    public Optional<Campaign> of(UUID submission, boolean seesFlagged) {
        Optional<UUID> group = store.groupOf(submission);
        return group.flatMap(g -> group(g, seesFlagged));
    }

    /** A campaign by its id, as this viewer sees it; empty when there is no such group (or only one visible member). */
    @Transactional(readOnly = true)
    public Optional<Campaign> group(UUID group, boolean seesFlagged) {
        Optional<Campaign> first = store.first(group, seesFlagged)
                .map(f -> new Campaign(group, 0, text(f.text()), f.reference()));
        return first.flatMap(c -> Optional.ofNullable(sizes(List.of(group), seesFlagged).get(group))
                .map(size -> new Campaign(group, size, c.sharedText(), c.firstReference())));
    }

    /** Up to {@link #MAX_MEMBERS} + 1 members of a group, in id order (a caller re-checks each as it reads it). */
    @Transactional(readOnly = true)
    public List<UUID> members(UUID group) {
        return store.members(group, MAX_MEMBERS + 1);
    }

    private static String text(@Nullable String joined) {
        return joined == null ? "" : joined;
    }
}
