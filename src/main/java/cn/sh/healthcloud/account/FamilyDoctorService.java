package cn.sh.healthcloud.account;

import cn.sh.healthcloud.account.AccountRepositories.ContractRepository;
import cn.sh.healthcloud.account.AccountRepositories.PractitionerRepository;
import cn.sh.healthcloud.directory.FacilityType;
import cn.sh.healthcloud.directory.StationRepository;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * "1+1+1" family-doctor signing: doctors register from their token (their community centre is
 * the token's station), residents sign with one, view and end the contract. One active contract
 * per resident, held by a partial unique index.
 */
@ApplicationScoped
public class FamilyDoctorService {

    private final AccountService accounts;
    private final PractitionerRepository practitioners;
    private final ContractRepository contracts;
    private final StationRepository stations;
    private final Clock clock;

    FamilyDoctorService(AccountService accounts, PractitionerRepository practitioners, ContractRepository contracts,
            StationRepository stations, Clock clock) {
        this.accounts = accounts;
        this.practitioners = practitioners;
        this.contracts = contracts;
        this.stations = stations;
        this.clock = clock;
    }

    /** The calling doctor as a practitioner, registered on their first visit from the token's claims. */
    @WithTransaction
    public Uni<PractitionerView> registerDoctor(Caller doctor) {
        return practitioner(doctor).map(PractitionerView::of);
    }

    Uni<Practitioner> practitioner(Caller doctor) {
        return practitioners.findBySubject(doctor.subject()).onItem().ifNull().switchTo(() -> {
            String stationId = doctor.station().orElseThrow(() -> ProblemException.forbidden(
                    "Your account names no community health centre (station claim); ask your administrator"));
            return stations.findById(stationId).map(station -> {
                if (station == null || (station.type != FacilityType.COMMUNITY_HEALTH_CENTER
                        && station.type != FacilityType.COMMUNITY_HEALTH_SUBCENTER)) {
                    throw ProblemException.forbidden("Family doctors belong to a community health centre or sub-centre");
                }
                Practitioner p = new Practitioner();
                p.id = UUID.randomUUID();
                p.subject = doctor.subject();
                p.name = doctor.name().orElse("Doctor");
                p.stationId = stationId;
                return p;
            }).call(practitioners::persist);
        });
    }

    @WithSession
    public Uni<List<PractitionerView>> familyDoctorsAt(String stationId) {
        return practitioners.atStation(stationId).map(list -> list.stream().map(PractitionerView::of).toList());
    }

    @WithTransaction
    public Uni<ContractView> sign(String subject, ContractRequest request) {
        return accounts.accountOf(subject).chain(resident -> contracts.activeOf(resident.id).chain(active -> {
            if (active != null) {
                throw ProblemException.conflict("You already have an active family-doctor contract; end it first");
            }
            return practitioners.findById(request.practitionerId());
        }).onItem().ifNull().failWith(() -> ProblemException.ruleViolated("No such family doctor",
                List.of(new cn.sh.healthcloud.problem.Problem.FieldError("practitionerId", "no such family doctor"))))
                .chain(doctor -> {
                    FamilyDoctorContract contract = new FamilyDoctorContract();
                    contract.id = UUID.randomUUID();
                    contract.residentId = resident.id;
                    contract.practitionerId = doctor.id;
                    contract.communityCentreId = doctor.stationId;
                    contract.districtHospital = request.districtHospital().strip();
                    contract.cityHospital = request.cityHospital().strip();
                    contract.priorityGroups = new PriorityGroups(request.priorityGroups());
                    contract.signedAt = OffsetDateTime.now(clock);
                    return contracts.persistAndFlush(contract).map(saved -> ContractView.of(saved, doctor));
                }))
                .onFailure(AccountService::isUniqueViolation)
                .transform(e -> ProblemException.conflict("You already have an active family-doctor contract; end it first"));
    }

    @WithTransaction
    public Uni<ContractView> myContract(String subject) {
        return accounts.accountOf(subject).chain(resident -> contracts.activeOf(resident.id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("You have no active family-doctor contract"))
                .chain(contract -> practitioners.findById(contract.practitionerId)
                        .map(doctor -> ContractView.of(contract, doctor)));
    }

    @WithTransaction
    public Uni<ContractView> end(String subject, String reason) {
        return accounts.accountOf(subject).chain(resident -> contracts.activeOf(resident.id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("You have no active family-doctor contract"))
                .invoke(contract -> {
                    contract.endedAt = OffsetDateTime.now(clock);
                    contract.endReason = reason == null || reason.isBlank() ? null : reason.strip();
                })
                .call(contracts::flush)
                .chain(contract -> practitioners.findById(contract.practitionerId)
                        .map(doctor -> ContractView.of(contract, doctor)));
    }
}
