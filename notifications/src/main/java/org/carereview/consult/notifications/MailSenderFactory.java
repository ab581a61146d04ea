package org.carereview.consult.notifications;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Chooses the sender once, at start-up (hence {@link Context}): SMTP when {@code consult.smtp.host} is set,
 * otherwise {@code .eml} files in {@code consult.mail.folder}. Either way the log says where mail goes. Start-up
 * refuses a set-up that would lose receipts quietly: a real database (not the demo) with no mail server, unless the
 * operator says files are meant ({@code CONSULT_MAIL_WRITE_FILES=true}); or a real mail server with the
 * placeholder From address, which real servers refuse or mark as spam.
 */
@Factory
class MailSenderFactory {

    private static final Logger LOG = LoggerFactory.getLogger(MailSenderFactory.class);

    @Context
    MailSender mailSender(SmtpConfiguration smtp, MailConfiguration mail, Clock clock,
                          @Value("${consult.demo-mode:false}") boolean demoMode,
                          @Nullable @Value("${consult.mail.reply-to:${consult.contact-email:}}") String replyTo) {
        MimeMessages messages = new MimeMessages(mail.from(), replyTo, clock);
        if (!smtp.configured()) {
            if (!demoMode && !mail.writeFiles()) {
                throw new ConfigurationException("No mail server is set (CONSULT_SMTP_HOST): receipts would only be "
                        + "written to this node's disk. Set the mail server, or CONSULT_MAIL_WRITE_FILES=true if files "
                        + "are what you mean");
            }
            Path folder = mail.folderPath();
            LOG.info("No SMTP server configured: emails are written to {}", folder);
            return new EmlFileSender(folder, messages, clock);
        }
        if (messages.from().getAddress().endsWith("@localhost")) {
            throw new ConfigurationException("A mail server is set but CONSULT_MAIL_FROM is still " + mail.from()
                    + ": set it to an address at your own domain, which the mail server may send from");
        }
        LOG.info("Emails are sent through the SMTP server {}:{} (encryption: {})",
                smtp.host(), smtp.port(), smtp.effectiveSecurity());
        return new SmtpSender(smtp, messages);
    }
}
