package org.carereview.consult.web.messages;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.carereview.consult.notifications.MessageTemplate;

import java.util.List;
import java.util.Map;

/**
 * Changing an email's words ({@code messages/edit}): the template, the subject and body as typed, the version they
 * were based on, whether they were just saved, the fields it may and must use (as "((field))"), and every version.
 */
@Introspected
record EditPage(MessageTemplate template, @Nullable String subject, @Nullable String body, int version, boolean saved,
                String fields, String required, List<Map<String, Object>> history) {
}
