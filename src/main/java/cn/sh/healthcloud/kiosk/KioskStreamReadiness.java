package cn.sh.healthcloud.kiosk;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while this replica is not taking its share of the kiosk stream (unless ingestion is off here). */
@Readiness
@ApplicationScoped
class KioskStreamReadiness implements HealthCheck {

    private final KioskStream stream;
    private final KioskConfig config;

    KioskStreamReadiness(KioskStream stream, KioskConfig config) {
        this.stream = stream;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        if (!config.ingestionEnabled()) {
            return HealthCheckResponse.named("kiosk-stream").up().withData("ingestion", "off").build();
        }
        return HealthCheckResponse.named("kiosk-stream")
                .status(stream.isTaking())
                .withData("clientId", stream.clientId())
                .withData("shareGroup", config.shareGroup())
                .withData("unacknowledged", stream.unacknowledged())
                .build();
    }
}
