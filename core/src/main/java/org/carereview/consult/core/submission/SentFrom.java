package org.carereview.consult.core.submission;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.carereview.consult.core.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    private final SentFromStore store;
    private final JsonMapper json;
    private final Clock clock;

    SentFrom(SentFromStore store, JsonMapper json, Clock clock) {
        this.store = store;
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
        int claimed = store.claim(kind, source, hash, clock.instant());
        if (claimed == 1) {
            T sent = send.get();
            store.setSubmission(kind, source, submissionOf.apply(sent));
            return sent;
        }
        SentFromStore.Sent first = find(kind, source).orElseThrow(() -> new IllegalStateException(
                "sent_from row vanished: " + kind + " " + source));
        return replay.apply(same(first, hash).submissionId());
    }

    /** The submission already sent from this source, if any. */
    @Transactional
    public Optional<UUID> submission(SubmissionKind kind, String source) {
        return find(kind, source).map(SentFromStore.Sent::submissionId);
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

    private static SentFromStore.Sent same(SentFromStore.Sent first, @Nullable String hash) {
        if (hash != null && first.contentHash() != null && !hash.equals(first.contentHash())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "form-already-sent", "Form already sent",
                    "This form was already sent with other answers. To send these as well, send them as new feedback.");
        }
        return first;
    }

    private Optional<SentFromStore.Sent> find(SubmissionKind kind, String source) {
        return store.find(kind, source);
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
