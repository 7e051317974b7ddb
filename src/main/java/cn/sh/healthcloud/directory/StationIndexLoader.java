package cn.sh.healthcloud.directory;

import cn.sh.healthcloud.persistence.DatabaseJsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads stations for the search index straight from the reactive SQL client. The index needs no
 * managed entities, and going through Hibernate Reactive parses each profile three times (jsonb to
 * a Vert.x JsonObject, to text, to the record): loading the city at start-up took seconds that way.
 */
@ApplicationScoped
class StationIndexLoader {

    private static final String COLUMNS = """
            select id, type, name, district, street, address, lat, lon, phone, parent_id, profile::text as profile,
                   status, version
            from station""";

    private static final Logger LOG = Logger.getLogger(StationIndexLoader.class);

    private final Pool pool;

    StationIndexLoader(Pool pool) {
        this.pool = pool;
    }

    /** A station's id and version: what a refresh compares before it reads a whole row. */
    record Version(String id, int version) {
    }

    /** The database's clock, so that every replica measures "changed since" on the same clock. */
    Uni<OffsetDateTime> databaseNow() {
        return pool.query("select clock_timestamp() as now").execute()
                .map(rows -> rows.iterator().next().getOffsetDateTime("now"));
    }

    Uni<List<IndexedStation>> all() {
        return pool.query(COLUMNS).execute().map(StationIndexLoader::toStations);
    }

    Uni<List<Version>> versionsChangedSince(OffsetDateTime since) {
        return pool.preparedQuery("select id, version from station where updated_at > $1").execute(Tuple.of(since))
                .map(rows -> {
                    List<Version> versions = new ArrayList<>();
                    rows.forEach(row -> versions.add(new Version(row.getString("id"), row.getInteger("version"))));
                    return versions;
                });
    }

    Uni<List<IndexedStation>> byIds(List<String> ids) {
        return pool.preparedQuery(COLUMNS + " where id = any($1)").execute(Tuple.of(ids.toArray(String[]::new)))
                .map(StationIndexLoader::toStations);
    }

    /** One unreadable row is logged and left out: it must not stop the rest of the city from loading. */
    private static List<IndexedStation> toStations(Iterable<Row> rows) {
        List<IndexedStation> stations = new ArrayList<>();
        for (Row row : rows) {
            try {
                stations.add(toStation(row));
            } catch (RuntimeException e) {
                LOG.errorf("Station %s left out of the search index: %s", row.getString("id"), e.getMessage());
            }
        }
        return stations;
    }

    private static IndexedStation toStation(Row row) {
        Station station = new Station();
        station.id = row.getString("id");
        station.type = FacilityType.byId(row.getString("type")).orElseThrow();
        station.name = row.getString("name");
        station.district = row.getString("district");
        station.street = row.getString("street");
        station.address = row.getString("address");
        station.lat = row.getDouble("lat");
        station.lon = row.getDouble("lon");
        station.phone = row.getString("phone");
        station.parentId = row.getString("parent_id");
        station.status = StationStatus.valueOf(row.getString("status"));
        station.version = row.getInteger("version");
        try {
            station.profile = DatabaseJsonFormat.MAPPER.readValue(row.getString("profile"), StationProfile.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Unreadable profile of station " + station.id + ": " + e.getOriginalMessage(), e);
        }
        return IndexedStation.of(station);
    }
}
