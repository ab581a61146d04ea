package org.carereview.consult.web.experts.apply;

import jakarta.inject.Singleton;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.experts.ApplicationDraft;
import org.carereview.consult.experts.ApplicationDrafts;
import org.carereview.consult.web.DraftCookie;
import org.carereview.consult.web.SavedDrafts;

import java.util.Optional;
import java.util.UUID;

/** "Save and come back later" for an application to the Experts by Experience group. */
@Singleton
class ApplicationSavedDrafts extends SavedDrafts {

    ApplicationSavedDrafts(ApplicationDrafts drafts, RateLimiter rateLimiter) {
        super(new Journey(Apply.BASE, SectionModel.TASK_LIST, SectionModel.TASK_LIST, "application"),
                DraftCookie.APPLICATION, drafts.lifetime(), new DraftsService() {
                    @Override
                    public boolean exists(UUID draft) {
                        return drafts.find(draft).isPresent();
                    }

                    @Override
                    public Optional<UUID> byCode(String code) {
                        return drafts.resumeByCode(code).map(ApplicationDraft::id);
                    }

                    @Override
                    public Optional<UUID> byLink(String token) {
                        return drafts.resumeByLink(token).map(ApplicationDraft::id);
                    }

                    @Override
                    public void emailLink(UUID draft, String email) {
                        drafts.emailLink(draft, email);
                    }
                }, rateLimiter);
    }
}
