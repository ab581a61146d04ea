package org.carereview.consult.web.messages;

import io.micronaut.core.annotation.Introspected;

import java.util.List;
import java.util.Map;

/** The list of emails the service sends ({@code messages/list}): one row per template, linked to its page. */
@Introspected
record TemplatesPage(List<Map<String, Object>> head, List<List<Map<String, Object>>> rows) {
}
