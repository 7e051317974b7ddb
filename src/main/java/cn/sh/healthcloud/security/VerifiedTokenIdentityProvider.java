package cn.sh.healthcloud.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asked before the OIDC provider (higher priority): answers with the remembered identity of a token
 * verified before, or with nothing, which hands the request to quarkus-oidc for full verification.
 */
@ApplicationScoped
class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens tokens;

    VerifiedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom().item(tokens.identityOf(request.getToken().getToken())
                .map(identity -> forThisRequest(identity, HttpSecurityUtils.getRoutingContextAttribute(request)))
                .orElse(null));
    }

    /** The identity carries the HTTP request it was built in; a remembered one gets the current request. */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, RoutingContext current) {
        if (current == null) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder(identity).addAttribute(RoutingContext.class.getName(), current).build();
    }
}
