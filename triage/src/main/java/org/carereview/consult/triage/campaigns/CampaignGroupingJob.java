package org.carereview.consult.triage.campaigns;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code consult.campaigns.interval} (5 min): groups the submissions again ({@link CampaignGroups}), so a new
 * copy joins its campaign within one interval. Off with {@code consult.campaigns.enabled=false}.
 */
@Singleton
@Requires(property = "consult.campaigns.enabled", notEquals = "false")
class CampaignGroupingJob {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignGroupingJob.class);

    private final CampaignGroups groups;
    private final JobRuns runs;

    CampaignGroupingJob(CampaignGroups groups, JobRuns runs) {
        this.groups = groups;
        this.runs = runs;
    }

    @Scheduled(fixedDelay = "${consult.campaigns.interval:5m}", initialDelay = "1m")
    void run() {
        try {
            int grouped = groups.regroupAll();
            runs.succeeded(ScheduledJob.CAMPAIGN_GROUPING);
            LOG.debug("{} submissions are in a campaign", grouped);
        } catch (RuntimeException e) {
            runs.failed(ScheduledJob.CAMPAIGN_GROUPING);
            LOG.warn("Grouping campaigns failed ({}); tried again at the next run", e.getClass().getSimpleName());
        }
    }
}
