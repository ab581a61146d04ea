package org.carereview.consult.notifications;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

/** Builds the MIME message both senders deliver: plain text, UTF-8, dated by the injected clock. */
final class MimeMessages {

    /**
     * The system property naming jakarta.mail's stream provider. Unset, jakarta.mail finds the provider through
     * {@code ServiceLoader} every time it encodes or decodes (several times a message: {@code MimeUtility} asks on
     * each call), reading the services of every jar on the class path; a profile of the dispatcher had that lookup
     * at 30% of its CPU. Named, the lookup is one {@code Class.forName}. A value set at launch is left alone.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    private final InternetAddress from;
    private final InternetAddress replyTo;
    private final String idDomain;
    private final Clock clock;

    MimeMessages(String from, Clock clock) {
        this(from, null, clock);
    }

    /** {@code replyTo}: where an answer to a receipt goes (the review's mailbox); null: to the From address. */
    MimeMessages(String from, String replyTo, Clock clock) {
        this.from = encoded(from, "consult.mail.from");
        this.replyTo = replyTo == null || replyTo.isBlank() ? null : encoded(replyTo, "consult.mail.reply-to");
        String address = this.from.getAddress();
        this.idDomain = address.contains("@") ? address.substring(address.lastIndexOf('@') + 1) : "localhost";
        this.clock = clock;
    }

    InternetAddress from() {
        return from;
    }

    MimeMessage build(Session session, OutgoingMail mail) throws MessagingException {
        // The outbox id makes the Message-ID: a message sent twice (after a lost acknowledgement) can be spotted.
        String messageId = "<" + mail.id() + "@" + idDomain + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        if (replyTo != null) {
            message.setReplyTo(new InternetAddress[] {replyTo});
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Auto-Submitted", "auto-generated");
        message.saveChanges();
        return message;
    }

    /**
     * The address, its display name encoded for a mail header (RFC 2047): a name such as "Adolygiad – Review" must
     * not go out as raw UTF-8, which strict servers refuse.
     */
    private static InternetAddress encoded(String address, String setting) {
        try {
            InternetAddress parsed = new InternetAddress(address, false);
            return parsed.getPersonal() == null ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalArgumentException(setting + " is not an email address", e);
        }
    }
}
