package cn.sh.healthcloud.kiosk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

/**
 * What the kiosk feature tells others after a commit (design §2: the dashboards observe, nobody
 * depends on them). An observer's failure is logged and goes no further: the data is stored, and
 * figures that missed it are reconciled from the database.
 */
@ApplicationScoped
class KioskEvents {

    private static final Logger LOG = Logger.getLogger(KioskEvents.class);

    private final Event<KioskReadingsStored> readingsStored;
    private final Event<KioskSessionsAssessed> sessionsAssessed;
    private final Event<KioskStatusChanged> statusChanged;

    KioskEvents(Event<KioskReadingsStored> readingsStored, Event<KioskSessionsAssessed> sessionsAssessed,
            Event<KioskStatusChanged> statusChanged) {
        this.readingsStored = readingsStored;
        this.sessionsAssessed = sessionsAssessed;
        this.statusChanged = statusChanged;
    }

    void readingsStored(KioskReadingsStored event) {
        if (event.receivedAt() != null && !event.readings().isEmpty()) {
            fire(() -> readingsStored.fire(event));
        }
    }

    void sessionsAssessed(KioskSessionsAssessed event) {
        if (!event.sessions().isEmpty()) {
            fire(() -> sessionsAssessed.fire(event));
        }
    }

    void statusChanged(KioskStatusChanged event) {
        fire(() -> statusChanged.fire(event));
    }

    private static void fire(Runnable firing) {
        try {
            firing.run();
        } catch (RuntimeException e) {
            LOG.warnf("An observer of kiosk events failed (%s); the figures are reconciled later", e.getMessage());
        }
    }
}
