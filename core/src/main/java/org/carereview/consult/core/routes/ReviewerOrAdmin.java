package org.carereview.consult.core.routes;

import io.micronaut.security.annotation.Secured;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Reviewers and administrators only (not the safeguarding lead as such). A {@code @Secured} the security layer enforces on the route or controller it marks. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Secured({Roles.REVIEWER, Roles.ADMIN})
public @interface ReviewerOrAdmin {
}
