package cn.sh.healthcloud.account;

import cn.sh.healthcloud.account.AccountRepositories.ContractRepository;
import cn.sh.healthcloud.assessment.UrgentFinding;
import cn.sh.healthcloud.assessment.UrgentReadings;
import cn.sh.healthcloud.measurement.Measurement;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The family doctor's alert work list: an urgent reading of a signed resident, or an answer that
 * alerts whatever the total (PHQ-9 item 9), becomes an alert in the same transaction that stores it; the doctor lists (each listing logged in the resident's
 * access log) and acknowledges with a note.
 */
@ApplicationScoped
public class Alerts {

    private final UrgentReadings urgent;
    private final ContractRepository contracts;
    private final AlertRepository alerts;
    private final ResidentRepository residents;
    private final ObservationRepository observations;
    private final FamilyDoctorService familyDoctors;
    private final AccessLog accessLog;
    private final Clock clock;

    Alerts(UrgentReadings urgent, ContractRepository contracts, AlertRepository alerts, ResidentRepository residents,
            ObservationRepository observations, FamilyDoctorService familyDoctors, AccessLog accessLog, Clock clock) {
        this.urgent = urgent;
        this.contracts = contracts;
        this.alerts = alerts;
        this.residents = residents;
        this.observations = observations;
        this.familyDoctors = familyDoctors;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @ApplicationScoped
    static class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {
    }

    /** Inside the transaction that stores the observation. A resident with no family doctor raises none. */
    Uni<Void> raiseIfUrgent(UUID residentId, UUID observationId, Measurement measurement) {
        return urgent.check(measurement).map(finding -> contracts.activeOf(residentId).chain(contract -> {
            if (contract == null) {
                return Uni.createFrom().voidItem();
            }
            Alert alert = new Alert();
            alert.id = UUID.randomUUID();
            alert.residentId = residentId;
            alert.practitionerId = contract.practitionerId;
            alert.observationId = observationId;
            alert.createdAt = OffsetDateTime.now(clock);
            alert.code = finding.code();
            alert.textZh = finding.textZh();
            alert.textEn = finding.textEn();
            return alerts.persist(alert).replaceWithVoid();
        })).orElseGet(() -> Uni.createFrom().voidItem());
    }

    /**
     * Inside the transaction that stores the questionnaire response: one alert per urgent finding
     * (e.g. {@code phq9-item9-self-harm}) with the response's id, never the answers. False when the
     * resident has no family doctor, who then raises none, as with an urgent reading.
     */
    Uni<Boolean> raiseForQuestionnaire(UUID residentId, UUID responseId, List<UrgentFinding> findings) {
        if (findings.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return contracts.activeOf(residentId).chain(contract -> {
            if (contract == null) {
                return Uni.createFrom().item(false);
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Alert> raised = findings.stream().map(finding -> {
                Alert alert = new Alert();
                alert.id = UUID.randomUUID();
                alert.residentId = residentId;
                alert.practitionerId = contract.practitionerId;
                alert.questionnaireResponseId = responseId;
                alert.createdAt = now;
                alert.code = finding.code();
                alert.textZh = finding.textZh();
                alert.textEn = finding.textEn();
                return alert;
            }).toList();
            return alerts.persist(raised).replaceWith(true);
        });
    }

    @WithTransaction
    public Uni<List<AlertView>> workList(Caller doctor, boolean openOnly) {
        return familyDoctors.practitioner(doctor).chain(p -> alerts.list(
                "practitionerId = ?1" + (openOnly ? " and acknowledgedAt is null" : ""),
                Sort.by("createdAt", Sort.Direction.Descending), p.id))
                .chain(found -> found.isEmpty() ? Uni.createFrom().item(List.<AlertView>of())
                        : accessLog.recordAll(new HashSet<>(found.stream().map(a -> a.residentId).toList()), doctor,
                                Roles.DOCTOR, "alert", "alert").chain(() -> views(found)));
    }

    @WithTransaction
    public Uni<AlertView> acknowledge(Caller doctor, String alertId, String note) {
        UUID id;
        try {
            id = UUID.fromString(alertId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ProblemException.notFound("No such alert"));
        }
        return familyDoctors.practitioner(doctor).chain(p -> alerts.findById(id)
                .map(alert -> alert != null && alert.practitionerId.equals(p.id) ? alert : null))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No such alert in your work list"))
                .invoke(alert -> {
                    if (alert.acknowledgedAt != null) {
                        throw ProblemException.conflict("This alert was already acknowledged");
                    }
                    alert.acknowledgedAt = OffsetDateTime.now(clock);
                    alert.acknowledgementNote = note.strip();
                })
                .call(alerts::flush)
                .chain(alert -> views(List.of(alert))).map(list -> list.get(0));
    }

    private Uni<List<AlertView>> views(List<Alert> found) {
        List<UUID> residentIds = found.stream().map(a -> a.residentId).distinct().toList();
        List<UUID> observationIds = found.stream().map(a -> a.observationId).filter(java.util.Objects::nonNull).toList();
        return residents.list("id in ?1", residentIds).chain(people -> observations.list("id in ?1", observationIds)
                .map(readings -> {
                    Map<UUID, Resident> byResident = people.stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
                    Map<UUID, Observation> byObservation = readings.stream()
                            .collect(Collectors.toMap(o -> o.id, Function.identity()));
                    return found.stream().map(a -> new AlertView(a.id, a.createdAt, a.residentId,
                            byResident.get(a.residentId).displayName, a.code, a.textZh, a.textEn,
                            a.observationId == null ? null : ObservationView.of(byObservation.get(a.observationId)),
                            a.questionnaireResponseId, a.acknowledgedAt, a.acknowledgementNote)).toList();
                }));
    }
}
