package cn.sh.healthcloud.mqtt;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready without the broker: the replica could not take kiosk readings or send reports back. */
@Readiness
@ApplicationScoped
class BrokerReadiness implements HealthCheck {

    private final BrokerConnection broker;

    BrokerReadiness(BrokerConnection broker) {
        this.broker = broker;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mqtt-broker")
                .status(broker.isConnected())
                .withData("endpoint", broker.endpoint())
                .build();
    }
}
