package org.carereview.consult.notifications;

import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

import java.util.Map;

/**
 * Sends emails and text messages through GOV.UK Notify with its official client. A message whose template is
 * mapped to a Notify template ({@code consult.notify.template-ids}) goes through that template with our fields as
 * personalisation; any other goes through the one generic template per channel, with our rendered text
 * ({@code subject} and {@code body}, or {@code body} alone for a text). The outbox message's id is the Notify
 * reference, so a message can be found in Notify's records without any personal detail.
 */
final class NotifySender implements MailSender, TextSender {

    private final NotificationClient client;
    private final NotifySettings settings;

    NotifySender(NotifySettings settings) {
        this.settings = settings;
        this.client = new NotificationClient(settings.apiKey(), settings.baseUrl());
    }

    @Override
    public void send(OutgoingMail mail) throws SendFailure {
        String mapped = settings.mapped().get(mail.template());
        try {
            if (mapped != null) {
                client.sendEmail(mapped, mail.to(), mail.fields(), mail.id().toString());
            } else {
                client.sendEmail(settings.emailTemplateId(), mail.to(),
                        Map.of("subject", mail.subject(), "body", mail.body()), mail.id().toString());
            }
        } catch (NotificationClientException e) {
            throw NotifyFailures.classify(e);
        }
    }

    @Override
    public void send(OutgoingText text) throws SendFailure {
        String mapped = settings.mapped().get(text.template());
        try {
            if (mapped != null) {
                client.sendSms(mapped, text.to(), text.fields(), text.id().toString());
            } else {
                client.sendSms(settings.smsTemplateId(), text.to(), Map.of("body", text.body()), text.id().toString());
            }
        } catch (NotificationClientException e) {
            throw NotifyFailures.classify(e);
        }
    }
}
