package cn.sh.healthcloud.directory;

import cn.sh.healthcloud.directory.seed.SeedStation;
import cn.sh.healthcloud.directory.seed.ShanghaiDirectorySeed;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps this replica's {@link StationIndex} in step with PostgreSQL: a full load at start-up
 * (after seeding an empty database where configured), then a pull of recent changes every
 * {@code healthcloud.directory.refresh-interval}. If the database is down at start-up the service
 * still starts, reports not ready, and the refresh retries the full load.
 */
@ApplicationScoped
class DirectoryStartup {

    private static final Logger LOG = Logger.getLogger(DirectoryStartup.class);

    private final StationRepository repository;
    private final StationIndexLoader loader;
    private final StationIndex index;
    private final DirectoryConfig config;
    /** Database time at which the last full load or pull began. */
    private volatile OffsetDateTime lastPoll;
    /** Set once start-up's seeding step is over: loading before it would index a half-seeded table. */
    private volatile boolean seedingDone;

    DirectoryStartup(StationRepository repository, StationIndexLoader loader, StationIndex index, DirectoryConfig config) {
        this.repository = repository;
        this.loader = loader;
        this.index = index;
        this.config = config;
    }

    /**
     * Seeds (where configured) before the HTTP port opens, then loads the index in the background:
     * readiness keeps traffic away until it is loaded, and a failed load is retried by the refresh.
     */
    void onStart(@Observes StartupEvent event) {
        try {
            VertxContextSupport.subscribeAndAwait(this::seedIfEmpty);
        } catch (Throwable e) {
            LOG.errorf("Directory seed failed (%s); the index loads what the database has", e.toString());
        }
        seedingDone = true;
        loadAll().subscribe().with(ok -> { }, e -> LOG.errorf(
                "Directory index not loaded at start-up (%s); retrying in the background", e.toString()));
    }

    @Scheduled(every = "${healthcloud.directory.refresh-interval:2s}", delayed = "${healthcloud.directory.refresh-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        if (!seedingDone) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> work = index.isLoaded() ? pullChanges() : loadAll();
        return work.onFailure().invoke(e -> LOG.warnf("Directory refresh failed: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Reads every station; changes committed while it runs are caught by the next pull (same clock). */
    Uni<Void> loadAll() {
        return loader.databaseNow().chain(now -> loader.all().invoke(stations -> {
            index.replaceAll(stations);
            lastPoll = now;
            LOG.infof("Directory index loaded: %d stations", stations.size());
        })).replaceWithVoid();
    }

    /**
     * Asks which stations changed since the previous pull (minus the overlap, for transactions that
     * committed after stamping their rows) and reads only those whose version the index lacks, so
     * an idle directory costs two tiny queries per interval.
     */
    private Uni<Void> pullChanges() {
        OffsetDateTime since = lastPoll.minus(config.refreshOverlap());
        return loader.databaseNow().chain(now -> loader.versionsChangedSince(since)
                .chain(versions -> {
                    List<String> stale = versions.stream()
                            .filter(v -> index.byId(v.id()).map(held -> held.version() < v.version()).orElse(true))
                            .map(StationIndexLoader.Version::id)
                            .toList();
                    return stale.isEmpty() ? Uni.createFrom().item(0)
                            : loader.byIds(stale).map(index::apply);
                })
                .invoke(applied -> {
                    lastPoll = now;
                    if (applied > 0) {
                        LOG.debugf("Directory index refreshed: %d changed stations", applied);
                    }
                })).replaceWithVoid();
    }

    private Uni<Void> seedIfEmpty() {
        if (!config.seed().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> repository.count().chain(count -> {
            if (count > 0) {
                return Uni.createFrom().voidItem();
            }
            List<SeedStation> seed = ShanghaiDirectorySeed.generate();
            List<Station> stations = seed.stream().map(DirectoryStartup::toStation).toList();
            Map<String, Integer> lastSerials = seed.stream().collect(Collectors.toMap(
                    s -> s.request().district(), s -> serialOf(s.id()), Math::max, TreeMap::new));
            LOG.infof("Seeding the synthetic Shanghai directory: %d stations", stations.size());
            return repository.persist(stations).chain(() -> raiseSerials(lastSerials.entrySet().iterator()));
        }));
    }

    /** One district after another: a reactive session runs one statement at a time. */
    private Uni<Void> raiseSerials(java.util.Iterator<Map.Entry<String, Integer>> districts) {
        if (!districts.hasNext()) {
            return Uni.createFrom().voidItem();
        }
        Map.Entry<String, Integer> district = districts.next();
        return repository.raiseSerial(district.getKey(), district.getValue()).chain(() -> raiseSerials(districts));
    }

    private static Station toStation(SeedStation seed) {
        Station station = new Station();
        station.id = seed.id();
        station.apply(seed.request(), seed.request().position().toGeoPoint());
        return station;
    }

    private static int serialOf(String id) {
        return Integer.parseInt(id.substring(id.indexOf('-') + 1));
    }

}
