package cn.sh.healthcloud.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;

/** One station, whole: what the app's station page and an admin's edit form show. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StationDetails(
        String id,
        String name,
        FacilityType type,
        String typeName,
        String district,
        String districtName,
        String street,
        String address,
        Position position,
        String crs,
        String phone,
        String parentId,
        Set<CareService> services,
        OpeningHours openingHours,
        List<Closure> closures,
        StationStatus status,
        String closedReason,
        boolean openNow,
        int version) {
}
