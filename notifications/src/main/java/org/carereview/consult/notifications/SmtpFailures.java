package org.carereview.consult.notifications;

import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.util.Optional;
import java.util.Set;

/** Turns a Jakarta Mail exception into a {@link SendFailure}: permanent or worth retrying, and a safe summary. */
final class SmtpFailures {

    /** 5xx replies that point at our configuration (authentication), not at the message: retry. */
    private static final Set<Integer> CONFIGURATION_CODES = Set.of(530, 534, 535, 538);
    private static final int MAX_DEPTH = 10;

    private SmtpFailures() {
    }

    static SendFailure classify(Exception failure) {
        Optional<SMTPAddressFailedException> recipient = first(failure, SMTPAddressFailedException.class);
        if (recipient.isPresent()) {
            return coded(recipient.get(), recipient.get().getReturnCode());
        }
        Optional<SMTPSendFailedException> message = first(failure, SMTPSendFailedException.class);
        if (message.isPresent()) {
            return coded(message.get(), message.get().getReturnCode());
        }
        Optional<AddressException> address = first(failure, AddressException.class);
        if (address.isPresent()) {
            return new SendFailure(address.get().getClass().getSimpleName(), true);
        }
        return new SendFailure(failure.getClass().getSimpleName(), false);
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

    private static SendFailure coded(Exception e, int code) {
        boolean permanent = code >= 500 && code < 600 && !CONFIGURATION_CODES.contains(code);
        return new SendFailure(e.getClass().getSimpleName() + " " + code, permanent);
    }
}
