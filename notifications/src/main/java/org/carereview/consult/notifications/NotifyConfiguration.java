package org.carereview.consult.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * {@code consult.notify.*}: GOV.UK Notify, for emails and text messages (environment: {@code CONSULT_NOTIFY_API_KEY},
 * {@code _BASE_URL}, {@code _EMAIL_TEMPLATE_ID}, {@code _SMS_TEMPLATE_ID}, {@code _TEMPLATE_IDS}, {@code _TIMEOUT}).
 * With an API key, every message goes through Notify; start-up checks the rest ({@link NotifySettings}).
 *
 * @param apiKey          the service's API key ({@code name-serviceId-secret}); unset or blank: no Notify
 * @param baseUrl         the API's address; only a test points it elsewhere (plain http only to this machine)
 * @param emailTemplateId the Notify email template that is just {@code ((subject))} and {@code ((body))}: our
 *                        rendered text goes through it
 * @param smsTemplateId   the Notify text message template that is just {@code ((body))}
 * @param templateIds     optional, our template ids mapped to Notify's own templates, which then get our fields as
 *                        personalisation: {@code ebe-receipt=<uuid>,ebe-receipt-sms=<uuid>} (one setting, since an
 *                        environment variable's name cannot hold our ids' hyphens)
 * @param timeout         longest wait to connect to Notify, and again for its answer
 */
@ConfigurationProperties("consult.notify")
public record NotifyConfiguration(
        @Nullable String apiKey,
        @Bindable(defaultValue = "https://api.notifications.service.gov.uk") @NotBlank String baseUrl,
        @Nullable String emailTemplateId,
        @Nullable String smsTemplateId,
        @Nullable String templateIds,
        @Bindable(defaultValue = "30s") @NotNull Duration timeout) {

    boolean configured() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "NotifyConfiguration[apiKey=" + (configured() ? "(set)" : "(none)") + ", baseUrl=" + baseUrl
                + ", emailTemplateId=" + emailTemplateId + ", smsTemplateId=" + smsTemplateId + ", templateIds="
                + templateIds + ", timeout=" + timeout + "]";
    }
}
