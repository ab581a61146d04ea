package org.carereview.consult.notifications;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Chooses the sender once, at start-up (hence {@link Context}): SMTP when {@code consult.smtp.host} is set,
 * otherwise {@code .eml} files in {@code consult.mail.folder}. Either way the log says where mail goes.
 */
@Factory
class MailSenderFactory {

    private static final Logger LOG = LoggerFactory.getLogger(MailSenderFactory.class);

    @Context
    MailSender mailSender(SmtpConfiguration smtp, MailConfiguration mail, Clock clock) {
        if (!smtp.configured()) {
            Path folder = mail.folderPath();
            LOG.info("No SMTP server configured: emails are written to {}", folder);
            return new EmlFileSender(folder, mail.from(), clock);
        }
        LOG.info("Emails are sent through the SMTP server {}:{} (STARTTLS {})",
                smtp.host(), smtp.port(), smtp.starttls() ? "required" : "off");
        return new SmtpSender(smtp, mail.from(), clock);
    }
}
