package cn.sh.healthcloud.directory;

import cn.sh.healthcloud.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/** Domain checks on a station document that Bean Validation cannot express; each failure names its field. */
final class StationRules {

    /** Generous box around Shanghai's land and islands: a point outside it is a typo or the wrong datum. */
    static final double MIN_LAT = 30.60;
    static final double MAX_LAT = 31.95;
    static final double MIN_LON = 120.80;
    static final double MAX_LON = 122.20;

    private StationRules() {
    }

    /** Problems that need no database; the parent is checked by the service. */
    static List<FieldError> check(StationRequest request, GeoPoint wgs84) {
        List<FieldError> errors = new ArrayList<>();
        if (!ShanghaiDistrict.isKnown(request.district())) {
            errors.add(new FieldError("district", "is not one of Shanghai's 16 districts"));
        }
        if (wgs84.lat() < MIN_LAT || wgs84.lat() > MAX_LAT || wgs84.lon() < MIN_LON || wgs84.lon() > MAX_LON) {
            errors.add(new FieldError("position", "is outside Shanghai (check the order of lat and lon, and crs)"));
        }
        request.openingHours().problems().forEach(p -> errors.add(new FieldError("openingHours", p)));
        for (int i = 0; i < request.closures().size(); i++) {
            if (request.closures().get(i).isInverted()) {
                errors.add(new FieldError("closures[" + i + "]", "ends before it starts"));
            }
        }
        return errors;
    }

    static List<FieldError> checkParent(String stationId, String district, Station parent) {
        if (parent == null) {
            return List.of(new FieldError("parentId", "no such station"));
        }
        List<FieldError> errors = new ArrayList<>();
        if (parent.id.equals(stationId)) {
            errors.add(new FieldError("parentId", "a station cannot be its own parent"));
        }
        if (parent.type != FacilityType.COMMUNITY_HEALTH_CENTER && parent.type != FacilityType.COMMUNITY_HEALTH_SUBCENTER) {
            errors.add(new FieldError("parentId", "must be a community health centre or sub-centre"));
        }
        if (!parent.district.equals(district)) {
            errors.add(new FieldError("parentId", "must be in the same district"));
        }
        return errors;
    }
}
