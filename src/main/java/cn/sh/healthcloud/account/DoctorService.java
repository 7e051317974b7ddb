package cn.sh.healthcloud.account;

import cn.sh.healthcloud.account.AccountRepositories.ContractRepository;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a family doctor sees: their signed residents, one signed resident's record and their
 * questionnaire responses. Anyone else's is 403 whether or not they exist, and every read is in
 * the access log.
 */
@ApplicationScoped
public class DoctorService {

    static final int LATEST_OBSERVATIONS = 20;

    /** Triage order: the worst latest report first (none counts as mildest), then longest signed. */
    private static final Comparator<SignedResidentView> URGENT_FIRST = Comparator
            .comparing((SignedResidentView v) -> v.latestLevel() == null ? -1 : v.latestLevel().ordinal())
            .reversed()
            .thenComparing(SignedResidentView::signedAt);

    private final FamilyDoctorService familyDoctors;
    private final ContractRepository contracts;
    private final ResidentRepository residents;
    private final ObservationRepository observations;
    private final AccessLog accessLog;
    private final ReportService reports;
    private final QuestionnaireResponseService questionnaires;

    DoctorService(FamilyDoctorService familyDoctors, ContractRepository contracts, ResidentRepository residents,
            ObservationRepository observations, AccessLog accessLog, ReportService reports,
            QuestionnaireResponseService questionnaires) {
        this.reports = reports;
        this.questionnaires = questionnaires;
        this.familyDoctors = familyDoctors;
        this.contracts = contracts;
        this.residents = residents;
        this.observations = observations;
        this.accessLog = accessLog;
    }

    /**
     * The list shows each resident's name, masked ID, birth date and latest level: personal data,
     * so every resident listed gets an access-log entry, like opening a record does.
     */
    @WithTransaction
    public Uni<List<SignedResidentView>> signedResidents(Caller doctor) {
        return familyDoctors.practitioner(doctor).chain(p -> contracts.activeWith(p.id)).chain(active -> {
            if (active.isEmpty()) {
                return Uni.createFrom().item(List.<SignedResidentView>of());
            }
            Map<UUID, FamilyDoctorContract> byResident = active.stream()
                    .collect(Collectors.toMap(c -> c.residentId, Function.identity()));
            return accessLog.recordAll(byResident.keySet(), doctor, Roles.DOCTOR, "signed-residents list", "family doctor")
                    .chain(() -> reports.latestLevels(byResident.keySet()))
                    .chain(levels -> residents.list("id in ?1", byResident.keySet())
                    .map(found -> found.stream()
                            .map(r -> view(r, byResident.get(r.id), levels.get(r.id)))
                            .sorted(URGENT_FIRST)
                            .toList()));
        });
    }

    @WithTransaction
    public Uni<ResidentRecordView> record(Caller doctor, String residentId) {
        return familyDoctors.practitioner(doctor).chain(p -> signedWith(p, residentId)
                .chain(contract -> accessLog.record(contract.residentId, doctor, Roles.DOCTOR, "health record",
                        "family doctor")
                        .chain(() -> residents.findById(contract.residentId))
                        .chain(resident -> observations.slice(resident.id, null,
                                OffsetDateTime.parse("2000-01-01T00:00:00Z"), OffsetDateTime.parse("9999-01-01T00:00:00Z"),
                                0, LATEST_OBSERVATIONS)
                                .chain(latest -> reports.latestOf(resident.id).map(report -> new ResidentRecordView(
                                        view(resident, contract, report == null ? null
                                                : new ReportService.LatestLevel(report.level, report.createdAt)),
                                        ContractView.of(contract, p), latest.stream().map(ObservationView::of).toList(),
                                        report == null ? null : ReportView.of(report)))))));
    }

    /** A signed resident's questionnaire responses, newest first; written to their access log. */
    @WithTransaction
    public Uni<QuestionnaireResponsePage> questionnaireResponses(Caller doctor, String residentId,
            QuestionnaireResponseService.ListParams params) {
        QuestionnaireResponseService.Listing listing;
        try {
            listing = questionnaires.listing(params);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        return familyDoctors.practitioner(doctor).chain(p -> signedWith(p, residentId))
                .chain(contract -> accessLog.record(contract.residentId, doctor, Roles.DOCTOR, "questionnaire responses",
                        "family doctor")
                        .chain(() -> questionnaires.ofResident(contract.residentId, listing)));
    }

    /** One questionnaire response of a signed resident (e.g. the one an alert names); access-logged. */
    @WithTransaction
    public Uni<QuestionnaireResponseView> questionnaireResponse(Caller doctor, String residentId, String responseId) {
        return familyDoctors.practitioner(doctor).chain(p -> signedWith(p, residentId))
                .chain(contract -> accessLog.record(contract.residentId, doctor, Roles.DOCTOR, "questionnaire response",
                        "family doctor")
                        .chain(() -> questionnaires.oneOf(contract.residentId, responseId)));
    }

    /** The active contract of this resident with this doctor; anyone else, existing or not, is 403. */
    private Uni<FamilyDoctorContract> signedWith(Practitioner doctor, String residentId) {
        UUID id;
        try {
            id = UUID.fromString(residentId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(notYourResident());
        }
        return contracts.activeOf(id)
                .map(contract -> contract != null && contract.practitionerId.equals(doctor.id) ? contract : null)
                .onItem().ifNull().failWith(DoctorService::notYourResident);
    }

    private static SignedResidentView view(Resident r, FamilyDoctorContract c, ReportService.LatestLevel latest) {
        return new SignedResidentView(r.id, r.displayName, r.nationalIdMasked, r.birthDate, r.sex,
                c.priorityGroups.groups(), c.signedAt, latest == null ? null : latest.level(),
                latest == null ? null : latest.at());
    }

    private static ProblemException notYourResident() {
        return ProblemException.forbidden("This resident is not signed with you");
    }
}
