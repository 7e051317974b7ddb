package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.stratification.ConditionCode;
import cn.sh.healthcloud.assessment.stratification.ConditionStatus;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Conditions the signed family doctor records for a resident (what makes them ill or recovering).
 * Every request is checked before anything is written, so a bad one changes nothing; each one is
 * in the resident's access log, written in the same transaction.
 */
@ApplicationScoped
public class ConditionService {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** What a condition change gives: the condition and the resident it belongs to (for the recompute). */
    record Recorded(UUID residentId, ConditionView condition) {
    }

    private final DoctorAccess access;
    private final ConditionRepository conditions;
    private final AccessLog accessLog;
    private final Clock clock;

    ConditionService(DoctorAccess access, ConditionRepository conditions, AccessLog accessLog, Clock clock) {
        this.access = access;
        this.conditions = conditions;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @ApplicationScoped
    static class ConditionRepository implements PanacheRepositoryBase<ResidentCondition, UUID> {

        Uni<List<ResidentCondition>> ofResident(UUID residentId) {
            return list("residentId", Sort.by("recordedAt").and("id"), residentId);
        }
    }

    @WithTransaction
    public Uni<Recorded> record(Caller doctor, String residentId, ConditionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Optional<ConditionCode> code = ConditionCode.byId(request.code());
        if (code.isEmpty()) {
            errors.add(new FieldError("code", "is not a known condition code"));
        }
        Optional<ConditionStatus> status = status(request.status(), code, errors);
        checkSince(request.since(), errors);
        return access.signed(doctor, residentId).chain(signed -> {
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.ruleViolated("The condition is not valid", errors));
            }
            ResidentCondition c = new ResidentCondition();
            c.id = UUID.randomUUID();
            c.residentId = signed.residentId();
            c.code = code.get().id();
            c.status = status.get().id();
            c.since = request.since();
            c.note = blankToNull(request.note());
            c.practitionerId = signed.doctor().id;
            c.recordedAt = now();
            c.updatedAt = c.recordedAt;
            return accessLog.record(c.residentId, doctor, Roles.DOCTOR, "condition recorded", "family doctor")
                    .chain(() -> conditions.persistAndFlush(c))
                    .map(saved -> new Recorded(saved.residentId, ConditionView.of(saved)));
        }).onFailure(AccountService::isUniqueViolation).transform(e -> ProblemException.conflict(
                "This condition is already recorded and not resolved; change its status instead"));
    }

    @WithTransaction
    public Uni<Recorded> change(Caller doctor, String residentId, String conditionId, ConditionChangeRequest request) {
        return access.signed(doctor, residentId).chain(signed -> find(signed.residentId(), conditionId).chain(c -> {
            List<FieldError> errors = new ArrayList<>();
            Optional<ConditionStatus> status = status(request.status(), ConditionCode.byId(c.code), errors);
            if (request.since() != null) {
                checkSince(request.since(), errors);
            }
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.ruleViolated("The change is not valid", errors));
            }
            c.status = status.get().id();
            if (request.since() != null) {
                c.since = request.since();
            }
            if (request.note() != null) {
                c.note = blankToNull(request.note());
            }
            c.practitionerId = signed.doctor().id;
            c.updatedAt = now();
            return accessLog.record(c.residentId, doctor, Roles.DOCTOR, "condition changed", "family doctor")
                    .chain(() -> conditions.flush())
                    .map(v -> new Recorded(c.residentId, ConditionView.of(c)));
        })).onFailure(AccountService::isUniqueViolation).transform(e -> ProblemException.conflict(
                "This condition is already recorded and not resolved; change that one instead"));
    }

    @WithTransaction
    public Uni<List<ConditionView>> list(Caller doctor, String residentId) {
        return access.signed(doctor, residentId)
                .call(signed -> accessLog.record(signed.residentId(), doctor, Roles.DOCTOR, "conditions", "family doctor"))
                .chain(signed -> conditions.ofResident(signed.residentId()))
                .map(found -> found.stream().map(ConditionView::of).toList());
    }

    /** One condition of this resident; another resident's id, or a malformed one, is "not found". */
    private Uni<ResidentCondition> find(UUID residentId, String conditionId) {
        UUID id;
        try {
            id = UUID.fromString(conditionId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ProblemException.notFound("No such condition"));
        }
        return conditions.findById(id).map(c -> c != null && c.residentId.equals(residentId) ? c : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No such condition"));
    }

    private static Optional<ConditionStatus> status(String value, Optional<ConditionCode> code, List<FieldError> errors) {
        Optional<ConditionStatus> status = ConditionStatus.byId(value);
        if (status.isEmpty()) {
            errors.add(new FieldError("status", "must be active, recovering or resolved"));
        } else if (code.isPresent() && !code.get().allows(status.get())) {
            errors.add(new FieldError("status", "cannot be " + status.get().id() + " for " + code.get().id()));
        }
        return status;
    }

    private void checkSince(LocalDate since, List<FieldError> errors) {
        if (since.isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("since", "is in the future"));
        } else if (since.isBefore(EARLIEST)) {
            errors.add(new FieldError("since", "is before 1900"));
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
