package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The deep-dive areas: everyone may list them; administrators add areas and record their attributes. */
@Singleton
public class Areas {

    private final AreaStore store;
    private final Clock clock;

    Areas(AreaStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public List<Area> list() {
        return store.all().stream().map(AreaStore.Found::area).toList();
    }

    /** The area with this slug; 404 if there is none. */
    @Transactional
    public Area get(String slug) {
        return found(slug).area();
    }

    /** The area with this slug, if there is one. */
    @Transactional
    public Optional<Area> find(String slug) {
        return store.find(slug).map(AreaStore.Found::area);
    }

    /** Region codes to names, in England's usual order. */
    @Transactional
    public Map<String, String> regions() {
        return store.regions();
    }

    @Transactional
    public List<FieldError> check(AreaInput input, boolean creating) {
        return AreaValidator.validate(input, store.regions().keySet(), creating);
    }

    @Transactional
    public Area create(AreaInput input, @Nullable UUID by) {
        require(check(input, true));
        if (!store.insert(input, by, clock.instant())) {
            throw new InvalidInputException("slug", "An area already uses this short name; choose another");
        }
        return get(input.slug());
    }

    @Transactional
    public Area update(String slug, AreaInput input, @Nullable UUID by) {
        found(slug);
        require(check(input, false));
        store.update(slug, input, by, clock.instant());
        return get(slug);
    }

    /** The area with its internal id, for the rest of this module; 404 if there is none. */
    AreaStore.Found found(String slug) {
        return store.find(slug).orElseThrow(Areas::notFound);
    }

    static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found", "No such deep-dive area.");
    }

    private static void require(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
