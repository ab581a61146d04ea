package org.carereview.consult.notifications;

import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Jakarta Mail exception into a {@link SendFailure}: permanent, or worth retrying, with a summary safe to
 * store and log (the exception, the reply code and enhanced status code, or the root cause's words, never an email
 * address). Only a refusal of this message or this recipient is permanent (a mailbox that does not exist, a message
 * too big); a refusal for a setting of ours (authentication, TLS, a policy such as "Client host rejected", a
 * protocol complaint such as a bad EHLO name) waits for a person to fix the setting, and is retried meanwhile.
 */
final class SmtpFailures {

    /** Enhanced status code subjects (RFC 3463) about the address (1), mailbox (2), mail system (3) or content (6). */
    private static final Set<String> MESSAGE_SUBJECTS = Set.of("1", "2", "3", "6");
    /** Without an enhanced code: a recipient refused as unknown (550, 551, 553), or a message too big (552). */
    private static final Set<Integer> RECIPIENT_CODES = Set.of(550, 551, 553);
    private static final int MESSAGE_TOO_BIG = 552;
    private static final Pattern ENHANCED = Pattern.compile("^\\d{3}[ -]([245])\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final int MAX_DEPTH = 10;
    private static final int MAX_CAUSE = 200;

    private SmtpFailures() {
    }

    static SendFailure classify(Exception failure) {
        Optional<SMTPAddressFailedException> recipient = first(failure, SMTPAddressFailedException.class);
        if (recipient.isPresent()) {
            return coded(recipient.get(), recipient.get().getReturnCode(), recipient.get().getMessage(), true);
        }
        Optional<SMTPSendFailedException> message = first(failure, SMTPSendFailedException.class);
        if (message.isPresent()) {
            return coded(message.get(), message.get().getReturnCode(), message.get().getMessage(), false);
        }
        Optional<AddressException> address = first(failure, AddressException.class);
        if (address.isPresent()) {
            return new SendFailure(address.get().getClass().getSimpleName(), true);
        }
        return new SendFailure(failure.getClass().getSimpleName() + ": " + rootCause(failure), false);
    }

    /** The first exception of this type in the chain (Jakarta Mail chains with next exceptions, as causes). */
    private static <T extends Throwable> Optional<T> first(Throwable failure, Class<T> type) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static SendFailure coded(Exception e, int code, String reply, boolean atRecipient) {
        Matcher enhanced = ENHANCED.matcher(reply == null ? "" : reply);
        String summary = e.getClass().getSimpleName() + " " + code;
        boolean permanent;
        if (enhanced.find()) {
            summary += " " + enhanced.group(1) + "." + enhanced.group(2) + "." + enhanced.group(3);
            permanent = code >= 500 && "5".equals(enhanced.group(1)) && MESSAGE_SUBJECTS.contains(enhanced.group(2));
        } else {
            permanent = atRecipient && RECIPIENT_CODES.contains(code) || code == MESSAGE_TOO_BIG;
        }
        return new SendFailure(summary, permanent);
    }

    /** What went wrong at the bottom ("PKIX path building failed", "STARTTLS is required ..."), without addresses. */
    private static String rootCause(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t.getCause() != null && depth < MAX_DEPTH; depth++) {
            t = t.getCause();
        }
        String words = t == failure ? String.valueOf(t.getMessage())
                : t.getClass().getSimpleName() + ": " + t.getMessage();
        words = EMAIL.matcher(words.replaceAll("[\\r\\n\\t]+", " ")).replaceAll("(address)");
        return words.length() > MAX_CAUSE ? words.substring(0, MAX_CAUSE) + "…" : words;
    }
}
