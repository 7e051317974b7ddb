package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.problem.RetryLaterException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Booking attempts per caller in a fixed window, counted in Redis so that every replica shares the
 * count: one INCR per attempt, an EXPIRE when a window starts. A key left without expiry (a crash
 * between the two) is given one when it next refuses, so nobody is locked out for good.
 */
@ApplicationScoped
class BookingRateLimiter {

    private static final String PREFIX = "healthcloud:appointment:attempts:";

    private final ReactiveValueCommands<String, Long> counters;
    private final ReactiveKeyCommands<String> keys;
    private final int attempts;
    private final long windowSeconds;

    BookingRateLimiter(ReactiveRedisDataSource redis, AppointmentConfig config) {
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
        this.attempts = config.rateLimit().attempts();
        this.windowSeconds = Math.max(1, config.rateLimit().window().toSeconds());
    }

    /** Counts an attempt; fails with 429 and the seconds until the window ends when over the limit. */
    Uni<Void> attempt(String subject) {
        String key = PREFIX + subject;
        return counters.incr(key).chain(count -> {
            if (count == 1) {
                return keys.expire(key, windowSeconds).replaceWithVoid();
            }
            if (count <= attempts) {
                return Uni.createFrom().voidItem();
            }
            return keys.ttl(key).chain(ttl -> ttl >= 0
                    ? Uni.createFrom().item(ttl)
                    : keys.expire(key, windowSeconds).replaceWith(windowSeconds))
                    .chain(retryAfter -> Uni.createFrom().<Void>failure(new RetryLaterException(
                            "Too many booking attempts; try again in " + retryAfter + " s", retryAfter)));
        });
    }
}
