package org.carereview.consult.web.summaries;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.access.Visibility;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.triage.summaries.PublicSummaries;
import org.carereview.consult.triage.summaries.PublishedSummaries;
import org.carereview.consult.triage.summaries.Quote;
import org.carereview.consult.triage.summaries.Summary;
import org.carereview.consult.triage.summaries.SummaryInput;
import org.carereview.consult.web.pages.GovukItems;
import org.carereview.consult.web.words.PublicWords;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The models of the staff pages of "You said, we did", in staff's own (standard) words. */
@Singleton
class SummaryPages {

    static final Map<String, String> CHANNELS = Map.of("CALL_FOR_ADVICE", "Call for advice",
            "DEEP_DIVE_FEEDBACK", "Deep-dive feedback");
    static final Map<String, String> STATES = Map.of("DRAFT", "Draft", "PUBLISHED", "Published", "UNPUBLISHED", "Unpublished");

    private final PublicSummaries summaries;
    private final PublishedSummaries published;
    private final PublicWords words;

    SummaryPages(PublicSummaries summaries, PublishedSummaries published, PublicWords words) {
        this.summaries = summaries;
        this.published = published;
        this.words = words;
    }

    static boolean seesFlagged(Authentication who) {
        return Visibility.seesFlagged(Viewer.roles(who.getRoles()));
    }

    /** The summaries as the staff list's table rows: title (a link), channel and state. */
    static List<List<Map<String, Object>>> rows(List<Summary> all) {
        return all.stream().map(s -> List.of(GovukItems.writtenLinkCell(s.title(), "/staff/summaries/" + s.id()),
                GovukItems.cell(CHANNELS.get(s.channel().name())), GovukItems.cell(STATES.get(s.state().name()))))
                .toList();
    }

    /** The staff list of summaries ({@code staff/summaries}): the table's head and rows. */
    @Introspected
    record SummariesPage(List<Map<String, Object>> head, List<List<Map<String, Object>>> summaries) {
    }

    static NewSummaryPage form(SummaryInput form) {
        return new NewSummaryPage(Objects.toString(form.channel(), ""), Objects.toString(form.title(), ""),
                Objects.toString(form.whatWeDid(), ""), Objects.toString(form.whatWeDidChild(), ""), List.of(
                GovukItems.item("CALL_FOR_ADVICE", CHANNELS.get("CALL_FOR_ADVICE"), "Quotes can be added: people were asked whether they agree to be quoted"),
                GovukItems.item("DEEP_DIVE_FEEDBACK", CHANNELS.get("DEEP_DIVE_FEEDBACK"), "Counts only: people were not asked whether they agree to be quoted")));
    }

    /**
     * A new summary ({@code staff/summary-new}): the form as typed ({@code titleValue}, as "title" is the layout's own
     * parameter) and the channels to choose from.
     */
    @Introspected
    record NewSummaryPage(String channel, String titleValue, String whatWeDid, String whatWeDidChild,
                          List<Map<String, Object>> channelOptions) {
    }

    /** One summary's page: its words, state, quotes (with who may approve each) and the quote form as typed. */
    SummaryEditPage model(UUID id, Authentication who, SummaryPagesController.QuoteForm typed) {
        Summary summary = summaries.find(id);
        UUID me = UUID.fromString(who.getName());
        List<Map<String, Object>> quotes = summaries.quotes(id, seesFlagged(who)).stream().map(q -> quote(q, me)).toList();
        return new SummaryEditPage(summary, CHANNELS.get(summary.channel().name()), STATES.get(summary.state().name()),
                quotes, summary.channel() == SubmissionKind.CALL_FOR_ADVICE, Objects.toString(typed.reference(), ""),
                Objects.toString(typed.text(), ""), quotes.stream().filter(q -> !(Boolean) q.get("approved")).count());
    }

    /**
     * One summary for staff ({@code staff/summary}): the summary, its channel and state in words, its quotes (with who
     * may approve each), whether quotes may be added, the quote form as typed, and how many quotes wait for approval.
     */
    @Introspected
    record SummaryEditPage(Summary summary, String channel, String state, List<Map<String, Object>> quotes,
                           boolean quotable, String reference, String text, long waiting) {
    }

    /** The public page as it would be published now, in the standard words, under a banner saying it is a preview. */
    SummaryView.SummaryPage preview(UUID id) {
        PublishedSummaries.Published page = published.preview(id, summaries.preview(id)).orElseThrow();
        return SummaryView.model(page, words, Locale.ENGLISH).asPreview("Preview: this is what the public page would "
                + "show if it were published now. Only approved quotes are shown.", "/staff/summaries/" + id);
    }

    private static Map<String, Object> quote(Quote q, UUID me) {
        boolean mine = me.equals(q.addedBy());
        return Map.of("id", q.id(), "reference", q.reference(), "text", q.text(), "approved", q.approved(),
                "mayApprove", !q.approved() && !mine,
                "status", q.approved() ? "Approved" : mine ? "Waiting for someone else to approve it" : "Waiting for approval");
    }
}
