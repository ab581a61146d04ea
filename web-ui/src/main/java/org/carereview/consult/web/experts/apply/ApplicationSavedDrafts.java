package org.carereview.consult.web.experts.apply;

import jakarta.inject.Singleton;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.experts.ApplicationDrafts;
import org.carereview.consult.web.DraftCookie;
import org.carereview.consult.web.SavedDrafts;

/** "Save and come back later" for an application to the Experts by Experience group. */
@Singleton
class ApplicationSavedDrafts extends SavedDrafts {

    ApplicationSavedDrafts(ApplicationDrafts drafts, RateLimiter rateLimiter) {
        super(new Journey(Apply.BASE, SectionModel.TASK_LIST, SectionModel.TASK_LIST, "application"),
                DraftCookie.APPLICATION, drafts, rateLimiter);
    }
}
