package cn.sh.healthcloud.directory;

/**
 * GCJ-02 ("Mars coordinates"), the obfuscated datum that Chinese map SDKs (AMap, Tencent, Baidu's
 * base layer) report positions in. The forward transform is the published one; the inverse has no
 * closed form and is found by fixed-point iteration, which converges to well under a centimetre.
 */
public final class Gcj02 {

    private static final double SEMI_MAJOR_AXIS = 6378245.0;
    private static final double ECCENTRICITY_SQUARED = 0.00669342162296594323;

    private Gcj02() {
    }

    public static GeoPoint fromWgs84(GeoPoint wgs) {
        if (outsideChina(wgs)) {
            return wgs;
        }
        double dLat = latitudeShift(wgs.lon() - 105.0, wgs.lat() - 35.0);
        double dLon = longitudeShift(wgs.lon() - 105.0, wgs.lat() - 35.0);
        double radLat = Math.toRadians(wgs.lat());
        double magic = 1 - ECCENTRICITY_SQUARED * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((SEMI_MAJOR_AXIS * (1 - ECCENTRICITY_SQUARED)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (SEMI_MAJOR_AXIS / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new GeoPoint(wgs.lat() + dLat, wgs.lon() + dLon);
    }

    public static GeoPoint toWgs84(GeoPoint gcj) {
        if (outsideChina(gcj)) {
            return gcj;
        }
        double lat = gcj.lat();
        double lon = gcj.lon();
        for (int i = 0; i < 30; i++) {
            GeoPoint shifted = fromWgs84(new GeoPoint(lat, lon));
            double errLat = shifted.lat() - gcj.lat();
            double errLon = shifted.lon() - gcj.lon();
            lat -= errLat;
            lon -= errLon;
            if (Math.abs(errLat) < 1e-9 && Math.abs(errLon) < 1e-9) {
                break;
            }
        }
        return new GeoPoint(lat, lon);
    }

    private static boolean outsideChina(GeoPoint p) {
        return p.lon() < 72.004 || p.lon() > 137.8347 || p.lat() < 0.8293 || p.lat() > 55.8271;
    }

    private static double latitudeShift(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double longitudeShift(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
