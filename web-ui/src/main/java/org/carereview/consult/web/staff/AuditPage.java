package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Introspected;

import java.util.List;
import java.util.Map;

/**
 * The audit log ({@code staff/audit}): the filter as typed, its choices of staff and actions, one page of entries as
 * table rows, the filter as a query string, and the query string of the next (older) page, empty on the last.
 */
@Introspected
record AuditPage(Map<String, String> filter, List<Map<String, Object>> staff, List<Map<String, Object>> actions,
                 List<Map<String, Object>> head, List<List<Map<String, Object>>> rows, String query, String next) {
}
