package cn.sh.healthcloud.directory;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StationRepository implements PanacheRepositoryBase<Station, String> {

    /**
     * Allocates the next serial of a district's station ids. The upsert takes a row lock, so two
     * concurrent creates in one district never get the same serial.
     */
    public Uni<Integer> nextSerial(String district) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                insert into station_id_counter (district, last_serial) values (?1, 1)
                on conflict (district) do update set last_serial = station_id_counter.last_serial + 1
                returning last_serial""", Integer.class)
                .setParameter(1, district)
                .getSingleResult());
    }

    /** Makes later allocations start after serials that were assigned outside {@link #nextSerial}. */
    public Uni<Integer> raiseSerial(String district, int atLeast) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                insert into station_id_counter (district, last_serial) values (?1, ?2)
                on conflict (district) do update
                set last_serial = greatest(station_id_counter.last_serial, excluded.last_serial)""")
                .setParameter(1, district)
                .setParameter(2, atLeast)
                .executeUpdate());
    }
}
