package org.carereview.consult.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code consult.smtp.*} (environment: {@code CONSULT_SMTP_HOST}, {@code _PORT}, {@code _USERNAME},
 * {@code _PASSWORD}). Without a host, messages are written as {@code .eml} files instead.
 *
 * @param host     SMTP server; unset or blank: no SMTP, files instead
 * @param port     SMTP port
 * @param username login, if the server needs one
 * @param password password for {@code username}
 * @param starttls require STARTTLS (the connection fails rather than send in clear text)
 */
@ConfigurationProperties("consult.smtp")
public record SmtpConfiguration(
        @Nullable String host,
        @Bindable(defaultValue = "587") int port,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "true") boolean starttls) {

    boolean configured() {
        return host != null && !host.isBlank();
    }

    boolean authenticates() {
        return username != null && !username.isBlank();
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "SmtpConfiguration[host=" + host + ", port=" + port + ", username=" + (authenticates() ? "(set)" : "(none)")
                + ", password=" + (password == null || password.isEmpty() ? "(none)" : "(set)") + ", starttls=" + starttls + "]";
    }
}
