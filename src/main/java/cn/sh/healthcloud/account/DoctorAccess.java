package cn.sh.healthcloud.account;

import cn.sh.healthcloud.account.AccountRepositories.ContractRepository;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The health-management endpoints' gate: the calling doctor, and their active contract with the
 * resident in the path. Anyone not signed with them, existing or not, is 403, as in {@link DoctorService}.
 */
@ApplicationScoped
class DoctorAccess {

    /** The calling doctor and the contract that lets them act for this resident. */
    record Signed(Practitioner doctor, FamilyDoctorContract contract) {

        UUID residentId() {
            return contract.residentId;
        }
    }

    private final FamilyDoctorService familyDoctors;
    private final ContractRepository contracts;

    DoctorAccess(FamilyDoctorService familyDoctors, ContractRepository contracts) {
        this.familyDoctors = familyDoctors;
        this.contracts = contracts;
    }

    /** Call inside a transaction. */
    Uni<Signed> signed(Caller doctor, String residentId) {
        UUID id;
        try {
            id = UUID.fromString(residentId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(notYourResident());
        }
        return familyDoctors.practitioner(doctor).chain(p -> contracts.activeOf(id)
                .map(contract -> contract != null && contract.practitionerId.equals(p.id) ? new Signed(p, contract) : null)
                .onItem().ifNull().failWith(DoctorAccess::notYourResident));
    }

    Uni<Practitioner> practitioner(Caller doctor) {
        return familyDoctors.practitioner(doctor);
    }

    private static ProblemException notYourResident() {
        return ProblemException.forbidden("This resident is not signed with you");
    }
}
