package org.carereview.consult.core.access;

import org.carereview.consult.core.account.Role;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VisibilityTest {

    static final UUID OWNER = UUID.randomUUID();
    static final Viewer OWNER_VIEWER = new Viewer(OWNER, Set.of(Role.CONTRIBUTOR));
    static final Viewer STRANGER = new Viewer(UUID.randomUUID(), Set.of(Role.CONTRIBUTOR));
    static final Viewer REVIEWER = new Viewer(UUID.randomUUID(), Set.of(Role.REVIEWER));
    static final Viewer LEAD = new Viewer(UUID.randomUUID(), Set.of(Role.SAFEGUARDING_LEAD));
    static final Viewer ADMIN = new Viewer(UUID.randomUUID(), Set.of(Role.ADMIN));

    @Test
    void aFlaggedSubmissionIsReadOnlyByTheLeadAndAdministratorsNotEvenItsSender() {
        assertTrue(Visibility.mayRead(LEAD, OWNER, true));
        assertTrue(Visibility.mayRead(ADMIN, OWNER, true));
        assertFalse(Visibility.mayRead(REVIEWER, OWNER, true));
        assertFalse(Visibility.mayRead(OWNER_VIEWER, OWNER, true));
        assertFalse(Visibility.mayRead(Viewer.anonymous(), OWNER, true));
    }

    @Test
    void anUnflaggedSubmissionIsReadByStaffAndItsSenderOnly() {
        assertTrue(Visibility.mayRead(REVIEWER, OWNER, false));
        assertFalse(Visibility.mayRead(REVIEWER, OWNER, false, true));
        assertTrue(Visibility.mayRead(LEAD, OWNER, false, true));
        assertTrue(Visibility.mayRead(OWNER_VIEWER, OWNER, false, true));
        assertFalse(Visibility.mayRead(OWNER_VIEWER, OWNER, true, true));
        assertTrue(Visibility.mayRead(OWNER_VIEWER, OWNER, false));
        assertFalse(Visibility.mayRead(STRANGER, OWNER, false));
        assertFalse(Visibility.mayRead(Viewer.anonymous(), null, false));
    }

    @Test
    void contactAndTheWholeRecordGoToTheOwnerTheLeadAndAdministratorsOnly() {
        assertTrue(Visibility.mayContact(LEAD) && Visibility.mayContact(ADMIN));
        assertFalse(Visibility.mayContact(REVIEWER) || Visibility.mayContact(OWNER_VIEWER));
        assertTrue(Visibility.mayReadWhole(OWNER_VIEWER, OWNER, false));
        assertFalse(Visibility.mayReadWhole(OWNER_VIEWER, OWNER, true));
        assertFalse(Visibility.mayReadWhole(REVIEWER, OWNER, false));
        assertTrue(Visibility.mayReadWhole(LEAD, OWNER, false));
    }

    @Test
    void theSqlConditionLeavesFlaggedRowsOutForEveryoneButTheLeadAndAdministrators() {
        assertEquals(" AND NOT s.safeguarding AND NOT EXISTS (SELECT 1 FROM safeguarding_check_queue wq "
                + "WHERE wq.submission_id = s.id)", Visibility.submissions(REVIEWER, "s"));
        assertEquals(" AND NOT safeguarding AND NOT EXISTS (SELECT 1 FROM safeguarding_check_queue wq "
                + "WHERE wq.submission_id = submission.id)", Visibility.submissions(REVIEWER, ""));
        assertEquals(" AND NOT s.safeguarding", Visibility.sendersOwn("s"));
        assertEquals(" AND NOT s.safeguarding", Visibility.flaggedFilter(false, "s"));
        assertEquals("", Visibility.submissions(LEAD, "s"));
        assertEquals("", Visibility.submissions(ADMIN, "s"));
        assertEquals("'ADMIN', 'SAFEGUARDING_LEAD'", Visibility.rolesSql(true));
        assertEquals("'ADMIN', 'REVIEWER', 'SAFEGUARDING_LEAD'", Visibility.rolesSql(false));
    }
}
