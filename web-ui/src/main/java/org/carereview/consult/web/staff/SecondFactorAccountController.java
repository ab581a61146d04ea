package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import org.carereview.consult.core.account.AccountService;
import org.carereview.consult.core.account.AccountView;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.core.routes.StaffOnly;
import org.carereview.consult.core.secondfactor.SecondFactors;
import org.carereview.consult.web.Pages;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A member of staff's own second factor (ADR 25): whether it is set up and how many recovery codes are left; set
 * it up (staff whose role does not need one may choose to, and then must use it); make a new set of recovery codes.
 */
@Controller("/staff/account/second-factor")
@Produces(MediaType.TEXT_HTML)
@StaffOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class SecondFactorAccountController {

    private static final String HERE = "/staff/account/second-factor";

    private final SecondFactors secondFactors;
    private final AccountService accounts;

    SecondFactorAccountController(SecondFactors secondFactors, AccountService accounts) {
        this.secondFactors = secondFactors;
        this.accounts = accounts;
    }

    /** One's own second factor ({@code staff/second-factor}): set up or not, required or not, recovery codes left. */
    @Introspected
    record SecondFactorPage(boolean enrolled, boolean required, int left) {
    }

    @NotAudited("the signed-in person's own second factor")
    @Get
    Object page(Authentication who) {
        AccountView account = account(who);
        SecondFactors.Status status = secondFactors.status(account);
        boolean enrolled = status.state() == SecondFactors.State.ENROLLED;
        return Pages.view("staff/second-factor", new SecondFactorPage(enrolled,
                status.state() != SecondFactors.State.NOT_NEEDED,
                enrolled ? secondFactors.recoveryCodesLeft(account.id()) : 0));
    }

    @NotAudited("setting up the signed-in person's own second factor")
    @Get("/set-up")
    Object setUp(Authentication who) {
        AccountView account = account(who);
        if (secondFactors.status(account).state() == SecondFactors.State.ENROLLED) {
            return Pages.seeOther(HERE);
        }
        return SetUpPages.setUp(secondFactors.begin(account), HERE + "/set-up");
    }

    @Post("/set-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(@Body SecondFactorSignInController.CodeForm form, Authentication who) {
        AccountView account = account(who);
        if (secondFactors.status(account).state() == SecondFactors.State.ENROLLED) {
            return Pages.seeOther(HERE);
        }
        Optional<List<String>> codes = secondFactors.confirm(account.id(), form.code());
        return codes.<HttpResponse<?>>map(c -> SetUpPages.recoveryCodes(c, null, HERE))
                .orElseGet(() -> SetUpPages.wrongCode(secondFactors.begin(account), HERE + "/set-up"));
    }

    /** A new set of ten recovery codes, shown once; the old set stops working. */
    @Post("/recovery-codes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> newRecoveryCodes(Authentication who) {
        AccountView account = account(who);
        if (secondFactors.status(account).state() != SecondFactors.State.ENROLLED) {
            return Pages.seeOther(HERE);
        }
        return SetUpPages.recoveryCodes(secondFactors.newRecoveryCodes(account.id()), null, HERE);
    }

    private AccountView account(Authentication who) {
        return accounts.find(UUID.fromString(who.getName())).orElseThrow();
    }
}
