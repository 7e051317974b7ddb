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
import java.util.Comparator;
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
    private final StationIndex index;
    private final DirectoryConfig config;
    private static final OffsetDateTime EPOCH = OffsetDateTime.parse("1970-01-01T00:00:00Z");

    private volatile OffsetDateTime newestChange;

    DirectoryStartup(StationRepository repository, StationIndex index, DirectoryConfig config) {
        this.repository = repository;
        this.index = index;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> seedIfEmpty().chain(this::loadAll));
        } catch (Throwable e) {
            LOG.errorf("Directory index not loaded at start-up (%s); retrying in the background", e.toString());
        }
    }

    @Scheduled(every = "${healthcloud.directory.refresh-interval:2s}", delayed = "${healthcloud.directory.refresh-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        Uni<Void> work = index.isLoaded() ? pullChanges() : loadAll();
        return work.onFailure().invoke(e -> LOG.warnf("Directory refresh failed: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    Uni<Void> loadAll() {
        return Panache.withSession(() -> repository.listAll()).invoke(stations -> {
            index.replaceAll(stations.stream().map(IndexedStation::of).toList());
            newestChange = newest(stations, newestChange);
            LOG.infof("Directory index loaded: %d stations", stations.size());
        }).replaceWithVoid();
    }

    private Uni<Void> pullChanges() {
        OffsetDateTime since = newestChange == null ? EPOCH : newestChange.minus(config.refreshOverlap());
        return Panache.withSession(() -> repository.changedSince(since)).invoke(stations -> {
            int applied = index.apply(stations.stream().map(IndexedStation::of).toList());
            newestChange = newest(stations, newestChange);
            if (applied > 0) {
                LOG.debugf("Directory index refreshed: %d changed stations", applied);
            }
        }).replaceWithVoid();
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

    private static OffsetDateTime newest(List<Station> stations, OffsetDateTime current) {
        return stations.stream().map(s -> s.updatedAt).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder())
                .filter(t -> current == null || t.isAfter(current))
                .orElse(current);
    }
}
