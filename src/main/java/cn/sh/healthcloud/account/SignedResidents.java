package cn.sh.healthcloud.account;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Whether a resident is signed with a family doctor now: what acting for a resident (referrals) needs. */
@ApplicationScoped
public class SignedResidents {

    private static final String PRACTITIONER_OF = """
            select p.id from practitioner p
            join family_doctor_contract c on c.practitioner_id = p.id and c.ended_at is null
            where p.subject = $1 and c.resident_id = $2""";

    private final Pool pool;

    SignedResidents(Pool pool) {
        this.pool = pool;
    }

    /** The doctor's practitioner id when the resident has an active contract with them, else null. */
    public Uni<UUID> practitionerSignedWith(String doctorSubject, UUID residentId) {
        return pool.preparedQuery(PRACTITIONER_OF).execute(Tuple.of(doctorSubject, residentId)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? it.next().getUUID("id") : null;
        });
    }
}
