package cn.sh.healthcloud.account;

import cn.sh.healthcloud.measurement.MeasurementType;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ObservationRepository implements PanacheRepositoryBase<Observation, UUID> {

    private static final Sort NEWEST_FIRST = Sort.by("takenAt", Sort.Direction.Descending)
            .and("id", Sort.Direction.Descending);

    /**
     * Up to {@code limit} observations from {@code offset}, newest first, of a resident within
     * [from, to), optionally of one type.
     */
    public Uni<List<Observation>> slice(UUID residentId, MeasurementType type, OffsetDateTime from, OffsetDateTime to,
            int offset, int limit) {
        String query = "residentId = :resident and takenAt >= :from and takenAt < :to"
                + (type == null ? "" : " and type = :type");
        Parameters params = Parameters.with("resident", residentId).and("from", from).and("to", to);
        if (type != null) {
            params = params.and("type", type);
        }
        return find(query, NEWEST_FIRST, params).range(offset, offset + limit - 1).list();
    }

    /** The latest observation of each of these types, if taken since {@code since}; oldest first. */
    public Uni<List<Observation>> latestOfTypes(UUID residentId, Collection<MeasurementType> types, OffsetDateTime since) {
        return find("""
                from Observation latest where latest.residentId = ?1 and latest.type in ?2 and latest.takenAt >= ?3
                and latest.takenAt = (select max(o.takenAt) from Observation o
                                      where o.residentId = latest.residentId and o.type = latest.type)
                order by latest.takenAt""", residentId, types, since).list();
    }

    public Uni<List<Observation>> ofTypeBetween(UUID residentId, MeasurementType type, OffsetDateTime from,
            OffsetDateTime to) {
        return list("residentId = ?1 and type = ?2 and takenAt >= ?3 and takenAt < ?4",
                Sort.by("takenAt"), residentId, type, from, to);
    }
}
