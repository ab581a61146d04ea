package org.carereview.consult.core.submission;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One send is one record: what each channel's "send" goes through. The draft (or one-time form token) a
 * submission is sent from is claimed in table {@code sent_from} under its primary key, in the transaction
 * that creates the submission. A second send of the same source at the same moment waits on that row while
 * the first is in flight, then finds the first submission and is answered with it: one record, one receipt,
 * whichever request the person's browser ends up showing. If the first send fails, its claim is rolled back
 * with it and the second sends.
 */
@Singleton
public class SentFrom {

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;

    SentFrom(JdbcOperations jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Sends at most once per {@code source}: runs {@code send} (which creates the submission, in this
     * transaction) and records which submission it made; or, if the source was sent already, answers
     * {@code replay} of that first submission without running {@code send}.
     *
     * @param content what a form sent, where one form token could come back with other answers; such a send
     *                is refused with 422 {@code form-already-sent} (the caller decides whether it is new).
     *                Null for a draft, which is sent as it is stored.
     */
    @Transactional
    public <T> T once(SubmissionKind kind, String source, @Nullable Object content, Supplier<T> send,
                      Function<T, UUID> submissionOf, Function<UUID, T> replay) {
        String hash = content == null ? null : hash(content);
        int claimed = jdbc.prepareStatement("""
                INSERT INTO sent_from (kind, source, content_hash, sent_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, source) DO NOTHING""", ps -> {
            ps.setString(1, kind.name());
            ps.setString(2, source);
            ps.setString(3, hash);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            return ps.executeUpdate();
        });
        if (claimed == 1) {
            T sent = send.get();
            jdbc.prepareStatement("UPDATE sent_from SET submission_id = ? WHERE kind = ? AND source = ?", ps -> {
                ps.setObject(1, submissionOf.apply(sent));
                ps.setString(2, kind.name());
                ps.setString(3, source);
                return ps.executeUpdate();
            });
            return sent;
        }
        Sent first = find(kind, source).orElseThrow(() -> new IllegalStateException(
                "sent_from row vanished: " + kind + " " + source));
        return replay.apply(same(first, hash).submissionId());
    }

    /** The submission already sent from this source, if any. */
    @Transactional
    public Optional<UUID> submission(SubmissionKind kind, String source) {
        return find(kind, source).map(Sent::submissionId);
    }

    /**
     * The submission already sent from this source with this content, if any; 422 {@code form-already-sent}
     * if it was sent with other content.
     */
    @Transactional
    public Optional<UUID> submission(SubmissionKind kind, String source, Object content) {
        String hash = hash(content);
        return find(kind, source).map(first -> same(first, hash).submissionId());
    }

    private static Sent same(Sent first, @Nullable String hash) {
        if (hash != null && first.contentHash() != null && !hash.equals(first.contentHash())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "form-already-sent", "Form already sent",
                    "This form was already sent with other answers. To send these as well, send them as new feedback.");
        }
        return first;
    }

    private record Sent(UUID submissionId, @Nullable String contentHash) {
    }

    private Optional<Sent> find(SubmissionKind kind, String source) {
        return jdbc.prepareStatement(
                "SELECT submission_id, content_hash FROM sent_from WHERE kind = ? AND source = ? AND submission_id IS NOT NULL",
                ps -> {
                    ps.setString(1, kind.name());
                    ps.setString(2, source);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Sent(rs.getObject(1, UUID.class), rs.getString(2)))
                                : Optional.empty();
                    }
                });
    }

    private String hash(Object content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(content));
            return HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
