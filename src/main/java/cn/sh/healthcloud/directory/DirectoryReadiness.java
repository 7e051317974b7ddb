package cn.sh.healthcloud.directory;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the search index has been loaded: an empty index would answer "nothing near you". */
@Readiness
@ApplicationScoped
class DirectoryReadiness implements HealthCheck {

    private final StationIndex index;

    DirectoryReadiness(StationIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("station-directory-index")
                .status(index.isLoaded())
                .withData("stations", index.size())
                .build();
    }
}
