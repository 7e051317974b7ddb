package cn.sh.healthcloud.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "healthcloud.security.verified-tokens")
public interface VerifiedTokenConfig {

    /** Remember verified bearer tokens at all (off: every request verifies its token from scratch). */
    @WithDefault("true")
    boolean enabled();

    /** Most tokens remembered; the least used go first. */
    @WithDefault("10000")
    long maxSize();

    /**
     * Longest a verified token is remembered, even if it is valid for longer. Bounds how long a token
     * signed with a key the provider has since withdrawn can still pass.
     */
    @WithDefault("60s")
    Duration maxAge();
}
