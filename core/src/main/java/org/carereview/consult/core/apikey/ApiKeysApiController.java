package org.carereview.consult.core.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.carereview.consult.core.routes.AdminOnly;
import org.carereview.consult.core.routes.NotAudited;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Administrators issue, list and revoke integrations' keys (ADR 26). The key is in the issuing answer only. */
@Controller("/api/v1/admin/api-keys")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiKeysApiController {

    @Serdeable
    record Request(@Nullable String name, @Nullable String scope, @Nullable Integer expiresInDays) {
    }

    private final ApiKeys keys;

    ApiKeysApiController(ApiKeys keys) {
        this.keys = keys;
    }

    @Post
    @Status(HttpStatus.CREATED)
    HttpResponse<IssuedApiKey> issue(@Nullable @Body Request request, Authentication who) {
        Request body = request == null ? new Request(null, null, null) : request;
        IssuedApiKey issued = keys.issue(body.name(), body.scope(), body.expiresInDays(), UUID.fromString(who.getName()));
        return HttpResponse.created(issued, URI.create("/api/v1/admin/api-keys/" + issued.id()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @NotAudited("integrations' keys: their names, prefixes and dates, never a key or anyone's personal data")
    @Get
    Map<String, List<ApiKeyView>> list() {
        return Map.of("items", keys.list());
    }

    /** Revokes the key: its next request is refused. */
    @Delete("/{id}")
    HttpResponse<Void> revoke(@PathVariable UUID id, Authentication who) {
        keys.revoke(id, UUID.fromString(who.getName()));
        return HttpResponse.noContent();
    }
}
