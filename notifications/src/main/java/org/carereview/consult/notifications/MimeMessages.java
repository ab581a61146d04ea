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

    private final InternetAddress from;
    private final String idDomain;
    private final Clock clock;

    MimeMessages(String from, Clock clock) {
        try {
            this.from = new InternetAddress(from, false);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("consult.mail.from is not an email address", e);
        }
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
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Auto-Submitted", "auto-generated");
        message.saveChanges();
        return message;
    }
}
