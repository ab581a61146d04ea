package org.carereview.consult.triage.summaries;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The public page's reads: only published summaries, with their counts as published and only the quotes that are
 * still allowed now (a withdrawal, a flag or a quarantine takes a quote off at once).
 */
@Singleton
public class PublishedSummaries {

    /** A published summary and the quotes the public may read. */
    public record Published(Summary summary, List<String> quotes) {
    }

    private final SummaryStore summaries;
    private final QuoteStore quotes;

    PublishedSummaries(SummaryStore summaries, QuoteStore quotes) {
        this.summaries = summaries;
        this.quotes = quotes;
    }

    @Transactional(readOnly = true)
    public List<Summary> list() {
        return summaries.list(true);
    }

    /** The summary if it is published; empty otherwise (never published, unpublished, or no such id). */
    @Transactional(readOnly = true)
    public Optional<Published> find(UUID id) {
        return summaries.find(id, false).filter(Summary::published)
                .map(s -> new Published(s, quotes.stillAllowed(id).stream().map(Quote::text).toList()));
    }

    /** What the summary would look like published now, for staff: the counts now and the approved quotes allowed now. */
    @Transactional(readOnly = true)
    public Optional<Published> preview(UUID id, ThemeCounts counts) {
        return summaries.find(id, false).map(s -> new Published(new Summary(s.id(), s.channel(), s.title(), s.whatWeDid(),
                s.whatWeDidChild(), s.state(), counts, s.createdAt(), s.publishedAt(), s.notifiedAt()),
                quotes.stillAllowed(id).stream().map(Quote::text).toList()));
    }
}
