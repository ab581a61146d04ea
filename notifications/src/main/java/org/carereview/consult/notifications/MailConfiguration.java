package org.carereview.consult.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

import java.nio.file.Path;

/**
 * {@code consult.mail.*} (environment: {@code CONSULT_MAIL_FROM}, {@code CONSULT_MAIL_FOLDER}).
 *
 * @param from   the From address, optionally with a display name ({@code Review <no-reply@example.org>})
 * @param folder where {@code .eml} files go when no SMTP server is configured; relative paths are resolved
 *               against the working directory
 * @param writeFiles the operator means files: with a real database and no SMTP server, start-up refuses unless
 *               this is true ({@code CONSULT_MAIL_WRITE_FILES}); the demo's embedded database needs no setting
 */
@ConfigurationProperties("consult.mail")
public record MailConfiguration(
        @Bindable(defaultValue = "no-reply@localhost") @NotBlank String from,
        @Bindable(defaultValue = ".consult/mail") @NotBlank String folder,
        @Bindable(defaultValue = "false") boolean writeFiles) {

    Path folderPath() {
        return Path.of(folder).toAbsolutePath().normalize();
    }
}
