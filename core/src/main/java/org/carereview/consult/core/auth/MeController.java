package org.carereview.consult.core.auth;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.routes.NotAudited;

import java.util.Collection;
import java.util.List;

@Controller("/api/v1/me")
class MeController {

    @Serdeable
    record Me(String id, String email, List<String> roles) {
    }

    @NotAudited("the signed-in person's own account")
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Me me(Authentication authentication) {
        Collection<String> roles = authentication.getRoles();
        return new Me(authentication.getName(), String.valueOf(authentication.getAttributes().get(TokenIssuer.EMAIL)),
                roles.stream().sorted().toList());
    }
}
