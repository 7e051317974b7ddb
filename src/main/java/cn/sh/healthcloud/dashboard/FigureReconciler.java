package cn.sh.healthcloud.dashboard;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Makes the Redis figures converge to the database's. One replica leads (a Redis lease); each pass
 * it counts, from the database, the rows of the slices that are now settled (older than the settle
 * margin) and adds them to the day hashes, moving the settled instant on in the same atomic write.
 * From then on the live slices of that interval no longer count, so whatever the live counters
 * missed or counted twice there is corrected. When the settled instant is gone (Redis flushed or
 * restarted empty) the 30 days are rebuilt; today and yesterday are recounted whole every
 * recount interval, a safety net for a transaction that committed later than the margin. Appointment
 * use and kiosk presence are states: they are rewritten from the database each pass.
 */
@ApplicationScoped
class FigureReconciler {

    private static final Logger LOG = Logger.getLogger(FigureReconciler.class);
    static final int DAYS = 30;

    private static final String LEASE = """
            local holder = redis.call('GET', KEYS[1])
            if holder == false or holder == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return 1
            end
            return 0""";

    private final ReactiveRedisDataSource redis;
    private final Redis client;
    private final FigureSource source;
    private final DashboardConfig config;
    private final Clock clock;
    private final String replica = UUID.randomUUID().toString();
    private final AtomicReference<String> kioskSignature = new AtomicReference<>("");
    private volatile Instant lastRecount = Instant.EPOCH;
    private volatile Instant lastClasses = Instant.EPOCH;
    private final AtomicReference<Map<String, Long>> classesWritten = new AtomicReference<>(Map.of());

    FigureReconciler(ReactiveRedisDataSource redis, Redis client, FigureSource source, DashboardConfig config, Clock clock) {
        this.redis = redis;
        this.client = client;
        this.source = source;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${healthcloud.dashboard.reconcile-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledPass() {
        if (!config.reconcilerEnabled()) {
            return Uni.createFrom().voidItem();
        }
        return pass().onFailure().invoke(e -> LOG.warnf("Dashboard reconciliation pass failed (%s); the next one retries",
                e.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass, if this replica holds the lease. */
    Uni<Void> pass() {
        long leaseMillis = Math.max(5_000, config.reconcileInterval().toMillis() * 5);
        return redis.execute("EVAL", LEASE, "1", FigureKeys.LEASE, replica, Long.toString(leaseMillis))
                .chain(held -> held.toInteger() == 1 ? settle() : Uni.createFrom().voidItem());
    }

    private Uni<Void> settle() {
        Instant now = clock.instant();
        LocalDate today = FigureKeys.dayOf(now);
        long target = FigureKeys.sliceStart(now.minus(config.settleMargin()), config.slice());
        return redis.execute("GET", FigureKeys.SETTLED).chain(reply -> {
            if (reply == null) {
                return rebuild(today, target).replaceWith(true);
            }
            long settled = Long.parseLong(reply.toString());
            Uni<Boolean> advanced = target > settled ? advance(settled, target) : Uni.createFrom().item(false);
            return advanced.chain(moved -> now.isAfter(lastRecount.plus(config.recountInterval()))
                    ? recount(today, moved ? target : settled).replaceWith(true)
                    : Uni.createFrom().item(moved));
        }).chain(changed -> appointments(today.minusDays(1), today).replaceWith(changed))
                .chain(changed -> kiosks(false).map(kiosksChanged -> changed || kiosksChanged))
                .chain(changed -> healthClasses(now).map(classesChanged -> changed || classesChanged))
                .chain(changed -> changed ? redis.execute("PUBLISH", FigureKeys.CHANNEL, "settled").replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }

    /** Redis holds no settled figures: count the whole window up to {@code target} again. */
    private Uni<Void> rebuild(LocalDate today, long target) {
        LocalDate first = today.minusDays(DAYS - 1);
        Instant settles = Instant.ofEpochSecond(target);
        LOG.infof("Dashboard figures: rebuilding %d days from the database", DAYS);
        return source.flows(FigureKeys.startOf(first), settles)
                .chain(flows -> source.activeContracts(settles).chain(active -> served(flows).chain(() -> {
                    SettledWrite write = new SettledWrite(SettledWrite.NOTHING_SETTLED, Long.toString(target));
                    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
                        write.delete(FigureKeys.day(day));
                    }
                    write.delete(FigureKeys.SIGNINGS).increment(flows.counts()).increment(active.counts());
                    expireDays(write, flows);
                    return apply(write);
                })))
                // Rows committed while the window was being counted, with times before it (a seed, an
                // import), are found by a recount soon after rather than at the next regular one.
                .invoke(applied -> lastRecount = clock.instant().minus(config.recountInterval())
                        .plus(config.settleMargin().multipliedBy(3)))
                .chain(applied -> appointments(first, today))
                .chain(() -> kiosks(true)).replaceWithVoid();
    }

    /** Settle (settled, target]: add what the database holds for it, and move the settled instant on. */
    private Uni<Boolean> advance(long settled, long target) {
        return source.flows(Instant.ofEpochSecond(settled), Instant.ofEpochSecond(target))
                .chain(flows -> served(flows).chain(() -> {
                    SettledWrite write = new SettledWrite(Long.toString(settled), Long.toString(target))
                            .increment(flows.counts()).increment(signingsChange(flows).counts());
                    expireDays(write, flows);
                    return apply(write);
                }));
    }

    /** Today and yesterday counted whole up to the settled instant, replacing what the day hashes hold. */
    private Uni<Boolean> recount(LocalDate today, long settled) {
        LocalDate yesterday = today.minusDays(1);
        Instant from = FigureKeys.startOf(yesterday);
        Instant until = Instant.ofEpochSecond(settled);
        lastRecount = clock.instant();
        if (!until.isAfter(from)) {
            return Uni.createFrom().item(false);
        }
        return source.flows(from, until).chain(flows -> source.activeContracts(until).chain(active -> served(flows)
                .chain(() -> {
                    SettledWrite write = new SettledWrite(Long.toString(settled), "")
                            .delete(FigureKeys.day(yesterday)).delete(FigureKeys.day(today)).delete(FigureKeys.SIGNINGS)
                            .increment(flows.counts()).increment(active.counts());
                    expireDays(write, flows);
                    return apply(write);
                })))
                .call(applied -> appointments(today.minusDays(DAYS - 1), today));
    }

    /** Appointment use of these days' slots, rewritten whole. */
    private Uni<Void> appointments(LocalDate first, LocalDate last) {
        return source.appointments(first, last).chain(use -> {
            SettledWrite write = new SettledWrite(SettledWrite.ANY, "");
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                write.delete(FigureKeys.appointments(day));
            }
            write.increment(use.counts());
            use.counts().keySet().forEach(key -> write.expire(key, FigureKeys.DAY_TTL_SECONDS));
            return apply(write);
        }).replaceWithVoid();
    }

    /** The kiosks and which are online, rewritten when they changed (or always, after a rebuild). */
    private Uni<Boolean> kiosks(boolean always) {
        return source.kiosks().chain(kiosks -> {
            StringBuilder signature = new StringBuilder();
            kiosks.forEach(k -> signature.append(k.json()).append(k.online()).append('\n'));
            if (!always && signature.toString().equals(kioskSignature.get())) {
                return Uni.createFrom().item(false);
            }
            SettledWrite write = new SettledWrite(SettledWrite.ANY, "").delete(FigureKeys.KIOSKS);
            for (String district : Districts.CODES) {
                write.delete(FigureKeys.online(district));
            }
            for (FigureSource.KioskInfo k : kiosks) {
                write.put(FigureKeys.KIOSKS, k.id(), k.json());
                if (k.online()) {
                    write.addMember(FigureKeys.online(k.district()), k.id());
                }
            }
            return apply(write).invoke(() -> kioskSignature.set(signature.toString())).replaceWith(true);
        });
    }

    /** Residents by health class, counted every classes interval and rewritten when they changed. */
    private Uni<Boolean> healthClasses(Instant now) {
        if (now.isBefore(lastClasses.plus(config.classesInterval()))) {
            return Uni.createFrom().item(false);
        }
        lastClasses = now;
        return source.healthClasses().chain(counts -> {
            if (counts.equals(classesWritten.get())) {
                return Uni.createFrom().item(false);
            }
            SettledWrite write = new SettledWrite(SettledWrite.ANY, "").delete(FigureKeys.CLASSES);
            counts.forEach((field, n) -> write.put(FigureKeys.CLASSES, field, Long.toString(n)));
            return apply(write).invoke(() -> classesWritten.set(counts)).replaceWith(true);
        });
    }

    /** Signed minus ended in the interval: the change of the active contracts. */
    private static FigureDelta signingsChange(FigureDelta flows) {
        FigureDelta change = new FigureDelta();
        flows.counts().values().forEach(fields -> fields.forEach((field, n) -> {
            String scope = field.substring(0, field.indexOf('|'));
            String metric = field.substring(field.indexOf('|') + 1);
            if (scope.equals(FigureKeys.CITY)) {
                return; // counted with each district
            }
            switch (metric) {
                case Metric.SIGNED -> change.count(FigureKeys.SIGNINGS, scope, Metric.TOTAL, n);
                case Metric.ENDED -> change.count(FigureKeys.SIGNINGS, scope, Metric.TOTAL, -n);
                case Metric.SIGNED_PRIORITY -> change.count(FigureKeys.SIGNINGS, scope, Metric.TOTAL_PRIORITY, n);
                case Metric.ENDED_PRIORITY -> change.count(FigureKeys.SIGNINGS, scope, Metric.TOTAL_PRIORITY, -n);
                default -> {
                }
            }
        }));
        return change;
    }

    private static void expireDays(SettledWrite write, FigureDelta flows) {
        flows.counts().keySet().forEach(key -> write.expire(key, FigureKeys.DAY_TTL_SECONDS));
    }

    /** Residents served, before the counts: PFADD is idempotent, so a pass that fails after it loses nothing. */
    private Uni<Void> served(FigureDelta flows) {
        List<Request> requests = flows.servedRequests(1_000);
        return requests.isEmpty() ? Uni.createFrom().voidItem() : client.batch(requests).replaceWithVoid();
    }

    private Uni<Boolean> apply(SettledWrite write) {
        return redis.execute("EVAL", write.evalArgs()).map(reply -> {
            boolean applied = reply.toInteger() == 1;
            if (!applied) {
                LOG.debug("Dashboard figures moved on meanwhile; this write was dropped");
            }
            return applied;
        });
    }

    static Map<String, String> toMap(Response reply) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        if (reply == null) {
            return map;
        }
        if (!reply.getKeys().isEmpty()) { // RESP3: a map
            for (String key : reply.getKeys()) {
                map.put(key, reply.get(key).toString());
            }
        } else { // RESP2: field, value, field, value...
            for (int i = 0; i + 1 < reply.size(); i += 2) {
                map.put(reply.get(i).toString(), reply.get(i + 1).toString());
            }
        }
        return map;
    }
}
