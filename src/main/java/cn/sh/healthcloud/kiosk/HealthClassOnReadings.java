package cn.sh.healthcloud.kiosk;

import cn.sh.healthcloud.account.HealthClassRecompute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Kiosk readings stored in an account change its resident's health class: queue the recompute
 * (kiosk depends on account, not the other way round, so the kiosk side asks). A subject that is
 * a pending kiosk subject rather than a resident comes to nothing there.
 */
@ApplicationScoped
class HealthClassOnReadings {

    private final HealthClassRecompute recompute;

    HealthClassOnReadings(HealthClassRecompute recompute) {
        this.recompute = recompute;
    }

    void readingsStored(@Observes KioskReadingsStored event) {
        Set<UUID> residents = new HashSet<>();
        for (KioskReadingsStored.Reading r : event.readings()) {
            if (r.subject() != null) {
                residents.add(UUID.fromString(r.subject()));
            }
        }
        if (!residents.isEmpty()) {
            recompute.later(residents);
        }
    }
}
