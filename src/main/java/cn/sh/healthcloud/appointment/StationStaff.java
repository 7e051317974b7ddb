package cn.sh.healthcloud.appointment;

import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.security.Caller;
import cn.sh.healthcloud.security.Roles;

/**
 * Who may do what at a station's appointments: city admins and the station's own admins publish
 * schedules and close days; the station's admins and doctors (its staff) check residents in.
 */
final class StationStaff {

    private StationStaff() {
    }

    static void checkMayManage(Caller caller, String stationId) {
        if (caller.hasRole(Roles.CITY_ADMIN) || caller.isStationAdminOf(stationId)) {
            return;
        }
        throw ProblemException.forbidden("Only city admins and this station's admins manage its appointments");
    }

    static void checkWorksAt(Caller caller, String stationId) {
        boolean staff = caller.hasRole(Roles.STATION_ADMIN) || caller.hasRole(Roles.DOCTOR);
        if (staff && caller.station().filter(stationId::equals).isPresent()) {
            return;
        }
        throw ProblemException.forbidden("Only the staff of the appointment's station may do this");
    }
}
