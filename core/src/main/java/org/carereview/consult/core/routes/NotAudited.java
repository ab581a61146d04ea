package org.carereview.consult.core.routes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This GET route holds no one else's personal data, and says why (a form, a public page, counts too small to
 * name anyone, or only the asker's own answers shown back to them). Every GET route is either this or
 * {@link PersonalData}: the web module's route walk fails on one that is neither.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotAudited {

    /** Why the route holds no personal data to audit. */
    String value();
}
