package org.carereview.consult.core.routes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This route answers with personal data (a person's words, identity, contact or needs, or a list or export of
 * them): each call the viewer is allowed writes exactly one audit event (VIEW for one record, LIST or EXPORT for
 * many, naming its filter and row count), and a refused call writes none. The web module's route walk calls
 * every route so marked as each role and checks both (ADR 0021).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PersonalData {
}
