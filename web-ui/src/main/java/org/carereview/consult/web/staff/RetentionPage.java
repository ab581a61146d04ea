package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Introspected;

import java.util.List;
import java.util.Map;

/**
 * The retention schedule ({@code staff/retention}): the table's head and one row per rule, the review's end date and
 * the next purge in UK time (each empty when not set).
 */
@Introspected
record RetentionPage(List<Map<String, Object>> head, List<List<Map<String, Object>>> rules, String endsOn,
                     String nextPurge) {
}
