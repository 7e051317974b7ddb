package cn.sh.healthcloud.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bearer tokens that quarkus-oidc has fully verified (signature, issuer, audience, expiry), with the
 * identity it built from each. Verifying a token (RSA and three JSON parses) was half the CPU of a
 * resident's hot read, and an app presents the same token for every call of a screen and for minutes
 * after. Only the exact token string ever matches an entry; an entry ends when its token expires or
 * after {@link VerifiedTokenConfig#maxAge()}, whichever comes first, so nothing passes that a fresh
 * verification within that window would not have passed.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Entry(SecurityIdentity identity, Instant expiresAt) {
    }

    private final Cache<String, Entry> cache;
    private final Clock clock;
    private final boolean enabled;

    VerifiedTokens(VerifiedTokenConfig config, Clock clock) {
        this.clock = clock;
        this.enabled = config.enabled();
        long maxAgeNanos = config.maxAge().toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfter(Expiry.<String, Entry>creating((token, entry) -> Duration.ofNanos(Math.min(maxAgeNanos,
                        Math.max(0, Duration.between(clock.instant(), entry.expiresAt()).toNanos())))))
                .build();
    }

    /** The identity verified for exactly this token, if it is remembered and has not expired. */
    public Optional<SecurityIdentity> identityOf(String token) {
        if (!enabled) {
            return Optional.empty();
        }
        Entry entry = cache.getIfPresent(token);
        return entry != null && clock.instant().isBefore(entry.expiresAt()) ? Optional.of(entry.identity())
                : Optional.empty();
    }

    /** Remembers a token the OIDC provider has just verified; tokens without an expiry are never kept. */
    void remember(String token, SecurityIdentity identity, Instant expiresAt) {
        if (enabled && clock.instant().isBefore(expiresAt)) {
            cache.put(token, new Entry(identity, expiresAt));
        }
    }

    boolean contains(String token) {
        return cache.getIfPresent(token) != null;
    }
}
