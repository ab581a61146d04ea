package org.carereview.consult.core.operations;

/**
 * The background jobs whose runs are counted ({@link JobRuns}), with the name each has in the metrics. Named
 * here, in one list, so that every job's series exists from start-up, before its first run.
 */
public enum ScheduledJob {
    /** The retention schedule's daily purge (core's retention.RetentionJob). */
    RETENTION_PURGE("retention-purge"),
    /** Expired drafts, hourly (core's draft.DraftPurge). */
    DRAFT_PURGE("draft-purge"),
    /** Old rate-limit windows, every five minutes (core's ratelimit.RateLimitPurgeJob). */
    RATE_LIMIT_PURGE("rate-limit-purge"),
    /** Submissions with no redaction yet (core's redaction.RedactionSweep). */
    REDACTION_SWEEP("redaction-sweep"),
    /** Answers' sentence vectors and their back-fill, every ten seconds (core's embedding.EmbeddingJob). */
    EMBEDDINGS("embeddings"),
    /** Application deadline reminders, every minute (Experts by Experience's DeadlineReminderJob). */
    DEADLINE_REMINDERS("deadline-reminders"),
    /** Submissions waiting for the learned safeguarding check, every 5 seconds (core's safeguarding.LearnedQueueJob). */
    SAFEGUARDING_QUEUE("safeguarding-queue"),
    /** Copy-and-paste campaigns grouped again, every five minutes (triage's campaigns.CampaignGroupingJob). */
    CAMPAIGN_GROUPING("campaign-grouping"),
    /** Theme and dilemma suggestions for untagged submissions, every 30 seconds (triage's tagging.SuggestionJob). */
    TAG_SUGGESTIONS("tag-suggestions");

    private final String metricName;

    ScheduledJob(String metricName) {
        this.metricName = metricName;
    }

    /** The value of the {@code job} tag. */
    public String metricName() {
        return metricName;
    }
}
