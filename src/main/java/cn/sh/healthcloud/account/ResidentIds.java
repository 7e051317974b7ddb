package cn.sh.healthcloud.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The account id of an OIDC subject, creating the account on first use, for features that key
 * their rows by resident (appointments). A subject's account id never changes, so it is remembered
 * per replica: on a hot path such as booking this saves a round trip per request.
 */
@ApplicationScoped
public class ResidentIds {

    private static final String FIND = "select id from resident where subject = $1";
    private static final String CREATE = "insert into resident (id, subject) values ($1, $2) on conflict (subject) do nothing";

    private final Pool pool;
    private final Cache<String, UUID> known = Caffeine.newBuilder().maximumSize(200_000).build();

    ResidentIds(Pool pool) {
        this.pool = pool;
    }

    public Uni<UUID> idOf(String subject) {
        UUID id = known.getIfPresent(subject);
        if (id != null) {
            return Uni.createFrom().item(id);
        }
        return find(subject)
                .onItem().ifNull().switchTo(() -> pool.preparedQuery(CREATE).execute(Tuple.of(UUID.randomUUID(), subject))
                        .chain(() -> find(subject)))
                .invoke(found -> known.put(subject, found));
    }

    /** The account id of a subject that has one, or null; never creates an account. */
    public Uni<UUID> existingIdOf(String subject) {
        UUID id = known.getIfPresent(subject);
        return id != null ? Uni.createFrom().item(id) : find(subject);
    }

    private Uni<UUID> find(String subject) {
        return pool.preparedQuery(FIND).execute(Tuple.of(subject)).map(ResidentIds::firstId);
    }

    private static UUID firstId(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? it.next().getUUID("id") : null;
    }
}
