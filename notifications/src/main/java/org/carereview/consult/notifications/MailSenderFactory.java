package org.carereview.consult.notifications;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Chooses the senders once, at start-up (hence {@link Context}): GOV.UK Notify for emails and texts when
 * {@code consult.notify.api-key} is set; otherwise SMTP when {@code consult.smtp.host} is set (texts then wait in the
 * outbox: there is nothing to send them with); otherwise {@code .eml} and {@code .sms.txt} files in
 * {@code consult.mail.folder}. Either way the log says where messages go, never the key. Start-up refuses a set-up
 * that would lose receipts quietly: a real database (not the demo) with no mail service, unless the operator says
 * files are meant ({@code CONSULT_MAIL_WRITE_FILES=true}); a real mail server with the placeholder From address,
 * which real servers refuse or mark as spam; Notify half set. Notify set beside an SMTP server wins, with a warning.
 */
@Factory
class MailSenderFactory {

    /** What {@link Dispatcher} hands messages to. */
    record Senders(MailSender mail, TextSender text) {
    }

    static final String NO_TEXT_SERVICE = "No text message service is set (CONSULT_NOTIFY_API_KEY)";

    private static final Logger LOG = LoggerFactory.getLogger(MailSenderFactory.class);

    @Context
    Senders senders(SmtpConfiguration smtp, MailConfiguration mail, NotifyConfiguration notify, TemplateFiles templates,
                    Clock clock, @Value("${consult.demo-mode:false}") boolean demoMode,
                    @Nullable @Value("${consult.mail.reply-to:${consult.contact-email:}}") String replyTo) {
        if (notify.configured()) {
            return notify(notify, smtp, templates);
        }
        if (notify.templateIds() != null && !notify.templateIds().isBlank()
                || notify.emailTemplateId() != null && !notify.emailTemplateId().isBlank()) {
            throw new ConfigurationException("GOV.UK Notify template ids are set but CONSULT_NOTIFY_API_KEY is not: set "
                    + "the key, or remove the template ids");
        }
        MimeMessages messages = new MimeMessages(mail.from(), replyTo, clock);
        if (!smtp.configured()) {
            if (!demoMode && !mail.writeFiles()) {
                throw new ConfigurationException("No mail service is set (CONSULT_NOTIFY_API_KEY or CONSULT_SMTP_HOST):"
                        + " receipts would only be written to this node's disk. Set one, or CONSULT_MAIL_WRITE_FILES="
                        + "true if files are what you mean");
            }
            Path folder = mail.folderPath();
            LOG.info("No GOV.UK Notify or SMTP server configured: emails and text messages are written to {}", folder);
            return new Senders(new EmlFileSender(folder, messages, clock), new TextFileSender(folder, clock));
        }
        if (messages.from().getAddress().endsWith("@localhost")) {
            throw new ConfigurationException("A mail server is set but CONSULT_MAIL_FROM is still " + mail.from()
                    + ": set it to an address at your own domain, which the mail server may send from");
        }
        LOG.info("Emails are sent through the SMTP server {}:{} (encryption: {}); text messages wait in the outbox "
                + "until GOV.UK Notify is set", smtp.host(), smtp.port(), smtp.effectiveSecurity());
        return new Senders(new SmtpSender(smtp, messages), text -> {
            throw new SendFailure(NO_TEXT_SERVICE, false);
        });
    }

    @Singleton
    MailSender mailSender(Senders senders) {
        return senders.mail();
    }

    @Singleton
    TextSender textSender(Senders senders) {
        return senders.text();
    }

    private static Senders notify(NotifyConfiguration notify, SmtpConfiguration smtp, TemplateFiles templates) {
        NotifySettings settings = NotifySettings.check(notify, templates.index().keySet());
        if (smtp.configured()) {
            // The compose file sets its local mail catcher: a key in .env must be enough to switch to Notify.
            LOG.warn("Both GOV.UK Notify and an SMTP server ({}) are set: Notify is used, the SMTP server is not",
                    smtp.host());
        }
        NotifyTimeouts.apply(notify.timeout());
        LOG.info("Emails and text messages are sent through GOV.UK Notify at {} ({} of our templates mapped to Notify's"
                + " own)", settings.baseUrl(), settings.mapped().size());
        NotifySender sender = new NotifySender(settings);
        return new Senders(sender, sender);
    }
}
