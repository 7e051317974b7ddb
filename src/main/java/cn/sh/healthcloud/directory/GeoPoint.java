package cn.sh.healthcloud.directory;

/**
 * A WGS-84 position in decimal degrees. Distances use the haversine formula on a spherical earth,
 * which is within 0.5 % of the ellipsoid at Shanghai's latitude: far below a walking-time estimate's error.
 */
public record GeoPoint(double lat, double lon) {

    static final double EARTH_RADIUS_METERS = 6_371_008.8;

    public GeoPoint {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude must be between -90 and 90");
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("longitude must be between -180 and 180");
        }
    }

    public double distanceMeters(GeoPoint other) {
        double phi1 = Math.toRadians(lat);
        double phi2 = Math.toRadians(other.lat);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(other.lon - lon);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
