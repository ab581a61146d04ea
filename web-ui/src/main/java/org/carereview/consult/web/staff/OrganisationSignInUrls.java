package org.carereview.consult.web.staff;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.uri.UriTemplate;
import io.micronaut.security.oauth2.configuration.OauthConfiguration;
import io.micronaut.security.oauth2.url.DefaultOauthRouteUrlBuilder;
import io.micronaut.security.oauth2.url.OauthRouteUrlBuilder;
import jakarta.inject.Singleton;
import org.carereview.consult.core.config.ConsultConfiguration;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Map;

/**
 * The addresses the identity provider sends people back to are built on {@code CONSULT_BASE_URL}, the address the
 * provider was told when the service was registered there (ADR 28), never on a request's Host header, which a
 * client chooses.
 */
@Singleton
@Replaces(DefaultOauthRouteUrlBuilder.class)
class OrganisationSignInUrls implements OauthRouteUrlBuilder<HttpRequest<?>> {

    private final ConsultConfiguration consult;
    private final OauthConfiguration oauth;

    OrganisationSignInUrls(ConsultConfiguration consult, OauthConfiguration oauth) {
        this.consult = consult;
        this.oauth = oauth;
    }

    @Override
    public URL buildLoginUrl(HttpRequest<?> request, String provider) {
        return buildUrl(request, buildLoginUri(provider).toString());
    }

    @Override
    public URL buildCallbackUrl(HttpRequest<?> request, String provider) {
        return buildUrl(request, buildCallbackUri(provider).toString());
    }

    @Override
    public URI buildLoginUri(String provider) {
        return URI.create(UriTemplate.of(oauth.getLoginUri()).expand(Map.of("provider", provider)));
    }

    @Override
    public URI buildCallbackUri(String provider) {
        return URI.create(UriTemplate.of(oauth.getCallbackUri()).expand(Map.of("provider", provider)));
    }

    @Override
    public URL buildUrl(HttpRequest<?> request, String path) {
        try {
            return URI.create(consult.link(path)).toURL();
        } catch (MalformedURLException | IllegalArgumentException wrong) {
            throw new IllegalStateException("CONSULT_BASE_URL is not a usable address", wrong);
        }
    }
}
