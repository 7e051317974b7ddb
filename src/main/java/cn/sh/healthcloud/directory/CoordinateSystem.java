package cn.sh.healthcloud.directory;

import java.util.Optional;

/** The datum a client's coordinates are in; everything is stored and indexed in WGS-84. */
public enum CoordinateSystem {
    WGS84("wgs84"),
    GCJ02("gcj02");

    private final String id;

    CoordinateSystem(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<CoordinateSystem> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(WGS84);
        }
        for (CoordinateSystem crs : values()) {
            if (crs.id.equalsIgnoreCase(value.strip())) {
                return Optional.of(crs);
            }
        }
        return Optional.empty();
    }

    GeoPoint toWgs84(GeoPoint point) {
        return this == GCJ02 ? Gcj02.toWgs84(point) : point;
    }

    GeoPoint fromWgs84(GeoPoint point) {
        return this == GCJ02 ? Gcj02.fromWgs84(point) : point;
    }
}
