package cn.sh.healthcloud.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ResidentRepository implements PanacheRepositoryBase<Resident, UUID> {

    public Uni<Resident> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }

    /**
     * Creates the account of a subject seen for the first time. Two first requests racing each
     * other both succeed: the loser's insert does nothing and both read the same row.
     */
    public Uni<Void> createIfAbsent(String subject) {
        return getSession().flatMap(session -> session.createNativeQuery(
                "insert into resident (id, subject) values (?1, ?2) on conflict (subject) do nothing")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, subject)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Resident> findByNationalIdLookup(byte[] lookup) {
        return find("nationalIdLookup", lookup).firstResult();
    }

    public Uni<Resident> findByInsuranceCardLookup(byte[] lookup) {
        return find("insuranceCardLookup", lookup).firstResult();
    }
}
