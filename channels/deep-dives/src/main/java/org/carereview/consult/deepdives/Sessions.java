package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.access.Viewer;
import org.carereview.consult.core.config.ConsultConfiguration;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.safeguarding.SafeguardingAlerts;
import org.carereview.consult.core.safeguarding.Screening;
import org.carereview.consult.core.time.UkTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions held in each area: staff list them, administrators add them. A facilitator's notes may record what a
 * child told them, so they are screened as a submission's free text is (ADR 0010): notes that may tell of harm
 * mark the session and alert the safeguarding leads, and only the lead and administrators read them after that.
 */
@Singleton
public class Sessions {

    /** The message template that tells the leads a session's notes may tell of harm (never quoting them). */
    public static final String NOTES_ALERT = "safeguarding-notes-alert";
    static final int MAX_FACILITATOR = 200;
    static final int MAX_NOTES = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    private final Areas areas;
    private final SessionStore store;
    private final Screening screening;
    private final SafeguardingAlerts alerts;
    private final ConsultConfiguration consult;
    private final Clock clock;

    Sessions(Areas areas, SessionStore store, Screening screening, SafeguardingAlerts alerts,
             ConsultConfiguration consult, Clock clock) {
        this.areas = areas;
        this.store = store;
        this.screening = screening;
        this.alerts = alerts;
        this.consult = consult;
        this.clock = clock;
    }

    /**
     * The area's sessions, earliest first, with flagged notes withheld ({@link Session#WITHHELD}): for pages that
     * only name the sessions, and for anyone but the lead and administrators. 404 for an unknown area.
     */
    @Transactional
    public List<Session> list(String slug) {
        return store.forArea(areas.found(slug).id()).stream().map(Session::withheld).toList();
    }

    /** The area's sessions as this reader may see them: flagged notes only for the lead and administrators. */
    @Transactional
    public List<Session> list(String slug, Viewer viewer) {
        List<Session> all = store.forArea(areas.found(slug).id());
        return viewer.seesFlagged() ? all : all.stream().map(Session::withheld).toList();
    }

    /**
     * Adds the session. Its notes are screened in this transaction; if they may tell of harm the session is marked
     * and every enabled safeguarding lead (or administrator, when there is none) is alerted in the same
     * transaction, so the session is never stored without its alert. The session is answered with flagged notes
     * withheld: whoever typed them knows what they wrote, and the answer need not carry them back.
     */
    @Transactional
    public Session add(String slug, SessionInput input, @Nullable UUID by) {
        AreaStore.Found area = areas.found(slug);
        List<FieldError> errors = check(input);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate heldOn = Dates.parse(input.heldOn());
        String notes = Text.orNull(input.notes());
        boolean flagged = notes != null && mayTellOfHarm(notes);
        UUID id = store.insert(area.id(), heldOn, Audience.parse(input.audience()),
                Text.orNull(input.facilitator()), notes, flagged, by, clock.instant());
        if (flagged) {
            int sent = alerts.alertLeads(NOTES_ALERT, Map.of(
                    "area", area.area().name(),
                    "heldOn", UkTime.day(heldOn),
                    "link", consult.link("/staff/deep-dives/areas/" + area.area().slug())));
            LOG.info("Deep-dive session {} flagged for safeguarding by its notes; {} alert(s) queued", id, sent);
        }
        return store.find(area.id(), id).orElseThrow().withheld();
    }

    /**
     * Screens the notes. While the learned check is still loading (or it fails), {@link Screening.Result#pending()}
     * is true and the notes were screened by the lead's phrases alone. That is accepted for notes: unlike a
     * submission they are not queued for the learned check later, because staff write them, plainly and in the
     * words the phrases look for ("a girl told us her stepdad hits her"). Nothing of the notes, the score or the
     * phrases found is logged.
     */
    private boolean mayTellOfHarm(String notes) {
        return screening.screen(notes).flagged();
    }

    public List<FieldError> check(SessionInput in) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate heldOn = Dates.parse(in.heldOn());
        if (Text.isBlank(in.heldOn())) {
            errors.add(new FieldError("heldOn", "Enter the date of the session"));
        } else if (heldOn == null || heldOn.getYear() < 2000 || heldOn.getYear() > 2100) {
            errors.add(new FieldError("heldOn", "The date of the session must be a real date"));
        }
        if (Text.isBlank(in.audience())) {
            errors.add(new FieldError("audience", "Select who the session was with"));
        } else if (Audience.parse(in.audience()) == null) {
            errors.add(new FieldError("audience", "Select one of the options for who the session was with"));
        }
        Text.check(errors, "facilitator", "Facilitator", in.facilitator(), MAX_FACILITATOR);
        Text.check(errors, "notes", "Notes", in.notes(), MAX_NOTES);
        return errors;
    }

    /**
     * The id of the area's session that {@code sessionId} names; null when it names none. Anything else (not an
     * id, or another area's session) adds an error on {@code sessionId}.
     */
    @Nullable
    UUID resolve(UUID areaId, @Nullable String sessionId, List<FieldError> errors) {
        if (Text.isBlank(sessionId)) {
            return null;
        }
        try {
            Optional<Session> found = store.find(areaId, UUID.fromString(sessionId.strip()));
            if (found.isPresent()) {
                return found.get().id();
            }
        } catch (IllegalArgumentException notAnId) {
            // the same answer as an unknown session
        }
        errors.add(FieldError.of("sessionId", "deepdives.error.sessionId.unknown"));
        return null;
    }

    /** The session if it belongs to this area (by its internal id). */
    Optional<Session> find(UUID areaId, UUID sessionId) {
        return store.find(areaId, sessionId);
    }
}
