package org.carereview.consult.web.triage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.web.DateFields;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * One of the queue's date filters, {@code from} ("Sent from") or {@code to} ("Sent to"). The filter form
 * sends it as day, month and year boxes ({@code fromDay}, {@code fromMonth}, {@code fromYear}); links,
 * bookmarks and the bulk form as an ISO day ({@code from=2027-02-05}), which the service reads. What is
 * typed in the boxes wins. The day box's id is the parameter ({@code from}), so every error about the
 * date, the page's or the service's, links to it.
 */
record QueueDate(String param, DateFields boxes, @Nullable String iso) {

    private static final Map<String, String> LABELS = Map.of("from", "Sent from", "to", "Sent to");

    static QueueDate of(HttpParameters p, String param) {
        return new QueueDate(param, new DateFields(p.get(param + "Day"), p.get(param + "Month"), p.get(param + "Year")),
                p.get(param));
    }

    /** As the bulk form carries it back: the ISO day only. */
    static QueueDate ofIso(String param, @Nullable String iso) {
        return new QueueDate(param, DateFields.EMPTY, iso);
    }

    /** The day for the service and for links: from the boxes when typed (null when not a real date), else as given. */
    @Nullable
    String value() {
        if (!boxes.typed()) {
            return iso;
        }
        LocalDate date = boxes.date();
        return date == null ? null : date.toString();
    }

    /** What the boxes show: what was typed, else the day given in the address. */
    DateFields shown() {
        if (boxes.typed() || iso == null) {
            return boxes;
        }
        try {
            return DateFields.of(LocalDate.parse(iso.strip()));
        } catch (DateTimeParseException e) {
            return DateFields.EMPTY; // the service names the parameter (its message shows the ISO form)
        }
    }

    /** "Sent from must include a month", "... must be a real date" (GOV.UK's words) when the boxes are not a date. */
    Optional<FieldError> error() {
        return Optional.ofNullable(boxes.problem(LABELS.get(param))).map(message -> new FieldError(param, message));
    }
}
