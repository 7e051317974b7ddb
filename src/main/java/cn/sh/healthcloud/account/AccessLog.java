package cn.sh.healthcloud.account;

import cn.sh.healthcloud.account.AccountRepositories.AccessLogRepository;
import cn.sh.healthcloud.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.UUID;

/**
 * Writes down every read of a person's data by someone else. It is written in the same
 * transaction as the read, before the data is returned: a read that cannot be logged fails.
 */
@ApplicationScoped
public class AccessLog {

    private final AccessLogRepository entries;

    AccessLog(AccessLogRepository entries) {
        this.entries = entries;
    }

    /** Call inside the transaction that reads the data. */
    public Uni<Void> record(UUID residentId, Caller reader, String role, String what, String why) {
        return entries.persist(entry(residentId, reader, role, what, why)).replaceWithVoid();
    }

    /** One entry per person shown, e.g. each resident in a doctor's list; written as one batch. */
    public Uni<Void> recordAll(Collection<UUID> residentIds, Caller reader, String role, String what, String why) {
        return entries.persist(residentIds.stream().map(id -> entry(id, reader, role, what, why)).toList());
    }

    private static AccessLogEntry entry(UUID residentId, Caller reader, String role, String what, String why) {
        AccessLogEntry entry = new AccessLogEntry();
        entry.residentId = residentId;
        entry.accessorSubject = reader.subject();
        entry.accessorName = reader.name().orElse(null);
        entry.accessorRole = role;
        entry.what = what;
        entry.why = why;
        return entry;
    }

    Uni<AccessLogView> ofResident(UUID residentId, int page, int size) {
        return entries.ofResident(residentId, page, size).map(found -> new AccessLogView(
                found.stream().limit(size).map(AccessLogView.Entry::of).toList(), page, size, found.size() > size));
    }
}
