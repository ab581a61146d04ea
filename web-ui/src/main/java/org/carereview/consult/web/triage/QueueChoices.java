package org.carereview.consult.web.triage;

import org.carereview.consult.deepdives.Area;

import java.util.List;
import java.util.Map;

/**
 * The queue page's choices as GOV.UK select items: the filter form's ({@code kinds} to {@code groups}) and the bulk
 * form's ({@code bulkAssignees}, {@code bulkThemes}, {@code bulkStatuses}).
 */
record QueueChoices(List<Map<String, Object>> kinds, List<Map<String, Object>> statuses,
                    List<Map<String, Object>> themes, List<Map<String, Object>> dilemmas,
                    List<Map<String, Object>> areas, List<Map<String, Object>> assignees,
                    List<Map<String, Object>> sorts, List<Map<String, Object>> flagged,
                    List<Map<String, Object>> consent, List<Map<String, Object>> groups,
                    List<Map<String, Object>> bulkAssignees, List<Map<String, Object>> bulkThemes,
                    List<Map<String, Object>> bulkStatuses) {

    static QueueChoices of(QueueQuery query, StaffDirectory staff, List<Area> areas) {
        return new QueueChoices(QueueOptions.kinds(), QueueOptions.statuses(), QueueOptions.themes("Any theme"),
                QueueOptions.dilemmas(), QueueOptions.areas(areas), QueueOptions.assigneeFilter(staff),
                QueueOptions.sorts(), QueueOptions.flagged(), QueueOptions.consent(), QueueOptions.groups(query.group()),
                QueueOptions.bulkAssignees(staff), QueueOptions.themes("Leave as they are"), QueueOptions.bulkStatuses());
    }
}
