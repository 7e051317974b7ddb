package cn.sh.healthcloud.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;

/** A search result: enough to list and map a station; distance fields only when the query had {@code near}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StationSummary(
        String id,
        String name,
        FacilityType type,
        String district,
        String street,
        String address,
        Position position,
        String phone,
        Set<CareService> services,
        boolean openNow,
        Integer distanceMeters,
        Integer walkingMinutes) {
}
