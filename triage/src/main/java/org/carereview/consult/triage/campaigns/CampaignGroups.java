package org.carereview.consult.triage.campaigns;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Stores the copy-and-paste campaigns (ADR 0034) in {@code submission_campaign}: every submission that is neither
 * withdrawn nor flagged for safeguarding is read (its redacted free text, the fields joined), grouped by
 * {@link CampaignIndex}, and the table is rewritten with each group of two or more. Flagged submissions are never
 * grouped, so a group's size never counts a submission its reader may not see.
 */
@Singleton
public class CampaignGroups {

    private final CampaignStore store;
    private final Clock clock;

    CampaignGroups(CampaignStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Groups every submission again and stores the groups, each named by its first (oldest) member; returns how many
     * submissions are in a group.
     */
    @Transactional
    public int regroupAll() {
        CampaignIndex<UUID> index = new CampaignIndex<>();
        store.texts((id, text) -> {
            if (text != null) {
                index.add(id, text);
            }
        });
        List<CampaignStore.Group> groups = index.groups(2).stream()
                .map(group -> new CampaignStore.Group(group.get(0), group)).toList();
        return store.replaceAll(groups, clock.instant());
    }
}
