package org.carereview.consult.web.experts.admin;

import io.micronaut.core.annotation.Introspected;

import java.util.List;
import java.util.Map;

/** The members list ({@code experts/admin/members}): the table's headings and one row of cells per member. */
@Introspected
record MembersPage(List<Map<String, Object>> head, List<List<Map<String, Object>>> rows) {
}
