package cn.sh.healthcloud.directory;

import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.problem.ProblemKind;
import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.time.ShanghaiTime;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads and writes of single stations. A write commits to PostgreSQL first and then updates this
 * replica's index at once; other replicas pick the change up on their next refresh.
 */
@ApplicationScoped
public class StationService {

    private final StationRepository repository;
    private final StationIndex index;
    private final Clock clock;

    StationService(StationRepository repository, StationIndex index, Clock clock) {
        this.repository = repository;
        this.index = index;
        this.clock = clock;
    }

    /** The station as stored (not the index), so an admin reads their own write on any replica. */
    @WithSession
    public Uni<StationDetails> find(String id, CoordinateSystem crs) {
        return repository.findById(id).map(station -> station == null ? null : details(station, crs));
    }

    public Uni<StationDetails> create(StationRequest request, CoordinateSystem crs, Caller caller) {
        GeoPoint position = crs.toWgs84(request.position().toGeoPoint());
        StationPermissions.checkCreate(caller, request.district());
        return insert(request, position).invoke(this::reindex).map(station -> details(station, crs));
    }

    public Uni<StationDetails> update(String id, Integer expectedVersion, StationRequest request, CoordinateSystem crs,
            Caller caller) {
        GeoPoint position = crs.toWgs84(request.position().toGeoPoint());
        return change(id, expectedVersion, caller, request.district(), station -> checkRules(request, position, id)
                .invoke(() -> station.apply(request, position)))
                .map(station -> details(station, crs));
    }

    public Uni<StationDetails> close(String id, String reason, Caller caller) {
        return change(id, null, caller, null, station -> {
            if (station.status == StationStatus.CLOSED) {
                return Uni.createFrom().failure(ProblemException.conflict("The station is already closed"));
            }
            station.status = StationStatus.CLOSED;
            station.closedReason = reason.strip();
            return Uni.createFrom().voidItem();
        }).map(station -> details(station, CoordinateSystem.WGS84));
    }

    public Uni<StationDetails> reopen(String id, Caller caller) {
        return change(id, null, caller, null, station -> {
            if (station.status == StationStatus.ACTIVE) {
                return Uni.createFrom().failure(ProblemException.conflict("The station is open"));
            }
            station.status = StationStatus.ACTIVE;
            station.closedReason = null;
            return Uni.createFrom().voidItem();
        }).map(station -> details(station, CoordinateSystem.WGS84));
    }

    private Uni<Station> insert(StationRequest request, GeoPoint position) {
        return Panache.withTransaction(() -> checkRules(request, position, null)
                .chain(() -> repository.nextSerial(request.district()))
                .chain(serial -> {
                    Station station = new Station();
                    station.id = StationIds.format(request.district(), serial);
                    station.apply(request, position);
                    return repository.persist(station);
                }));
    }

    /** Loads, authorises and changes one station in a transaction, then re-indexes it after the commit. */
    private Uni<Station> change(String id, Integer expectedVersion, Caller caller, String newDistrict,
            Function<Station, Uni<Void>> edit) {
        return inTransaction(id, expectedVersion, caller, newDistrict, edit).invoke(this::reindex);
    }

    private Uni<Station> inTransaction(String id, Integer expectedVersion, Caller caller, String newDistrict,
            Function<Station, Uni<Void>> edit) {
        return Panache.withTransaction(() -> repository.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No station with id " + id))
                .invoke(station -> StationPermissions.checkEdit(caller, station, newDistrict))
                .invoke(station -> {
                    if (expectedVersion != null && expectedVersion != station.version) {
                        throw new ProblemException(ProblemKind.PRECONDITION_FAILED,
                                "The station is at version " + station.version + ", not " + expectedVersion);
                    }
                })
                .call(station -> edit.apply(station))
                .call(repository::flush));
    }

    private Uni<Void> checkRules(StationRequest request, GeoPoint position, String stationId) {
        List<FieldError> errors = new ArrayList<>(StationRules.check(request, position));
        Uni<List<FieldError>> parentErrors = request.parentId() == null
                ? Uni.createFrom().item(List.of())
                : repository.findById(request.parentId())
                        .map(parent -> StationRules.checkParent(stationId, request.district(), parent));
        return parentErrors.invoke(more -> {
            errors.addAll(more);
            if (!errors.isEmpty()) {
                throw ProblemException.ruleViolated("The station breaks directory rules", errors);
            }
        }).replaceWithVoid();
    }

    private void reindex(Station station) {
        index.apply(List.of(IndexedStation.of(station)));
    }

    private StationDetails details(Station s, CoordinateSystem crs) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ShanghaiTime.ZONE));
        IndexedStation view = IndexedStation.of(s);
        return new StationDetails(s.id, s.name, s.type, s.type.nameZh(), s.district,
                ShanghaiDistrict.byCode(s.district).map(ShanghaiDistrict::nameZh).orElse(null),
                s.street, s.address, Position.of(crs.fromWgs84(s.position())), crs.id(), s.phone, s.parentId,
                view.services(), view.openingHours(), view.closures(), s.status, s.closedReason,
                view.isActive() && view.isOpenAt(now), s.version);
    }
}
