package org.carereview.consult.experts;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.audit.AuditAction;
import org.carereview.consult.core.audit.AuditLog;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.time.UkTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * When applications to the Experts by Experience group are open. Set by administrators as local
 * date-times in UK time, stored as instants, enforced on the server against the injected clock:
 * open from {@code opensAt} (inclusive) until {@code closesAt} (exclusive), so 16:59:59.999 is in time
 * and 17:00:00.000 is not.
 */
@Singleton
public class ApplicationWindow {

    static final LocalTime DEFAULT_CLOSING_TIME = LocalTime.of(17, 0);
    private static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final WindowStore store;
    private final Clock clock;

    private final AuditLog audit;

    ApplicationWindow(WindowStore store, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.clock = clock;
    }

    /** At first start the window opens now and closes at 5pm UK time on the next 5 February. */
    @EventListener
    @Transactional
    void seedDefault(StartupEvent event) {
        Instant now = clock.instant();
        store.insertIfAbsent(now, defaultClose(now), now);
    }

    static Instant defaultClose(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, UkTime.ZONE);
        ZonedDateTime close = ZonedDateTime.of(LocalDate.of(today.getYear(), Month.FEBRUARY, 5), DEFAULT_CLOSING_TIME, UkTime.ZONE);
        if (!close.toInstant().isAfter(now)) {
            close = close.plusYears(1);
        }
        return close.toInstant();
    }

    @Transactional
    public Window current() {
        Instant now = clock.instant();
        WindowStore.Row row = store.find().orElseGet(() -> {
            store.insertIfAbsent(now, defaultClose(now), now);
            return store.find().orElseThrow();
        });
        return new Window(row.opensAt(), row.closesAt(), UkTime.ZONE.getId(),
                !now.isBefore(row.opensAt()) && now.isBefore(row.closesAt()));
    }

    /** Refuses with 409 {@code window-not-open} before the window and {@code window-closed} from its close. */
    @Transactional
    public void requireOpen() {
        Window window = current();
        Instant now = clock.instant();
        if (now.isBefore(window.opensAt())) {
            throw new ProblemException(HttpStatus.CONFLICT, "window-not-open", "Applications are not open yet",
                    "Applications open at " + inWords(window.opensAt()) + ".");
        }
        if (!now.isBefore(window.closesAt())) {
            throw new ProblemException(HttpStatus.CONFLICT, "window-closed", "Applications have closed",
                    "Applications closed at " + inWords(window.closesAt()) + ".");
        }
    }

    /** Sets the window from local date-times in UK time, such as {@code 2027-02-05T17:00}. */
    @Transactional
    public Window set(@Nullable String opensAt, @Nullable String closesAt, @Nullable UUID by) {
        List<FieldError> errors = new ArrayList<>();
        LocalDateTime opens = parse("opensAt", "when applications open", opensAt, errors);
        LocalDateTime closes = parse("closesAt", "when applications close", closesAt, errors);
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            errors.add(new FieldError("closesAt", "The closing time must be after the opening time"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        store.upsert(UkTime.instant(opens), UkTime.instant(closes), clock.instant(), by);
        audit.record(by, AuditAction.SETTING_CHANGE, null, "application-window");
        return current();
    }

    /** "5pm on Friday 5 February 2027", in UK time. */
    public static String inWords(Instant instant) {
        ZonedDateTime local = instant.atZone(UkTime.ZONE);
        int hour = local.getHour() % 12 == 0 ? 12 : local.getHour() % 12;
        String minutes = local.getMinute() == 0 ? "" : String.format(":%02d", local.getMinute());
        String time = local.getHour() == 12 && local.getMinute() == 0 ? "midday"
                : local.getHour() == 0 && local.getMinute() == 0 ? "midnight"
                : hour + minutes + (local.getHour() < 12 ? "am" : "pm");
        return time + " on " + IN_WORDS.format(local);
    }

    @Nullable
    private static LocalDateTime parse(String field, String what, @Nullable String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "Enter " + what));
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Enter " + what + " as a date and time, like 2027-02-05T17:00"));
            return null;
        }
    }
}
