package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sessions held in each area: staff list them, administrators add them. */
@Singleton
public class Sessions {

    static final int MAX_FACILITATOR = 200;
    static final int MAX_NOTES = 2000;

    private final Areas areas;
    private final SessionStore store;
    private final Clock clock;

    Sessions(Areas areas, SessionStore store, Clock clock) {
        this.areas = areas;
        this.store = store;
        this.clock = clock;
    }

    /** The area's sessions, earliest first; 404 for an unknown area. */
    @Transactional
    public List<Session> list(String slug) {
        return store.forArea(areas.found(slug).id());
    }

    @Transactional
    public Session add(String slug, SessionInput input, @Nullable UUID by) {
        AreaStore.Found area = areas.found(slug);
        List<FieldError> errors = check(input);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = store.insert(area.id(), Dates.parse(input.heldOn()), Audience.parse(input.audience()),
                Text.orNull(input.facilitator()), Text.orNull(input.notes()), by, clock.instant());
        return store.find(area.id(), id).orElseThrow();
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
        errors.add(new FieldError("sessionId", "Select one of this area's sessions"));
        return null;
    }

    /** The session if it belongs to this area (by its internal id). */
    Optional<Session> find(UUID areaId, UUID sessionId) {
        return store.find(areaId, sessionId);
    }
}
