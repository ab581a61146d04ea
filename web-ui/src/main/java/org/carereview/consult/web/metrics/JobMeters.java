package org.carereview.consult.web.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import org.carereview.consult.core.operations.JobRuns;
import org.carereview.consult.core.operations.ScheduledJob;

import java.time.Instant;

/**
 * The background jobs' runs on this node (ADR 0032), one series per job from start-up:
 * {@code consult_job_runs_total{job, outcome="success"|"failure"}} and
 * {@code consult_job_last_success_timestamp_seconds{job}} (NaN before this node's first successful run).
 */
@Singleton
class JobMeters implements MeterBinder {

    private static final String RUNS = "Runs of a background job, by how they ended";

    private final JobRuns runs;

    JobMeters(JobRuns runs) {
        this.runs = runs;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ScheduledJob job : ScheduledJob.values()) {
            String name = job.metricName();
            FunctionCounter.builder("consult.job.runs", runs, r -> r.of(job).succeeded()).description(RUNS)
                    .tag("job", name).tag("outcome", "success").register(registry);
            FunctionCounter.builder("consult.job.runs", runs, r -> r.of(job).failed()).description(RUNS)
                    .tag("job", name).tag("outcome", "failure").register(registry);
            Gauge.builder("consult.job.last.success.timestamp", runs, r -> epochSeconds(r.of(job).lastSuccess()))
                    .description("When a background job last finished its work on this node (Unix time)")
                    .tag("job", name).baseUnit("seconds").strongReference(true).register(registry);
        }
    }

    private static double epochSeconds(Instant instant) {
        return instant == null ? Double.NaN : instant.toEpochMilli() / 1000.0;
    }
}
