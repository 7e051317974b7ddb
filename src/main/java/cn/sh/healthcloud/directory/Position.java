package cn.sh.healthcloud.directory;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** A position as clients send and receive it, in the coordinate system the request names. */
public record Position(
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {

    static Position of(GeoPoint point) {
        return new Position(round6(point.lat()), round6(point.lon()));
    }

    GeoPoint toGeoPoint() {
        return new GeoPoint(lat, lon);
    }

    /** Six decimals are ~0.1 m: more only leaks the float's noise. */
    private static double round6(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
