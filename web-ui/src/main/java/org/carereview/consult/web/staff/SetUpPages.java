package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import org.carereview.consult.core.problem.FieldError;
import org.carereview.consult.core.secondfactor.SecondFactors;
import org.carereview.consult.web.Pages;

import java.util.List;
import java.util.Map;

/** The set-up and recovery-code pages, shared by the sign-in and the staff member's own second-factor page. */
final class SetUpPages {

    private SetUpPages() {
    }

    static ModelAndView<Map<String, Object>> setUp(SecondFactors.Enrolment enrolment, String action) {
        return Pages.view("staff/second-factor-set-up", model(enrolment, action));
    }

    static MutableHttpResponse<?> wrongCode(SecondFactors.Enrolment enrolment, String action) {
        return Pages.invalid("staff/second-factor-set-up", model(enrolment, action), List.of(new FieldError("code",
                "That code is not right. Enter the 6-digit code your app shows now")));
    }

    /**
     * The recovery codes, shown once, as the answer to the post that made them (they cannot be shown again, so
     * there is no page to redirect to); never stored by the browser. Continue: a form to post to, or a link.
     */
    static MutableHttpResponse<?> recoveryCodes(List<String> codes, @Nullable String continuePost,
                                                @Nullable String continueLink) {
        return HttpResponse.ok(Pages.view("staff/recovery-codes", new CodesPage(codes, continuePost, continueLink)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static SetUpPage model(SecondFactors.Enrolment enrolment, String action) {
        return new SetUpPage(enrolment.secret(), enrolment.qrSvg(), action);
    }

    /** Setting up an authenticator app ({@code staff/second-factor-set-up}): its secret, as text and a QR code. */
    @Introspected
    record SetUpPage(String secret, String qrSvg, String action) {
    }

    /**
     * The recovery codes, shown once ({@code staff/recovery-codes}), and where "Continue" goes: a form post (during
     * sign-in) or a link (from one's account), the other null.
     */
    @Introspected
    record CodesPage(List<String> codes, @Nullable String continuePost, @Nullable String continueLink) {
    }
}
