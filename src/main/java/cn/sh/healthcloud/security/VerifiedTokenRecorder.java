package cn.sh.healthcloud.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Runs after the identity provider succeeded (augmentors only see authenticated identities) and
 * remembers the bearer token with the identity quarkus-oidc built from it. Runs last, so what is
 * remembered is the identity as every other augmentor left it.
 */
@ApplicationScoped
class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    VerifiedTokenRecorder(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
                && !tokens.contains(credential.getToken())) {
            // Kept without the HTTP request it was built in (each use gets its own), so no request outlives itself.
            SecurityIdentity detached = QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(RoutingContext.class.getName(), null).build();
            tokens.remember(credential.getToken(), detached, Instant.ofEpochSecond(jwt.getExpirationTime()));
        }
        return Uni.createFrom().item(identity);
    }
}
