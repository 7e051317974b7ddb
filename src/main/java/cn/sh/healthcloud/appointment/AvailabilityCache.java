package cn.sh.healthcloud.appointment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Each day's slots of a station's service, as the JSON array the availability response embeds,
 * in Redis for {@code availability-cache-ttl}. Every write that changes a day's counts deletes that
 * day's key after its commit; the TTL bounds the one race deletion cannot close (a reader that
 * loaded the day before the commit and stores it after the delete) and the times that move on
 * their own (booking opening, referral places released). The booking path never reads it.
 * In front of Redis, each replica keeps the days it served for {@code availability-local-ttl}
 * (500 ms) and forgets a day at once when it books, cancels or closes in it.
 */
@ApplicationScoped
class AvailabilityCache {

    private static final Logger LOG = Logger.getLogger(AvailabilityCache.class);
    private static final String PREFIX = "healthcloud:appointment:availability:";

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final long ttlMillis;
    private final Cache<String, String> local;

    AvailabilityCache(ReactiveRedisDataSource redis, AppointmentConfig config) {
        this.values = redis.value(String.class);
        this.keys = redis.key();
        this.ttlMillis = config.availabilityCacheTtl().toMillis();
        this.local = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(config.availabilityLocalTtl()).build();
    }

    static String key(String stationId, String service, LocalDate day) {
        return PREFIX + stationId + ':' + service + ':' + day;
    }

    /** The cached days; a missing day maps to null. */
    Uni<Map<String, String>> get(List<String> dayKeys) {
        Map<String, String> found = new HashMap<>(local.getAllPresent(dayKeys));
        if (found.size() == dayKeys.size()) {
            return Uni.createFrom().item(found);
        }
        String[] remote = dayKeys.stream().filter(k -> !found.containsKey(k)).toArray(String[]::new);
        return values.mget(remote).map(fromRedis -> {
            fromRedis.forEach((key, json) -> {
                if (json != null) {
                    local.put(key, json);
                    found.put(key, json);
                }
            });
            return found;
        });
    }

    Uni<Void> put(String dayKey, String slotsJson) {
        local.put(dayKey, slotsJson);
        return values.psetex(dayKey, ttlMillis, slotsJson);
    }

    /**
     * Forgets days whose counts changed. A Redis failure is logged, not thrown: the change is
     * committed, and the TTL ends the stale entry.
     */
    Uni<Void> invalidate(String stationId, String service, Collection<LocalDate> days) {
        if (days.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] dayKeys = days.stream().map(d -> key(stationId, service, d)).toArray(String[]::new);
        local.invalidateAll(List.of(dayKeys));
        return keys.del(dayKeys).replaceWithVoid().onFailure().recoverWithItem(e -> {
            LOG.warnf("Could not invalidate %d availability day(s) of station %s: %s", dayKeys.length, stationId,
                    e.toString());
            return null;
        });
    }
}
