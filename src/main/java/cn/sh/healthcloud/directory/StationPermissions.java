package cn.sh.healthcloud.directory;

import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;

/**
 * Who may write what in the directory (design §3.2): city admins anywhere, district officers in
 * their own district, station admins only their own station, which they cannot move elsewhere.
 */
final class StationPermissions {

    private StationPermissions() {
    }

    static void checkCreate(Caller caller, String district) {
        if (caller.hasRole(Roles.CITY_ADMIN) || caller.isDistrictOfficerOf(district)) {
            return;
        }
        throw ProblemException.forbidden(caller.hasRole(Roles.DISTRICT_OFFICER)
                ? "District officers create stations only in their own district"
                : "Only city admins and district officers create stations");
    }

    static void checkEdit(Caller caller, Station station, String newDistrict) {
        if (caller.hasRole(Roles.CITY_ADMIN)) {
            return;
        }
        if (caller.isDistrictOfficerOf(station.district)) {
            if (newDistrict == null || caller.isDistrictOfficerOf(newDistrict)) {
                return;
            }
            throw ProblemException.forbidden("District officers cannot move a station to another district");
        }
        if (caller.isStationAdminOf(station.id)) {
            if (newDistrict == null || newDistrict.equals(station.district)) {
                return;
            }
            throw ProblemException.forbidden("Station admins cannot move their station to another district");
        }
        throw ProblemException.forbidden("You may change only stations in your own district or your own station");
    }
}
