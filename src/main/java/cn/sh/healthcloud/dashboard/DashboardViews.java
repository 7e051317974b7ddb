package cn.sh.healthcloud.dashboard;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Each replica's view of the figures in Redis: every scope's document, rebuilt from one round trip
 * to Redis shortly after any replica announces a change (and every few seconds regardless), so a
 * read costs no I/O and every replica converges to the same figures. Streams get a scope's
 * document whenever it changed.
 */
@ApplicationScoped
class DashboardViews {

    private static final Logger LOG = Logger.getLogger(DashboardViews.class);
    /** Live slices are read this far back; the settled instant trails now by the margin plus a pass or two. */
    private static final long MIN_LIVE_LOOKBACK_SECONDS = 30;

    /** One scope's document, encoded once for every reader, and its figures without the time they were read. */
    record View(String scope, Buffer json, String figures) {
    }

    private final Redis redis;
    private final ReactiveRedisDataSource dataSource;
    private final DashboardConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final AtomicReference<Map<String, View>> current = new AtomicReference<>();
    private final BroadcastProcessor<View> changes = BroadcastProcessor.create();
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    private final AtomicLong builds = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final Timer rebuilds;
    private long refreshTimer = -1;

    DashboardViews(Redis redis, ReactiveRedisDataSource dataSource, DashboardConfig config, Clock clock, Vertx vertx,
            MeterRegistry meters) {
        this.redis = redis;
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
        this.rebuilds = Timer.builder("healthcloud.dashboard.rebuilds")
                .description("Rebuilding every scope's document from Redis (one round trip, then the JSON)")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    void onStart(@Observes StartupEvent event) {
        dataSource.pubsub(String.class).subscribe(FigureKeys.CHANNEL, notice -> changed())
                .subscribe().with(subscriber -> LOG.debug("Following dashboard change notices"),
                        e -> LOG.warnf("Dashboard change notices not followed (%s); views refresh every %s", e.getMessage(),
                                config.viewRefresh()));
        refreshTimer = vertx.setPeriodic(config.viewRefresh().toMillis(), id -> changed());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refreshTimer >= 0) {
            vertx.cancelTimer(refreshTimer);
        }
        changes.onComplete();
    }

    /** The latest document of a scope, reading Redis first if this replica has none yet. */
    Uni<View> view(String scope) {
        Map<String, View> views = current.get();
        if (views != null) {
            return Uni.createFrom().item(views.get(scope));
        }
        return rebuild().map(built -> built.get(scope));
    }

    /** The scope's document now, then each time its figures change. */
    Multi<View> follow(String scope) {
        return Multi.createBy().concatenating().streams(view(scope).toMulti(),
                changes.filter(v -> v.scope().equals(scope)));
    }

    /** A change was announced: rebuild soon, gathering the notices that come meanwhile. */
    void changed() {
        if (rebuildPending.compareAndSet(false, true)) {
            vertx.setTimer(config.viewDelay().toMillis(), id -> {
                rebuildPending.set(false);
                rebuild().subscribe().with(v -> {
                }, e -> LOG.debugf("Dashboard views not rebuilt (%s); the next change or refresh retries", e.getMessage()));
            });
        }
    }

    /** Reads Redis and replaces the documents; a build that finishes after a newer one is dropped. */
    Uni<Map<String, View>> rebuild() {
        long build = builds.incrementAndGet();
        long started = System.nanoTime();
        Instant now = clock.instant();
        LocalDate today = FigureKeys.dayOf(now);
        return read(now, today).map(readout -> {
            Map<String, View> views = new HashMap<>();
            OffsetDateTime asOf = now.atZone(cn.sh.healthcloud.time.ShanghaiTime.ZONE).toOffsetDateTime();
            new DashboardFigures(readout, today).all().forEach((scope, doc) -> {
                String figures = doc.encode();
                views.put(scope, new View(scope, doc.put("asOf", asOf.toString()).toBuffer(), figures));
            });
            publish(build, views);
            rebuilds.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            return views;
        });
    }

    private synchronized void publish(long build, Map<String, View> views) {
        if (build <= published.get()) {
            return;
        }
        published.set(build);
        Map<String, View> before = current.getAndSet(views);
        for (View view : views.values()) {
            View previous = before == null ? null : before.get(view.scope());
            if (previous == null || !previous.figures().equals(view.figures())) {
                changes.onNext(view);
            }
        }
    }

    private Uni<FigureReadout> read(Instant now, LocalDate today) {
        List<Request> requests = new ArrayList<>();
        requests.add(Request.cmd(Command.GET).arg(FigureKeys.SETTLED));
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < FigureReconciler.DAYS; i++) {
            days.add(today.minusDays(i));
        }
        days.forEach(day -> requests.add(Request.cmd(Command.HGETALL).arg(FigureKeys.day(day))));
        days.forEach(day -> requests.add(Request.cmd(Command.HGETALL).arg(FigureKeys.appointments(day))));
        long sliceSeconds = config.slice().toSeconds();
        long newest = FigureKeys.sliceStart(now, config.slice());
        List<Long> slices = new ArrayList<>();
        long lookback = Math.max(MIN_LIVE_LOOKBACK_SECONDS, config.settleMargin().toSeconds()
                + 10 * config.reconcileInterval().toSeconds() + 2 * sliceSeconds);
        for (long s = newest - lookback - sliceSeconds; s <= newest + sliceSeconds; s += sliceSeconds) {
            slices.add(s);
            requests.add(Request.cmd(Command.HGETALL).arg(FigureKeys.live(s)));
        }
        requests.add(Request.cmd(Command.HGETALL).arg(FigureKeys.SIGNINGS));
        requests.add(Request.cmd(Command.HGETALL).arg(FigureKeys.KIOSKS));
        requests.add(Request.cmd(Command.HGETALL).arg(FigureKeys.CLASSES));
        Districts.CODES.forEach(d -> requests.add(Request.cmd(Command.SMEMBERS).arg(FigureKeys.online(d))));
        List<String> scopes = new ArrayList<>(Districts.CODES);
        scopes.add(FigureKeys.CITY);
        for (String scope : scopes) {
            for (int window : new int[] {1, 7, 30}) {
                Request count = Request.cmd(Command.PFCOUNT);
                for (int i = 0; i < window; i++) {
                    count.arg(FigureKeys.residents(today.minusDays(i), scope));
                }
                requests.add(count);
            }
        }
        return redis.batch(requests).map(replies -> {
            int at = 0;
            Response settledReply = replies.get(at++);
            long settled = settledReply == null ? 0 : Long.parseLong(settledReply.toString());
            Map<LocalDate, Map<String, Long>> dayCounts = new HashMap<>();
            for (LocalDate day : days) {
                dayCounts.put(day, longs(replies.get(at++)));
            }
            Map<LocalDate, Map<String, Long>> appointments = new HashMap<>();
            for (LocalDate day : days) {
                appointments.put(day, longs(replies.get(at++)));
            }
            Map<Long, Map<String, Long>> live = new HashMap<>();
            for (Long slice : slices) {
                live.put(slice, longs(replies.get(at++)));
            }
            Map<String, Long> signings = longs(replies.get(at++));
            Map<String, String> kiosks = FigureReconciler.toMap(replies.get(at++));
            Map<String, Long> classes = longs(replies.get(at++));
            Map<String, Set<String>> online = new HashMap<>();
            for (String district : Districts.CODES) {
                Set<String> members = new HashSet<>();
                Response reply = replies.get(at++);
                if (reply != null) {
                    reply.forEach(member -> members.add(member.toString()));
                }
                online.put(district, members);
            }
            Map<String, long[]> served = new HashMap<>();
            for (String scope : scopes) {
                served.put(scope, new long[] {replies.get(at++).toLong(), replies.get(at++).toLong(),
                        replies.get(at++).toLong()});
            }
            return new FigureReadout(settled, dayCounts, live, appointments, signings, kiosks, online, served, classes);
        });
    }

    private static Map<String, Long> longs(Response hash) {
        Map<String, Long> map = new HashMap<>();
        FigureReconciler.toMap(hash).forEach((field, value) -> map.put(field, Long.parseLong(value)));
        return map;
    }
}
