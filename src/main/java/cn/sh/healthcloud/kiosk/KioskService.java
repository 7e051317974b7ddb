package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.directory.FacilityType;
import cn.sh.healthcloud.directory.Station;
import cn.sh.healthcloud.directory.StationRepository;
import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The kiosk register: a kiosk belongs to a smart-health station; that station's admins (and city
 * admins) register and retire it, and the district's officers may too. Retired kiosks keep their
 * readings, and their new messages are refused.
 */
@ApplicationScoped
class KioskService {

    private final KioskRepository kiosks;
    private final StationRepository stations;
    private final Clock clock;

    KioskService(KioskRepository kiosks, StationRepository stations, Clock clock) {
        this.kiosks = kiosks;
        this.stations = stations;
        this.clock = clock;
    }

    @ApplicationScoped
    static class KioskRepository implements PanacheRepositoryBase<Kiosk, String> {
    }

    @WithTransaction
    Uni<List<KioskView>> ofStation(String stationId) {
        return station(stationId).chain(s -> kiosks.list("stationId", Sort.by("id"), s.id))
                .map(list -> list.stream().map(KioskView::of).toList());
    }

    @WithTransaction
    Uni<KioskView> one(String id) {
        return kiosks.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No such kiosk"))
                .map(KioskView::of);
    }

    @WithTransaction
    Uni<KioskView> register(Caller caller, String stationId, KioskRegistration request) {
        return station(stationId).chain(station -> {
            checkManages(caller, station);
            if (station.type != FacilityType.SMART_HEALTH_STATION) {
                throw ProblemException.ruleViolated("Kiosks belong to smart-health stations",
                        List.of(new FieldError("stationId", "is a " + station.type.id() + ", not a smart-health-station")));
            }
            return (request.id() != null ? Uni.createFrom().item(request.id()) : freeId(station.id))
                    .chain(id -> kiosks.findById(id).chain(existing -> {
                        if (existing != null) {
                            throw ProblemException.conflict("Kiosk " + id + " is already registered");
                        }
                        Kiosk kiosk = new Kiosk();
                        kiosk.id = id;
                        kiosk.stationId = station.id;
                        kiosk.label = request.label() == null ? null : request.label().strip();
                        kiosk.registeredAt = OffsetDateTime.now(clock);
                        kiosk.state = "unknown";
                        return kiosks.persist(kiosk).call(kiosks::flush);
                    }));
        }).map(KioskView::of);
    }

    @WithTransaction
    Uni<KioskView> retire(Caller caller, String id) {
        return kiosks.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No such kiosk"))
                .call(kiosk -> station(kiosk.stationId).invoke(station -> checkManages(caller, station)))
                .invoke(kiosk -> {
                    if (kiosk.retiredAt != null) {
                        throw ProblemException.conflict("Kiosk " + id + " is already retired");
                    }
                    kiosk.retiredAt = OffsetDateTime.now(clock);
                })
                .call(kiosks::flush)
                .map(KioskView::of);
    }

    /** K-{station id}, then K-{station id}-2, -3, … for a station's further kiosks. */
    private Uni<String> freeId(String stationId) {
        return kiosks.count("stationId", stationId)
                .map(n -> n == 0 ? "K-" + stationId : "K-" + stationId + "-" + (n + 1));
    }

    private Uni<Station> station(String stationId) {
        return stations.findById(stationId).onItem().ifNull().failWith(() -> ProblemException.notFound("No such station"));
    }

    private static void checkManages(Caller caller, Station station) {
        if (caller.hasRole(Roles.CITY_ADMIN) || caller.isDistrictOfficerOf(station.district)
                || caller.isStationAdminOf(station.id)) {
            return;
        }
        throw ProblemException.forbidden("You may manage only the kiosks of your own station or district");
    }
}
