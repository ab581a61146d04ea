package org.carereview.consult.experts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.time.UkTime;
import org.carereview.consult.notifications.Outbox;
import org.carereview.consult.notifications.PhoneNumbers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Administrators decide on applications (shortlist, select, waitlist, decline), each decision kept with
 * its note, the applicant emailed (or sent a text, if they gave only a mobile number) in the same transaction; a selected applicant becomes an ACTIVE member,
 * whose membership is then paused or ended with an effective date and a reason, every change kept.
 */
@Singleton
public class Decisions {

    static final Map<ApplicationOutcome, Set<ApplicationOutcome>> ALLOWED = Map.of(
            ApplicationOutcome.SUBMITTED, EnumSet.of(ApplicationOutcome.SHORTLISTED, ApplicationOutcome.SELECTED,
                    ApplicationOutcome.WAITLISTED, ApplicationOutcome.DECLINED),
            ApplicationOutcome.SHORTLISTED, EnumSet.of(ApplicationOutcome.SELECTED, ApplicationOutcome.WAITLISTED,
                    ApplicationOutcome.DECLINED),
            ApplicationOutcome.WAITLISTED, EnumSet.of(ApplicationOutcome.SELECTED, ApplicationOutcome.DECLINED));

    private final DecisionStore store;
    private final Outbox outbox;
    private final Clock clock;

    private final AuditLog audit;

    Decisions(DecisionStore store, Outbox outbox, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public ApplicationOutcome decide(UUID application, @Nullable String outcome, @Nullable String note, @Nullable UUID by) {
        ApplicationOutcome wanted = ApplicationOutcome.parse(outcome);
        if (wanted == null || !ALLOWED.get(ApplicationOutcome.SUBMITTED).contains(wanted)) {
            throw new InvalidInputException("outcome", "Choose SHORTLISTED, SELECTED, WAITLISTED or DECLINED");
        }
        if (note != null && note.length() > 2_000) {
            throw new InvalidInputException("note", "The note must be 2,000 characters or fewer");
        }
        DecisionStore.Target target = store.lockForDecision(application)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such application."));
        if (!ALLOWED.getOrDefault(target.outcome(), Set.of()).contains(wanted)) {
            throw new ProblemException(HttpStatus.CONFLICT, "outcome-not-allowed", "That decision cannot be made now",
                    "This application is " + target.outcome() + "; it cannot become " + wanted + ".");
        }
        store.decide(application, wanted, note == null || note.isBlank() ? null : note, by, clock.instant());
        if (wanted == ApplicationOutcome.SELECTED) {
            store.setMembership(application, MemberStatus.ACTIVE, UkTime.today(clock),
                    "Selected to join the group", by, clock.instant());
        }
        audit.record(by, AuditAction.CHANGE, application, "decision=" + wanted.name());
        String template = "application-outcome-" + wanted.name().toLowerCase(java.util.Locale.ROOT);
        if (target.email() != null) {
            outbox.enqueue(template, target.email(), Map.of("reference", target.reference()));
        } else if (target.phone() != null && PhoneNumbers.isUkMobile(target.phone())) {
            // Only a mobile number: the outcome by text message (a landline only gets a call from the team).
            outbox.enqueueText(template + "-sms", target.phone(), Map.of("reference", target.reference()));
        }
        return wanted;
    }

    @Transactional
    public List<Member> members() {
        return store.members();
    }

    /** Pauses, resumes or ends a membership from a date, for a reason; the change is kept in the history. */
    @Transactional
    public Member change(UUID member, @Nullable String status, @Nullable String effectiveDate, @Nullable String reason,
                         @Nullable UUID by) {
        List<FieldError> errors = new ArrayList<>();
        MemberStatus parsed = null;
        try {
            parsed = status == null ? null : MemberStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            parsed = null;
        }
        if (parsed == null) {
            errors.add(new FieldError("status", "Choose ACTIVE, PAUSED or STEPPED_DOWN"));
        }
        LocalDate date = null;
        try {
            date = effectiveDate == null ? null : LocalDate.parse(effectiveDate);
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            errors.add(new FieldError("effectiveDate", "Enter the date the change takes effect, like 2027-03-01"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "Enter the reason for the change"));
        } else if (reason.length() > 2_000) {
            errors.add(new FieldError("reason", "The reason must be 2,000 characters or fewer"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!store.memberExists(member)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such member.");
        }
        store.setMembership(member, parsed, date, reason, by, clock.instant());
        audit.record(by, AuditAction.CHANGE, member, "membership=" + parsed.name());
        return store.members().stream().filter(m -> m.id().equals(member)).findFirst().orElseThrow();
    }
}
