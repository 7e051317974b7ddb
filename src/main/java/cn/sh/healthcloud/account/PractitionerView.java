package cn.sh.healthcloud.account;

import java.util.UUID;

/** A family doctor as residents see them when choosing one. */
public record PractitionerView(UUID id, String name, String stationId) {

    static PractitionerView of(Practitioner p) {
        return new PractitionerView(p.id, p.name, p.stationId);
    }
}
