package org.carereview.consult.core.privacy;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.carereview.consult.core.submission.ChannelContent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Finds a person and reads everything held about them, in the caller's transaction. */
@Singleton
class HeldReader {

    private final HeldStore store;
    private final JsonMapper json;
    private final List<ChannelContent> channels;
    private final List<PersonalDataHolder> holders;

    HeldReader(HeldStore store, JsonMapper json, List<ChannelContent> channels, List<PersonalDataHolder> holders) {
        this.store = store;
        this.json = json;
        this.channels = channels;
        this.holders = holders;
    }

    Subject resolve(Person who) {
        UUID account = who.account();
        String email = who.email();
        Set<UUID> submissions = new LinkedHashSet<>();
        if (account != null) {
            email = store.accountEmail(account).orElse(null);
            account = email == null ? null : account;
        } else if (email != null) {
            account = store.accountWithEmail(email).orElse(null);
        } else if (who.reference() != null) {
            store.submissionWithReference(who.reference()).ifPresent(submissions::add);
        }
        if (account != null) {
            submissions.addAll(store.submissionsOwnedBy(account));
        }
        if (email != null) {
            for (PersonalDataHolder holder : holders) {
                submissions.addAll(holder.sentWith(email));
            }
        }
        return new Subject(account, email, List.copyOf(submissions));
    }

    /** Everything held; {@code hideFlagged} for the person's own copy (flagged submissions are the lead's). */
    HeldData read(Subject who, boolean hideFlagged) {
        List<HeldData.Sent> sent = submissions(who.submissions()).stream()
                .filter(s -> !(hideFlagged && s.keptForSafeguarding())).toList();
        List<String> references = sent.stream().map(HeldData.Sent::reference).toList();
        return new HeldData(account(who), sent, emails(who.email(), references), drafts(who));
    }

    private HeldData.Account account(Subject who) {
        if (who.account() == null) {
            return null;
        }
        List<String> roles = store.roles(who.account());
        return store.account(who.account(), roles);
    }

    private List<HeldData.Sent> submissions(List<UUID> ids) {
        List<HeldData.Sent> rows = store.submissions(ids);
        return rows.stream().map(s -> new HeldData.Sent(s.id(), s.reference(), s.kind(), s.status(), s.submittedAt(),
                s.withdrawnAt(), s.keptForSafeguarding(), answers(s))).toList();
    }

    private List<ChannelContent.Detail> answers(HeldData.Sent s) {
        UUID id = UUID.fromString(s.id());
        List<ChannelContent.Detail> answers = new ArrayList<>();
        channels.stream().filter(c -> c.kind().name().equals(s.kind())).forEach(c -> answers.addAll(c.describe(id)));
        holders.forEach(h -> answers.addAll(h.undescribed(id)));
        return answers.stream().filter(d -> d.value() != null).toList();
    }

    /** Emails to the address, and any naming one of the references (a receipt); links are left out. */
    private List<HeldData.Email> emails(String email, List<String> references) {
        return store.emails(email, references).stream().map(e -> new HeldData.Email(e.template(), e.status(),
                e.createdAt(), e.sentAt(), withoutLinks(e.fields()))).toList();
    }

    private List<HeldData.Draft> drafts(Subject who) {
        return store.drafts(who);
    }

    private Map<String, String> withoutLinks(String fields) {
        try {
            Map<String, String> all = json.readValue(fields, Argument.mapOf(String.class, String.class));
            Map<String, String> kept = new TreeMap<>();
            all.forEach((k, v) -> {
                if (!k.toLowerCase(Locale.ROOT).contains("link")) {
                    kept.put(k, v);
                }
            });
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
