package org.carereview.consult.core.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.time.UkTime;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the audit filters people type (a staff email or id, a reference or id, an action, two UK days) into an
 * {@link AuditTrail.Filter}, or a 422 naming each field it could not read. Days are London days: "to" includes
 * the whole of its day.
 */
@Singleton
public class AuditQuery {

    private static final Pattern UK_DAY = Pattern.compile("(\\d{1,2})[ /.-](\\d{1,2})[ /.-](\\d{4})");
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern REFERENCE = Pattern.compile("(?i)(CFA|EBE|DDF)-[0-9A-Z]{4}-[0-9A-Z]{4}");

    private final AuditNameStore names;

    AuditQuery(AuditNameStore names) {
        this.names = names;
    }

    @Transactional
    public AuditTrail.Filter parse(@Nullable String actor, @Nullable String record, @Nullable String action,
                                   @Nullable String from, @Nullable String to) {
        List<FieldError> errors = new ArrayList<>();
        UUID actorId = blank(actor) ? null : actor(actor.strip(), errors);
        UUID recordId = blank(record) ? null : record(record.strip(), errors);
        AuditAction auditAction = null;
        if (!blank(action)) {
            try {
                auditAction = AuditAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("action", "Not an action the audit log records"));
            }
        }
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add(new FieldError("to", "The end date must be the same as or after the start date"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AuditTrail.Filter(actorId, recordId, auditAction,
                fromDay == null ? null : UkTime.startOf(fromDay),
                toDay == null ? null : UkTime.endOf(toDay));
    }

    @Nullable
    private UUID actor(String actor, List<FieldError> errors) {
        UUID id = uuid(actor);
        if (id != null) {
            return id;
        }
        if (actor.contains("@")) {
            UUID found = names.accountWithEmail(actor);
            if (found != null) {
                return found;
            }
            errors.add(new FieldError("actor", "No account has that email address"));
            return null;
        }
        errors.add(new FieldError("actor", "Give a member of staff's email address or account id"));
        return null;
    }

    @Nullable
    private UUID record(String record, List<FieldError> errors) {
        UUID id = uuid(record);
        if (id != null) {
            return id;
        }
        if (REFERENCE.matcher(record).matches()) {
            UUID found = names.submissionWithReference(record.toUpperCase(Locale.ROOT));
            if (found != null) {
                return found;
            }
            errors.add(new FieldError("record", "No record has that reference"));
            return null;
        }
        errors.add(new FieldError("record", "Give a reference, like CFA-7K2M-9QXD, or a record id"));
        return null;
    }

    @Nullable
    static LocalDate day(@Nullable String text, String field, List<FieldError> errors) {
        if (blank(text)) {
            return null;
        }
        String value = text.strip();
        try {
            Matcher uk = UK_DAY.matcher(value);
            if (uk.matches()) {
                return LocalDate.of(Integer.parseInt(uk.group(3)), Integer.parseInt(uk.group(2)),
                        Integer.parseInt(uk.group(1)));
            }
            Matcher iso = ISO_DAY.matcher(value);
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            }
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "Give a real date, like 1 12 2026"));
            return null;
        }
        errors.add(new FieldError(field, "Give a date as day, month and year, like 1 12 2026"));
        return null;
    }

    @Nullable
    private static UUID uuid(String value) {
        try {
            return value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
