package org.carereview.consult.core.routes;

import org.carereview.consult.core.account.Role;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RolesTest {

    @Test
    void eachConstantIsItsRolesName() {
        assertEquals(Role.CONTRIBUTOR.name(), Roles.CONTRIBUTOR);
        assertEquals(Role.REVIEWER.name(), Roles.REVIEWER);
        assertEquals(Role.ADMIN.name(), Roles.ADMIN);
        assertEquals(Role.SAFEGUARDING_LEAD.name(), Roles.SAFEGUARDING_LEAD);
        assertEquals(4, Role.values().length, "a new role needs its constant here");
    }
}
