package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.core.submission.Theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Codes as staff read them: channels, statuses, themes, dilemmas, and why a bulk change skipped one. */
final class TriageWords {

    /** The statuses staff may set by hand, in the order they are reached. */
    static final List<SubmissionStatus> SETTABLE = List.of(SubmissionStatus.NEW, SubmissionStatus.IN_REVIEW,
            SubmissionStatus.ACTIONED, SubmissionStatus.ARCHIVED);

    private static final Map<String, String> SKIPPED = Map.of(
            "not-found", "not found",
            "status-change-not-allowed", "that status change is not allowed",
            "withdrawn", "withdrawn by the sender",
            "quarantined", "held back as possible spam",
            "invalid-input", "the change was not valid for it");

    private TriageWords() {
    }

    static String kind(SubmissionKind kind) {
        return switch (kind) {
            case CALL_FOR_ADVICE -> "Call for advice";
            case EBE_APPLICATION -> "Experts by Experience application";
            case DEEP_DIVE_FEEDBACK -> "Deep-dive feedback";
        };
    }

    static String status(SubmissionStatus status) {
        return switch (status) {
            case NEW -> "New";
            case IN_REVIEW -> "In review";
            case ACTIONED -> "Actioned";
            case ARCHIVED -> "Archived";
            case QUARANTINED -> "Held back as possible spam";
            case WITHDRAWN -> "Withdrawn";
        };
    }

    /** GOV.UK tag colour for the status. */
    static String statusClasses(SubmissionStatus status) {
        return switch (status) {
            case NEW -> "govuk-tag--blue";
            case IN_REVIEW -> "govuk-tag--yellow";
            case ACTIONED -> "govuk-tag--green";
            case ARCHIVED, WITHDRAWN -> "govuk-tag--grey";
            case QUARANTINED -> "govuk-tag--orange";
        };
    }

    static String dilemma(Dilemma dilemma) {
        return switch (dilemma) {
            case HELP_AND_PROTECTION -> "Continuum of help and protection";
            case LOCAL_REGIONAL_NATIONAL -> "Local, regional, national";
            case FREEDOM_AND_RESPONSIBILITY -> "Freedom and responsibility";
        };
    }

    /** Theme codes as labels, joined: "Support, Care"; unknown codes are shown as they are. */
    static String themes(List<String> codes) {
        List<String> labels = new ArrayList<>();
        for (String code : codes) {
            labels.add(known(Theme.class, code) ? Theme.valueOf(code).label() : code);
        }
        return String.join(", ", labels);
    }

    static String dilemmas(List<String> codes) {
        List<String> labels = new ArrayList<>();
        for (String code : codes) {
            labels.add(known(Dilemma.class, code) ? dilemma(Dilemma.valueOf(code)) : code);
        }
        return String.join(", ", labels);
    }

    /** Why a bulk change left one out, in words (never the raw code). */
    static String skipped(@Nullable String reason) {
        return reason == null ? "it could not be changed" : SKIPPED.getOrDefault(reason, "it could not be changed");
    }

    static <E extends Enum<E>> boolean known(Class<E> type, @Nullable String code) {
        if (code == null) {
            return false;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
