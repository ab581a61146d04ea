package org.carereview.consult.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import java.time.Clock;
import java.util.Properties;

/** Sends through the configured SMTP server, one connection per message. */
final class SmtpSender implements MailSender {

    private static final String CONNECT_TIMEOUT_MS = "10000";
    private static final String IO_TIMEOUT_MS = "30000";

    private final SmtpConfiguration smtp;
    private final MimeMessages messages;
    private final Session session;

    SmtpSender(SmtpConfiguration smtp, String from, Clock clock) {
        this.smtp = smtp;
        this.messages = new MimeMessages(from, clock);
        this.session = Session.getInstance(properties(smtp, messages.from().getAddress()));
    }

    private static Properties properties(SmtpConfiguration smtp, String envelopeFrom) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", smtp.host());
        p.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
        p.setProperty("mail.smtp.from", envelopeFrom);
        p.setProperty("mail.smtp.connectiontimeout", CONNECT_TIMEOUT_MS);
        p.setProperty("mail.smtp.timeout", IO_TIMEOUT_MS);
        p.setProperty("mail.smtp.writetimeout", IO_TIMEOUT_MS);
        p.setProperty("mail.smtp.auth", Boolean.toString(smtp.authenticates()));
        if (smtp.starttls()) {
            // Required, not just preferred: never fall back to sending personal data in clear text.
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return p;
    }

    @Override
    public void send(OutgoingMail mail) throws SendFailure {
        try {
            MimeMessage message = messages.build(session, mail);
            try (Transport transport = session.getTransport("smtp")) {
                if (smtp.authenticates()) {
                    transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
                } else {
                    transport.connect();
                }
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw SmtpFailures.classify(e);
        }
    }
}
