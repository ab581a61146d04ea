package org.carereview.consult.web.advice;

import jakarta.inject.Singleton;
import org.carereview.consult.advice.AdviceDrafts;
import org.carereview.consult.advice.Draft;
import org.carereview.consult.core.ratelimit.RateLimiter;
import org.carereview.consult.web.DraftCookie;
import org.carereview.consult.web.SavedDrafts;

import java.util.Optional;
import java.util.UUID;

/** "Save and come back later" for the call for advice. */
@Singleton
class AdviceSavedDrafts extends SavedDrafts {

    static final String CHECK = "/call-for-advice/check";

    private final AdviceDrafts drafts;

    AdviceSavedDrafts(AdviceDrafts drafts, RateLimiter rateLimiter) {
        super(new Journey("/call-for-advice", CHECK, CHECK, "advice"),
                DraftCookie.ADVICE, drafts.lifetime(), new Store() {
                    @Override
                    public boolean exists(UUID draft) {
                        return drafts.find(draft).isPresent();
                    }

                    @Override
                    public Optional<UUID> byCode(String code) {
                        return drafts.resumeByCode(code).map(Draft::id);
                    }

                    @Override
                    public Optional<UUID> byLink(String token) {
                        return drafts.resumeByLink(token).map(Draft::id);
                    }

                    @Override
                    public void emailLink(UUID draft, String email) {
                        drafts.emailLink(draft, email);
                    }
                }, rateLimiter);
        this.drafts = drafts;
    }

    /** A resumed draft opens where the person left off: the first question they have not reached, not check answers. */
    @Override
    protected String resumeTo(UUID draft) {
        return drafts.find(draft).map(found -> Step.resumePath(found.answers())).orElse(CHECK);
    }
}
