package org.carereview.consult.web.experts.admin;

import io.micronaut.core.annotation.Introspected;

import java.util.List;
import java.util.Map;

/**
 * One member ({@code experts/admin/member}): id, reference and name, membership and since when, whether it was just
 * changed, the memberships to choose from, the change form as filled in, and every change as a table.
 */
@Introspected
record MemberPage(String id, String reference, String name, String status, String since, boolean changed,
                  List<Map<String, Object>> statuses, MembersPagesController.ChangeForm form,
                  List<Map<String, Object>> historyHead, List<List<Map<String, Object>>> history) {
}
