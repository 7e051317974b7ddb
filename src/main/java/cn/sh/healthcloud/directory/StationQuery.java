package cn.sh.healthcloud.directory;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A validated search: every field optional except paging. {@code near} is WGS-84; {@code openAt}
 * is Asia/Shanghai local time; {@code terms} must all occur in the name, address or street.
 */
record StationQuery(
        GeoPoint near,
        double radiusMeters,
        FacilityType type,
        CareService service,
        String district,
        LocalDateTime openAt,
        List<String> terms,
        int page,
        int size) {

    boolean matches(IndexedStation station) {
        if (!station.isActive()) {
            return false;
        }
        if (type != null && station.type() != type) {
            return false;
        }
        if (service != null && !station.services().contains(service)) {
            return false;
        }
        if (district != null && !district.equals(station.district())) {
            return false;
        }
        for (String term : terms) {
            if (!station.searchText().contains(term)) {
                return false;
            }
        }
        return openAt == null || station.isOpenAt(openAt);
    }
}
