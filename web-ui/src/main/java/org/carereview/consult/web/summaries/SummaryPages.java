package org.carereview.consult.web.summaries;

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

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    List<Map<String, Object>> rows(List<Summary> all) {
        return all.stream().map(s -> Map.<String, Object>of("id", s.id(), "title", s.title(),
                "channel", CHANNELS.get(s.channel().name()), "state", STATES.get(s.state().name()))).toList();
    }

    static Map<String, Object> form(SummaryInput form) {
        Map<String, Object> model = new HashMap<>();
        model.put("channel", form.channel() == null ? "" : form.channel());
        model.put("titleValue", form.title() == null ? "" : form.title()); // "title" is the layout's own parameter
        model.put("whatWeDid", form.whatWeDid() == null ? "" : form.whatWeDid());
        model.put("whatWeDidChild", form.whatWeDidChild() == null ? "" : form.whatWeDidChild());
        model.put("channelOptions", List.of(
                GovukItems.item("CALL_FOR_ADVICE", CHANNELS.get("CALL_FOR_ADVICE"), "Quotes can be added: people were asked whether they agree to be quoted"),
                GovukItems.item("DEEP_DIVE_FEEDBACK", CHANNELS.get("DEEP_DIVE_FEEDBACK"), "Counts only: people were not asked whether they agree to be quoted")));
        return model;
    }

    /** One summary's page: its words, state, quotes (with who may approve each) and the quote form as typed. */
    Map<String, Object> model(UUID id, Authentication who, SummaryPagesController.QuoteForm typed) {
        Summary summary = summaries.find(id);
        UUID me = UUID.fromString(who.getName());
        List<Map<String, Object>> quotes = summaries.quotes(id, seesFlagged(who)).stream().map(q -> quote(q, me)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("summary", summary);
        model.put("channel", CHANNELS.get(summary.channel().name()));
        model.put("state", STATES.get(summary.state().name()));
        model.put("quotes", quotes);
        model.put("quotable", summary.channel() == SubmissionKind.CALL_FOR_ADVICE);
        model.put("reference", typed.reference() == null ? "" : typed.reference());
        model.put("text", typed.text() == null ? "" : typed.text());
        model.put("waiting", quotes.stream().filter(q -> !(Boolean) q.get("approved")).count());
        return model;
    }

    /** The public page as it would be published now, in the standard words, under a banner saying it is a preview. */
    Map<String, Object> preview(UUID id) {
        PublishedSummaries.Published page = published.preview(id, summaries.preview(id)).orElseThrow();
        Map<String, Object> model = new HashMap<>(SummaryView.model(page, words, Locale.ENGLISH));
        model.put("previewBanner", "Preview: this is what the public page would show if it were published now. "
                + "Only approved quotes are shown.");
        model.put("previewBack", "/staff/summaries/" + id);
        return model;
    }

    private static Map<String, Object> quote(Quote q, UUID me) {
        boolean mine = me.equals(q.addedBy());
        return Map.of("id", q.id(), "reference", q.reference(), "text", q.text(), "approved", q.approved(),
                "mayApprove", !q.approved() && !mine,
                "status", q.approved() ? "Approved" : mine ? "Waiting for someone else to approve it" : "Waiting for approval");
    }
}
