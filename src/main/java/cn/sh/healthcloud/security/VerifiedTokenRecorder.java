package cn.sh.healthcloud.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
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
            tokens.remember(credential.getToken(), detached(identity), Instant.ofEpochSecond(jwt.getExpirationTime()));
        }
        return Uni.createFrom().item(identity);
    }

    /**
     * What is worth keeping of an identity beyond its request: principal (the verified claims),
     * roles, credentials, and attributes that are plain values. The rest belongs to the request it
     * was built in: kept, it held that request's routing context and reactive pipelines alive,
     * ~23 objects of context propagation per entry, enough that 12,000 remembered tokens slowed
     * every path of a 256 MB service (README, Appointments figures).
     */
    static SecurityIdentity detached(SecurityIdentity identity) {
        QuarkusSecurityIdentity.Builder lean = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .setAnonymous(false);
        identity.getAttributes().forEach((name, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                lean.addAttribute(name, value);
            }
        });
        return lean.build();
    }
}
