package org.carereview.consult.web.account;

import io.micronaut.context.MessageSource;
import org.carereview.consult.core.submission.ChannelContent;
import org.carereview.consult.core.submission.OwnedSubmission;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.core.submission.Theme;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.web.pages.GovukItems;
import org.carereview.consult.web.words.PublicWords;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How a person's own submissions are described to them, in the words of the {@code account} bundle and the
 * version they chose: what each one is, its status and dates, and its answers. The list page words the keys
 * itself; a submission's page is a GOV.UK summary list, whose rows are worded here.
 */
final class SubmissionWords {

    private final PublicWords words;
    private final Locale locale;

    SubmissionWords(PublicWords words, Locale locale) {
        this.words = words;
        this.locale = locale;
    }

    /**
     * One row of the person's own list ({@code account/sent-list :: sentList}): its reference linked to its page,
     * what it was, when it was sent and its status. A mutable map: the list of submissions adds an outcome.
     */
    static Map<String, Object> listItem(UUID id, String reference, SubmissionKind kind, Instant sent,
                                        SubmissionStatus status) {
        Map<String, Object> item = new HashMap<>();
        item.put("id", id.toString());
        item.put("href", YourSubmissionsController.PATH + "/" + id);
        item.put("reference", reference);
        item.put("kindKey", kindKey(kind));
        item.put("sent", date(sent));
        item.put("statusKey", statusKey(status));
        item.put("statusClasses", statusClasses(status));
        return item;
    }

    static String kindKey(SubmissionKind kind) {
        return "account.kind." + kind.name();
    }

    /**
     * The key of the status as the sender may see it. A quarantined submission reads "Received", like any other:
     * a bot must learn nothing from it.
     */
    static String statusKey(SubmissionStatus status) {
        return "account.status." + switch (status) {
            case NEW, QUARANTINED -> "received";
            case IN_REVIEW -> "beingRead";
            case ACTIONED -> "actedOn";
            case ARCHIVED -> "read";
            case WITHDRAWN -> "withdrawn";
        };
    }

    /** The key of one chosen option of an answer, e.g. {@code account.choice.region.NORTH_WEST}. */
    static String choiceKey(String detail, String code) {
        return "account.choice." + detail + "." + code;
    }

    /** GOV.UK tag colour for the status. */
    static String statusClasses(SubmissionStatus status) {
        return switch (status) {
            case NEW, QUARANTINED -> "govuk-tag--blue";
            case IN_REVIEW -> "govuk-tag--light-blue";
            case ACTIONED, ARCHIVED -> "govuk-tag--green";
            case WITHDRAWN -> "govuk-tag--grey";
        };
    }

    /** A date as GOV.UK writes it, in UK time: "23 November 2026". */
    static String date(Instant instant) {
        return UkTime.day(instant);
    }

    /** The reference, and when it was sent and its status, or when it was withdrawn. */
    List<Map<String, Object>> summary(OwnedSubmission s) {
        Map<String, Object> reference = GovukItems.row(word("account.submission.reference"), s.reference());
        if (s.withdrawn()) {
            return List.of(reference, GovukItems.row(word("account.submission.status"),
                    word("account.submission.withdrawnOn", date(s.withdrawnAt()))));
        }
        return List.of(reference,
                GovukItems.row(word("account.submission.sent"), date(s.submittedAt())),
                GovukItems.row(word("account.submission.status"), word(statusKey(s.status()))));
    }

    /**
     * The answers, one row each: the question in the bundle's words ({@code account.answer.<name>}), and the
     * answer as the person wrote it, or the options they chose in the bundle's words. A question or option the
     * bundle does not know yet keeps the channel's own words, so a new question never shows as a blank.
     */
    List<Map<String, Object>> answers(List<ChannelContent.Detail> details, List<Theme> themes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChannelContent.Detail d : details) {
            String question = optional("account.answer." + d.name()).orElse(d.label());
            List<String> lines = chosen(d).orElseGet(() -> d.value() == null ? List.of()
                    : d.value().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
            rows.add(lines.isEmpty() ? GovukItems.row(question, word("account.answer.none")) : GovukItems.row(question, lines));
        }
        rows.add(GovukItems.row(word("account.answer.themes"), themes.isEmpty() ? word("account.answer.noThemes")
                : String.join(", ", themes.stream().map(t -> word("common.theme." + t.name())).toList())));
        return rows;
    }

    /** The options chosen, in the bundle's words; empty if the answer was not chosen from a list, or one is not known. */
    private Optional<List<String>> chosen(ChannelContent.Detail d) {
        if (d.choices().isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (String code : d.choices()) {
            Optional<String> words = optional(choiceKey(d.name(), code));
            if (words.isEmpty()) {
                return Optional.empty();
            }
            lines.add(words.get());
        }
        return Optional.of(lines);
    }

    private Optional<String> optional(String key) {
        return words.getMessage(key, MessageSource.MessageContext.of(locale));
    }

    private String word(String key, Object... args) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            variables.put(String.valueOf(i), args[i]);
        }
        return words.getRequiredMessage(key, MessageSource.MessageContext.of(locale, variables));
    }
}
