package org.carereview.consult.notifications;

import io.micronaut.core.annotation.Nullable;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import javax.net.ssl.SSLSocketFactory;
import java.time.Clock;
import java.util.Properties;

/**
 * Sends through the configured SMTP server: one connection per message, or one per dispatcher batch
 * ({@link #batch()}; after a failure the connection is closed and the next message opens a new one).
 */
final class SmtpSender implements MailSender {

    private static final String CONNECT_TIMEOUT_MS = "10000";
    private static final String IO_TIMEOUT_MS = "30000";

    private final SmtpConfiguration smtp;
    private final MimeMessages messages;
    private final Session session;

    SmtpSender(SmtpConfiguration smtp, String from, Clock clock) {
        this(smtp, new MimeMessages(from, clock));
    }

    SmtpSender(SmtpConfiguration smtp, MimeMessages messages) {
        this(smtp, messages, null);
    }

    /**
     * With {@code tls} the factory of TLS connections to use instead of the JVM's (which trusts the CAs of its
     * trust store): for the tests, one that trusts a test certificate. Host names are checked either way.
     */
    SmtpSender(SmtpConfiguration smtp, MimeMessages messages, @Nullable SSLSocketFactory tls) {
        this.smtp = smtp;
        this.messages = messages;
        Properties properties = properties(smtp, messages.from().getAddress());
        if (tls != null) {
            properties.put("mail.smtp.ssl.socketFactory", tls);
            properties.put("mail.smtps.ssl.socketFactory", tls);
        }
        this.session = Session.getInstance(properties);
    }

    private static Properties properties(SmtpConfiguration smtp, String envelopeFrom) {
        SmtpConfiguration.Security security = smtp.effectiveSecurity();
        String protocol = security == SmtpConfiguration.Security.SMTPS ? "smtps" : "smtp";
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty("mail." + protocol + ".host", smtp.host());
        p.setProperty("mail." + protocol + ".port", Integer.toString(smtp.port()));
        p.setProperty("mail." + protocol + ".from", envelopeFrom);
        p.setProperty("mail." + protocol + ".connectiontimeout", CONNECT_TIMEOUT_MS);
        p.setProperty("mail." + protocol + ".timeout", IO_TIMEOUT_MS);
        p.setProperty("mail." + protocol + ".writetimeout", IO_TIMEOUT_MS);
        p.setProperty("mail." + protocol + ".auth", Boolean.toString(smtp.authenticates()));
        if (smtp.ehloName() != null && !smtp.ehloName().isBlank()) {
            p.setProperty("mail." + protocol + ".localhost", smtp.ehloName().strip());
        }
        switch (security) {
            // Required, not just preferred: never fall back to sending personal data in clear text.
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case OPPORTUNISTIC -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SMTPS -> {
                p.setProperty("mail.smtps.ssl.enable", "true");
                p.setProperty("mail.smtps.ssl.checkserveridentity", "true");
            }
            case NONE -> p.setProperty("mail.smtp.starttls.enable", "false");
        }
        return p;
    }

    @Override
    public void send(OutgoingMail mail) throws SendFailure {
        try (Batch one = batch()) {
            one.send(mail);
        }
    }

    @Override
    public Batch batch() {
        return new Connection();
    }

    /** One SMTP connection, opened for the first message and kept for the next ones. */
    private final class Connection implements Batch {

        private Transport transport;

        @Override
        public void send(OutgoingMail mail) throws SendFailure {
            try {
                MimeMessage message = messages.build(session, mail);
                if (transport == null) {
                    transport = connect();
                }
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                // The conversation may be half-way through: the next message starts a new one.
                close();
                throw SmtpFailures.classify(e);
            }
        }

        private Transport connect() throws MessagingException {
            Transport opened = session.getTransport();
            if (smtp.authenticates()) {
                opened.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
            } else {
                opened.connect();
            }
            return opened;
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // QUIT not answered: the messages already sent were accepted; nothing more to do.
                }
                transport = null;
            }
        }
    }
}
