package org.carereview.consult.web.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.carereview.consult.core.operations.WaitingWork;
import org.carereview.consult.core.safeguarding.Screening;
import org.carereview.consult.notifications.OutboxBacklog;

import java.util.function.ToDoubleFunction;

/**
 * The service's own gauges (ADR 0032), as Prometheus names them: {@code consult_outbox_backlog_messages},
 * {@code consult_outbox_oldest_unsent_age_seconds}, {@code consult_outbox_oldest_unsent_urgent_age_seconds},
 * {@code consult_outbox_failed_messages}, {@code consult_quarantined_submissions},
 * {@code consult_safeguarding_awaiting_lead_submissions},
 * {@code consult_embeddings_waiting_answers}, {@code consult_safeguarding_learned_waiting_submissions},
 * {@code consult_safeguarding_learned_oldest_waiting_age_seconds} and
 * {@code consult_safeguarding_learned_readings_total{when}}. Counts only: nothing that names a person or a
 * submission. The counts are fetched when first read, not when the registry is made: the connection pool registers
 * its own meters with the registry, so asking for a database here would be asking for the pool while it is being
 * made.
 */
@Singleton
class ServiceMeters implements MeterBinder {

    private final BeanProvider<CachedCounts> counts;
    private final BeanProvider<Screening> screening;

    ServiceMeters(BeanProvider<CachedCounts> counts, BeanProvider<Screening> screening) {
        this.counts = counts;
        this.screening = screening;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        outbox(registry, "consult.outbox.backlog",
                "Emails waiting to be sent: new, being sent, or waiting to try again", OutboxBacklog.Counts::waiting);
        outbox(registry, "consult.outbox.failed", "Emails given up on (the failed emails page lists them)",
                OutboxBacklog.Counts::failed);
        Gauge.builder("consult.outbox.oldest.unsent.age", counts, c -> c.get().oldestWaitingAgeSeconds())
                .description("How long ago the oldest email still waiting was queued (0 when none waits)")
                .baseUnit("seconds").strongReference(true).register(registry);
        Gauge.builder("consult.outbox.oldest.unsent.urgent.age", counts, c -> c.get().oldestUrgentAgeSeconds())
                .description("How long ago the oldest urgent message still waiting (a safeguarding lead's alert, a "
                        + "link someone asked for) was queued (0 when none waits); they go before the rest")
                .baseUnit("seconds").strongReference(true).register(registry);
        waiting(registry, "consult.quarantined", "Submissions the spam defences held back, waiting for staff",
                WaitingWork.Counts::quarantined, "submissions");
        waiting(registry, "consult.safeguarding.awaiting.lead",
                "Submissions flagged for safeguarding on which the lead has recorded no action yet",
                WaitingWork.Counts::safeguardingAwaitingLead, "submissions");
        waiting(registry, "consult.embeddings.waiting", "Answers waiting for the embeddings worker (ADR 33)",
                WaitingWork.Counts::embeddingsWaiting, "answers");
        waiting(registry, "consult.safeguarding.learned.waiting",
                "Submissions waiting for the learned safeguarding check, hidden from reviewers until it reads them",
                WaitingWork.Counts::learnedCheckWaiting, "submissions");
        Gauge.builder("consult.safeguarding.learned.oldest.waiting.age", counts,
                        c -> c.get().learnedCheckOldestAgeSeconds())
                .description("How long ago the submission that has waited longest for the learned safeguarding check "
                        + "was queued (0 when none waits): how late a disclosure only the model catches may be alerted")
                .baseUnit("seconds").strongReference(true).register(registry);
        // Read inside the transaction means a pooled connection held while the model read (ADR 45): near 0 normally.
        readings(registry, "ahead", Screening.Readings::ahead);
        readings(registry, "in_transaction", Screening.Readings::inTransaction);
        readings(registry, "queued", Screening.Readings::deferred);
    }

    private void readings(MeterRegistry registry, String when, ToDoubleFunction<Screening.Readings> value) {
        FunctionCounter.builder("consult.safeguarding.learned.readings", screening,
                        s -> value.applyAsDouble(s.get().readings()))
                .description("Texts the learned safeguarding check read for a new submission, before its transaction "
                        + "opened (ahead) or inside it, or left to its queue while the model was busy (queued)").tag("when", when).register(registry);
    }

    private void outbox(MeterRegistry registry, String name, String description,
                        ToDoubleFunction<OutboxBacklog.Counts> value) {
        Gauge.builder(name, counts, c -> {
            OutboxBacklog.Counts read = c.get().current().outbox();
            return read == null ? Double.NaN : value.applyAsDouble(read);
        }).description(description).baseUnit("messages").strongReference(true).register(registry);
    }

    private void waiting(MeterRegistry registry, String name, String description,
                         ToDoubleFunction<WaitingWork.Counts> value, String unit) {
        Gauge.builder(name, counts, c -> {
            WaitingWork.Counts read = c.get().current().waiting();
            return read == null ? Double.NaN : value.applyAsDouble(read);
        }).description(description).baseUnit(unit).strongReference(true).register(registry);
    }
}
