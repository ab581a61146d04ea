package org.carereview.consult.triage;

import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.SubmissionKind;
import org.carereview.consult.core.submission.SubmissionStatus;
import org.carereview.consult.core.submission.Theme;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the queue (and an export) shows. Every field may be null: no filter. Without a status the queue
 * leaves out QUARANTINED and WITHDRAWN (ask for them by status). {@code from} and {@code to} are days in
 * UK time, both included. {@code assignee} is an account id; {@code unassigned} asks for nobody's.
 * {@code group} is a copy-and-paste campaign's id (ADR 0034); {@code grouped} asks for those in any campaign.
 */
public record TriageFilter(@Nullable SubmissionKind kind, @Nullable SubmissionStatus status, @Nullable Theme theme,
                           @Nullable Dilemma dilemma, @Nullable String area, @Nullable UUID assignee,
                           boolean unassigned, @Nullable Boolean safeguarding, @Nullable Boolean consentToPublish,
                           @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String q, TriageSort sort,
                           @Nullable UUID group, boolean grouped) {

    public static final int MAX_QUERY_LENGTH = 200;

    public static TriageFilter none() {
        return new TriageFilter(null, null, null, null, null, null, false, null, null, null, null, null, TriageSort.NEWEST, null, false);
    }

    public boolean searching() {
        return q != null;
    }

    /**
     * Reads the query parameters as given (any may be null or blank); {@code assignee} may be an id,
     * {@code me} (the viewer) or {@code none}; {@code group} a campaign's id, or {@code any} for every submission in a
     * campaign. Anything unreadable is a 422 naming the parameter.
     */
    static TriageFilter parse(TriageQuery given, UUID me) {
        String kind = given.kind();
        String status = given.status();
        String theme = given.theme();
        String dilemma = given.dilemma();
        String area = given.area();
        String assignee = given.assignee();
        String safeguarding = given.safeguarding();
        String consentToPublish = given.consentToPublish();
        String from = given.from();
        String to = given.to();
        String q = given.q();
        String sort = given.sort();
        String group = given.group();
        List<FieldError> errors = new ArrayList<>();
        SubmissionKind k = parseEnum(kind, "kind", SubmissionKind::valueOf, errors);
        SubmissionStatus s = parseEnum(status, "status", SubmissionStatus::valueOf, errors);
        Theme t = parseEnum(theme, "theme", Theme::valueOf, errors);
        Dilemma d = parseEnum(dilemma, "dilemma", Dilemma::valueOf, errors);
        String a = blank(area) ? null : area.strip().toLowerCase(Locale.ROOT);
        if (a != null && !a.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            errors.add(new FieldError("area", "Choose an area by its slug, such as camden"));
        }
        UUID who = null;
        boolean nobody = false;
        if (!blank(assignee)) {
            String value = assignee.strip();
            if (value.equalsIgnoreCase("me")) {
                who = me;
            } else if (value.equalsIgnoreCase("none")) {
                nobody = true;
            } else {
                who = parse(value, "assignee", UUID::fromString, "Give an account id, me or none", errors);
            }
        }
        Boolean flagged = blank(safeguarding) ? null
                : parse(safeguarding.strip().toLowerCase(Locale.ROOT), "safeguarding", TriageFilter::bool,
                "Give true or false", errors);
        Boolean consent = blank(consentToPublish) ? null
                : parse(consentToPublish.strip().toLowerCase(Locale.ROOT), "consentToPublish", TriageFilter::bool,
                "Give true or false", errors);
        LocalDate f = blank(from) ? null : parse(from.strip(), "from", LocalDate::parse, "Give a date like 2027-02-05", errors);
        LocalDate u = blank(to) ? null : parse(to.strip(), "to", LocalDate::parse, "Give a date like 2027-02-05", errors);
        if (f != null && u != null && u.isBefore(f)) {
            errors.add(new FieldError("to", "The end date must be the same as or after the start date"));
        }
        String query = blank(q) ? null : q.replace("\0", "").strip();
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldError("q", "Search for " + MAX_QUERY_LENGTH + " characters or fewer"));
        }
        TriageSort order = parseEnum(sort, "sort", TriageSort::valueOf, errors);
        if (order == TriageSort.RELEVANCE && query == null) {
            errors.add(new FieldError("sort", "Sort by relevance only when searching"));
        }
        boolean anyGroup = !blank(group) && group.strip().equalsIgnoreCase("any");
        UUID groupId = blank(group) || anyGroup ? null
                : parse(group.strip(), "group", UUID::fromString, "Give a group's id, or any", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (order == null) {
            order = query == null ? TriageSort.NEWEST : TriageSort.RELEVANCE;
        }
        return new TriageFilter(k, s, t, d, a, who, nobody, flagged, consent, f, u, query, order, groupId, anyGroup);
    }

    /** The filter in words for the audit log (codes and ids; the search words as typed by staff). */
    public String describe() {
        StringJoiner out = new StringJoiner(" ");
        add(out, "kind", kind);
        add(out, "status", status);
        add(out, "theme", theme);
        add(out, "dilemma", dilemma);
        add(out, "area", area);
        add(out, "assignee", unassigned ? "none" : assignee);
        add(out, "safeguarding", safeguarding);
        add(out, "consentToPublish", consentToPublish);
        add(out, "from", from);
        add(out, "to", to);
        // A search term may be a name: the audit log keeps only that one was given, and its length.
        add(out, "q", q == null ? null : "given(" + q.length() + ")");
        add(out, "sort", sort);
        add(out, "group", grouped ? "any" : group);
        return out.toString();
    }

    private static void add(StringJoiner out, String name, @Nullable Object value) {
        if (value != null) {
            out.add(name + "=" + value);
        }
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException();
        };
    }

    @Nullable
    private static <E extends Enum<E>> E parseEnum(@Nullable String value, String field, Function<String, E> parser,
                                                   List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        return parse(value.strip().toUpperCase(Locale.ROOT), field, parser, "Not a " + field + " this service knows", errors);
    }

    @Nullable
    private static <T> T parse(String value, String field, Function<String, T> parser, String message,
                               List<FieldError> errors) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new FieldError(field, message));
            return null;
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
