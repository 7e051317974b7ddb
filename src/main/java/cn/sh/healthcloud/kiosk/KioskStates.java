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
    private final KioskEvents events;

    KioskStates(Pool pool, KioskEvents events) {
        this.pool = pool;
        this.events = events;
    }

    Uni<Void> update(String kioskId, byte[] payload) {
        Optional<String> state = KioskMessageReader.status(payload);
        if (state.isEmpty() || !KioskMessageReader.isValidKioskId(kioskId)) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("update kiosk set state = $2, state_changed_at = now() where id = $1 and state <> $2"
                        + " returning station_id")
                .execute(Tuple.of(kioskId, state.get()))
                .invoke(rows -> rows.forEach(row -> events.statusChanged(
                        new KioskStatusChanged(kioskId, row.getString("station_id"), "online".equals(state.get())))))
                .replaceWithVoid();
    }
}
