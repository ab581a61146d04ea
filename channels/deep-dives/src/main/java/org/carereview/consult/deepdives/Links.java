package org.carereview.consult.deepdives;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.config.ConsultConfiguration;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.problem.ProblemException;
import org.carereview.consult.core.qr.QrSvg;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Participant links: staff make one per area or per session, print it as a QR code, and can close it. */
@Singleton
public class Links {

    /** Where a link leads: the participant's page. */
    public static final String PAGE = "/deep-dives/feedback/";

    private final Areas areas;
    private final Sessions sessions;
    private final LinkStore store;
    private final LinkTokens tokens;
    private final ConsultConfiguration consult;
    private final Clock clock;

    Links(Areas areas, Sessions sessions, LinkStore store, LinkTokens tokens, ConsultConfiguration consult, Clock clock) {
        this.areas = areas;
        this.sessions = sessions;
        this.store = store;
        this.tokens = tokens;
        this.consult = consult;
        this.clock = clock;
    }

    /** A new link for the area, or for one of its sessions; 404 for an unknown area, 422 for another area's session. */
    @Transactional
    public ParticipantLink create(String slug, @Nullable String sessionId, @Nullable UUID by) {
        AreaStore.Found area = areas.found(slug);
        List<FieldError> errors = new ArrayList<>();
        UUID session = sessions.resolve(area.id(), sessionId, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String token = tokens.next();
        store.insert(token, area.id(), session, by, clock.instant());
        return view(store.find(token).orElseThrow());
    }

    /** Every link made for the area, newest first (closed ones too). */
    @Transactional
    public List<ParticipantLink> list(String slug) {
        return store.forArea(areas.found(slug).id()).stream().map(this::view).toList();
    }

    /** The link if it exists (open or closed); empty for a token that was never made. */
    @Transactional
    public Optional<ParticipantLink> find(String token) {
        return row(token).map(this::view);
    }

    /** The link if people may still use it. */
    @Transactional
    public Optional<ParticipantLink> open(String token) {
        return find(token).filter(ParticipantLink::open);
    }

    /** Closes the link: feedback through it is refused from now on (404). Closing it again changes nothing. */
    @Transactional
    public void revoke(String token) {
        if (!LinkTokens.wellFormed(token) || !store.revoke(token, clock.instant())) {
            throw notFound();
        }
    }

    /** The link's address as an SVG QR code, for the printed handout; 404 for an unknown link. */
    @Transactional
    public String qrSvg(String token) {
        return QrSvg.of(find(token).orElseThrow(Links::notFound).url(), "QR code for the feedback link", 0);
    }

    /** The open link's row, for storing feedback against it. */
    Optional<LinkStore.Row> openRow(String token) {
        return row(token).filter(r -> r.revokedAt() == null);
    }

    static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not Found",
                "No such link, or it has been closed.");
    }

    private Optional<LinkStore.Row> row(String token) {
        return LinkTokens.wellFormed(token) ? store.find(token) : Optional.empty();
    }

    private ParticipantLink view(LinkStore.Row r) {
        String session = r.sessionId() == null ? null
                : sessions.find(r.areaId(), r.sessionId()).map(Session::describe).orElse(null);
        return new ParticipantLink(r.token(), consult.link(PAGE + r.token()), r.areaSlug(), r.areaName(), r.sessionId(),
                session, r.createdAt(), r.revokedAt());
    }
}
