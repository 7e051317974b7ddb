package cn.sh.healthcloud.security;

/** The realm roles of design §3.1, as they appear in the token's {@code realm_access.roles}. */
public final class Roles {
    public static final String RESIDENT = "resident";
    public static final String DOCTOR = "doctor";
    public static final String STATION_ADMIN = "station-admin";
    public static final String DISTRICT_OFFICER = "district-officer";
    public static final String CITY_ADMIN = "city-admin";

    private Roles() {
    }
}
