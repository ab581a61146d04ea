package org.carereview.consult.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code consult.smtp.*} (environment: {@code CONSULT_SMTP_HOST}, {@code _PORT}, {@code _USERNAME},
 * {@code _PASSWORD}, {@code _SECURITY}, {@code _EHLO_NAME}). Without a host, messages are written as {@code .eml}
 * files instead.
 *
 * @param host     SMTP server; unset or blank: no SMTP, files instead
 * @param port     SMTP port (587 for STARTTLS, 465 for SMTPS)
 * @param username login, if the server needs one
 * @param password password for {@code username}
 * @param security how the connection is encrypted: {@link Security#STARTTLS} (the default) refuses to send in
 *                 clear text; see {@link Security}
 * @param starttls the older setting ({@code CONSULT_SMTP_STARTTLS}): {@code false} used to mean "never encrypt";
 *                 now, with no {@code security} set, it means {@link Security#OPPORTUNISTIC}
 * @param ehloName the name this service gives itself in EHLO (a fully qualified name; strict servers refuse
 *                 {@code localhost}); unset: the host's own name
 */
@ConfigurationProperties("consult.smtp")
public record SmtpConfiguration(
        @Nullable String host,
        @Bindable(defaultValue = "587") int port,
        @Nullable String username,
        @Nullable String password,
        @Nullable Security security,
        @Nullable Boolean starttls,
        @Nullable String ehloName) {

    /** How the connection to the SMTP server is encrypted. */
    public enum Security {
        /** STARTTLS, required: a server that does not offer it, or whose certificate is not trusted, gets nothing. */
        STARTTLS,
        /** STARTTLS when the server offers it (certificate checked), clear text when it does not. */
        OPPORTUNISTIC,
        /** TLS from the first byte (SMTPS, usually port 465), certificate checked. */
        SMTPS,
        /** Never encrypted: only for a mail server on the same host or a private network. */
        NONE
    }

    /** The encryption in force: {@code security} if set; else {@code starttls=false} as opportunistic; else required. */
    Security effectiveSecurity() {
        if (security != null) {
            return security;
        }
        return Boolean.FALSE.equals(starttls) ? Security.OPPORTUNISTIC : Security.STARTTLS;
    }

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
                + ", password=" + (password == null || password.isEmpty() ? "(none)" : "(set)") + ", security="
                + effectiveSecurity() + ", ehloName=" + ehloName + "]";
    }
}
