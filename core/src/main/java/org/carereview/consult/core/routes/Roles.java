package org.carereview.consult.core.routes;

/**
 * The role names as compile-time constants, for annotations ({@code @Secured} takes strings, not {@link org.carereview.consult.core.account.Role}s).
 * Routes say who may call them with the annotations in this package ({@code @StaffOnly}, {@code @AdminOnly},
 * ...), which are built from these; code outside annotations uses {@link org.carereview.consult.core.account.Role}.
 */
public final class Roles {

    public static final String CONTRIBUTOR = "CONTRIBUTOR";
    public static final String REVIEWER = "REVIEWER";
    public static final String ADMIN = "ADMIN";
    public static final String SAFEGUARDING_LEAD = "SAFEGUARDING_LEAD";

    private Roles() {
    }
}
