package cn.sh.healthcloud.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The small repositories of the family-doctor part of the account feature. */
final class AccountRepositories {

    private AccountRepositories() {
    }

    @ApplicationScoped
    static class PractitionerRepository implements PanacheRepositoryBase<Practitioner, UUID> {

        Uni<Practitioner> findBySubject(String subject) {
            return find("subject", subject).firstResult();
        }

        Uni<List<Practitioner>> atStation(String stationId) {
            return list("stationId", Sort.by("name"), stationId);
        }
    }

    @ApplicationScoped
    static class ContractRepository implements PanacheRepositoryBase<FamilyDoctorContract, UUID> {

        Uni<FamilyDoctorContract> activeOf(UUID residentId) {
            return find("residentId = ?1 and endedAt is null", residentId).firstResult();
        }

        Uni<List<FamilyDoctorContract>> activeWith(UUID practitionerId) {
            return list("practitionerId = ?1 and endedAt is null", Sort.by("signedAt"), practitionerId);
        }
    }

    @ApplicationScoped
    static class AccessLogRepository implements PanacheRepository<AccessLogEntry> {

        Uni<List<AccessLogEntry>> ofResident(UUID residentId, int page, int size) {
            return find("residentId", Sort.by("accessedAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending),
                    residentId).range(page * size, page * size + size).list();
        }
    }
}
