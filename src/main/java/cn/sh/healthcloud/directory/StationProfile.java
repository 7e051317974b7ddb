package cn.sh.healthcloud.directory;

import java.util.List;
import java.util.Set;

/** What a station offers and when: stored as one JSON document beside the station's columns. */
public record StationProfile(Set<CareService> services, OpeningHours openingHours, List<Closure> closures) {

    public StationProfile {
        services = services == null ? Set.of() : Set.copyOf(services);
        openingHours = openingHours == null ? OpeningHours.closed() : openingHours;
        closures = closures == null ? List.of() : List.copyOf(closures);
    }
}
