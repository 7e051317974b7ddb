package cn.sh.healthcloud.kiosk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record KioskView(String id, String stationId, String label, String state, OffsetDateTime stateChangedAt,
        OffsetDateTime registeredAt, OffsetDateTime retiredAt) {

    static KioskView of(Kiosk k) {
        return new KioskView(k.id, k.stationId, k.label, k.state, k.stateChangedAt, k.registeredAt, k.retiredAt);
    }
}
