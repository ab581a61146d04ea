package org.carereview.consult.web.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.apikey.ApiKeyView;
import org.carereview.consult.core.apikey.ApiKeys;
import org.carereview.consult.core.apikey.IssuedApiKey;
import org.carereview.consult.core.problem.InvalidInputException;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;
import org.carereview.consult.web.Pages;

import java.util.Objects;
import java.util.UUID;

/**
 * Administrators issue integrations' keys, see them listed and revoke them (ADR 26). The page that shows a new
 * key is the answer to the form's post, not a redirect: the key must not go into an address, and is not kept.
 */
@Controller("/staff/api-keys")
@Produces(MediaType.TEXT_HTML)
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiKeysPageController {

    /** A key just issued ({@code staff/api-key-issued}): shown once, with the day it expires. */
    @Introspected
    record IssuedPage(IssuedApiKey issued, String expires) {
    }

    /** Asks to confirm revoking a key ({@code staff/api-key-revoke}). */
    @Introspected
    record RevokePage(ApiKeyView key, String label) {
    }

    @Serdeable
    record IssueForm(@Nullable String name, @Nullable String scope, @Nullable String expiresInDays) {
    }

    private final ApiKeys keys;

    ApiKeysPageController(ApiKeys keys) {
        this.keys = keys;
    }

    @NotAudited("integrations' keys: names, prefixes and dates; never a key, and no one's personal data")
    @Get
    HttpResponse<?> list(@Nullable @QueryValue String revoked) {
        String label = revoked == null ? null : keys.list().stream().filter(k -> k.id().toString().equals(revoked))
                .findFirst().map(ApiKeyView::label).orElse(null);
        return HttpResponse.ok(Pages.view("staff/api-keys",
                page(new IssueForm("", "", String.valueOf(ApiKeys.DEFAULT_DAYS)), label)));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> issue(@Body IssueForm form, Authentication who) {
        try {
            IssuedApiKey issued = keys.issue(form.name(), form.scope(), days(form.expiresInDays()),
                    UUID.fromString(who.getName()));
            return HttpResponse.ok(Pages.view("staff/api-key-issued",
                            new IssuedPage(issued, ApiKeyRows.date(issued.expiresAt()))))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        } catch (InvalidInputException e) {
            return Pages.invalid("staff/api-keys", page(form, null), e.errors());
        }
    }

    @NotAudited("asks to confirm revoking an integration's key: its name and prefix only")
    @Get("/{id}/revoke")
    HttpResponse<?> confirm(@PathVariable UUID id) {
        return keys.find(id).<HttpResponse<?>>map(k -> HttpResponse.ok(Pages.view("staff/api-key-revoke",
                new RevokePage(k, k.label())))).orElseGet(Pages::notFound);
    }

    @Post("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(@PathVariable UUID id, Authentication who) {
        if (keys.find(id).isEmpty()) {
            return Pages.notFound();
        }
        keys.revoke(id, UUID.fromString(who.getName()));
        return Pages.seeOther("/staff/api-keys?revoked=" + id);
    }

    /** Blank: the default; not a whole number: one the service refuses, so its error joins the others. */
    @Nullable
    private static Integer days(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private ApiKeysPage page(IssueForm form, @Nullable String revoked) {
        return new ApiKeysPage(keys.list().stream().map(ApiKeyRows::row).toList(), Objects.toString(form.name(), ""),
                Objects.toString(form.scope(), ""), Objects.toString(form.expiresInDays(), ""), ApiKeyRows.SCOPES,
                "Between 1 and " + ApiKeys.MAX_DAYS + " days. Issue a new key before this one expires.", revoked);
    }
}
