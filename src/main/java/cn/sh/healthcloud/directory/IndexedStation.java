package cn.sh.healthcloud.directory;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** An immutable copy of a station as the search index holds it, with what queries test precomputed. */
record IndexedStation(
        String id,
        FacilityType type,
        String name,
        String district,
        String street,
        String address,
        GeoPoint position,
        String phone,
        String parentId,
        Set<CareService> services,
        OpeningHours openingHours,
        List<Closure> closures,
        StationStatus status,
        int version,
        String searchText) {

    static IndexedStation of(Station s) {
        Set<CareService> services = s.profile.services().isEmpty() ? EnumSet.noneOf(CareService.class)
                : EnumSet.copyOf(s.profile.services());
        String text = (s.name + "\n" + s.address + "\n" + (s.street == null ? "" : s.street)).toLowerCase(Locale.ROOT);
        return new IndexedStation(s.id, s.type, s.name, s.district, s.street, s.address, s.position(), s.phone,
                s.parentId, services, s.profile.openingHours(), s.profile.closures(), s.status, s.version, text);
    }

    boolean isOpenAt(LocalDateTime shanghaiLocalTime) {
        for (Closure closure : closures) {
            if (closure.covers(shanghaiLocalTime.toLocalDate())) {
                return false;
            }
        }
        return openingHours.isOpenAt(shanghaiLocalTime);
    }

    boolean isActive() {
        return status == StationStatus.ACTIVE;
    }
}
