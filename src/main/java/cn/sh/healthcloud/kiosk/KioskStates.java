package cn.sh.healthcloud.kiosk;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Kiosk states from the retained status topic: "online" when the agent connects, "offline" from its
 * last will. Every replica receives them (the subscription is not shared) and writes only changes.
 */
@ApplicationScoped
class KioskStates {

    private final Pool pool;

    KioskStates(Pool pool) {
        this.pool = pool;
    }

    Uni<Void> update(String kioskId, byte[] payload) {
        Optional<String> state = KioskMessageReader.status(payload);
        if (state.isEmpty() || !KioskMessageReader.isValidKioskId(kioskId)) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("update kiosk set state = $2, state_changed_at = now() where id = $1 and state <> $2")
                .execute(Tuple.of(kioskId, state.get()))
                .replaceWithVoid();
    }
}
