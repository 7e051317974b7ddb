package cn.sh.healthcloud.directory;

import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.problem.QueryParameters;
import cn.sh.healthcloud.time.ShanghaiTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The public station search: turns query parameters into a {@link StationQuery} (reporting every
 * bad parameter at once), runs it on the in-memory index and shapes the page in the caller's datum.
 */
@ApplicationScoped
public class StationSearch {

    private static final int MAX_QUERY_TEXT = 100;

    private final StationIndex index;
    private final DirectoryConfig config;
    private final Clock clock;

    StationSearch(StationIndex index, DirectoryConfig config, Clock clock) {
        this.index = index;
        this.config = config;
        this.clock = clock;
    }

    /** The raw parameters, as strings, so that bad values get a precise message instead of a bare 400/404. */
    public record Params(String near, String radius, String type, String service, String district, String openAt,
            String openNow, String q, String crs, String page, String size) {
    }

    public StationPage search(Params params) {
        List<FieldError> errors = new ArrayList<>();
        CoordinateSystem crs = CoordinateSystem.parse(params.crs()).orElse(null);
        if (crs == null) {
            errors.add(new FieldError("crs", "must be wgs84 or gcj02"));
            crs = CoordinateSystem.WGS84;
        }
        GeoPoint near = parseNear(params.near(), crs, errors);
        double radius = parseRadius(params.radius(), near, errors);
        FacilityType type = params.type() == null ? null : FacilityType.byId(params.type()).orElse(null);
        if (params.type() != null && type == null) {
            errors.add(new FieldError("type", "unknown facility type; one of " + ids(FacilityType.values())));
        }
        CareService service = params.service() == null ? null : CareService.byId(params.service()).orElse(null);
        if (params.service() != null && service == null) {
            errors.add(new FieldError("service", "unknown service; one of " + ids(CareService.values())));
        }
        if (params.district() != null && !ShanghaiDistrict.isKnown(params.district())) {
            errors.add(new FieldError("district", "must be the GB/T 2260 code of one of Shanghai's 16 districts"));
        }
        LocalDateTime openAt = parseOpenAt(params.openAt(), params.openNow(), errors);
        List<String> terms = parseTerms(params.q(), errors);
        int page = QueryParameters.wholeNumber("page", params.page(), 0, 0, 10_000, errors);
        int size = QueryParameters.wholeNumber("size", params.size(), config.defaultPageSize(), 1, config.maxPageSize(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Some search parameters are invalid", errors);
        }
        StationQuery query = new StationQuery(near, radius, type, service, params.district(), openAt, terms, page, size);
        StationIndex.Result result = index.search(query);
        LocalDateTime now = LocalDateTime.now(clock.withZone(ShanghaiTime.ZONE));
        CoordinateSystem outCrs = crs;
        List<StationSummary> items = result.hits().stream().map(hit -> summarise(hit, outCrs, now)).toList();
        return new StationPage(items, page, size, result.total(), crs.id());
    }

    private StationSummary summarise(StationIndex.Hit hit, CoordinateSystem crs, LocalDateTime now) {
        IndexedStation s = hit.station();
        boolean hasDistance = !Double.isNaN(hit.distanceMeters());
        return new StationSummary(s.id(), s.name(), s.type(), s.district(), s.street(), s.address(),
                Position.of(crs.fromWgs84(s.position())), s.phone(), s.services(), s.isOpenAt(now),
                hasDistance ? (int) Math.round(hit.distanceMeters()) : null,
                hasDistance ? walkingMinutes(hit.distanceMeters()) : null);
    }

    /** Straight-line distance stretched to street distance, at an unhurried pace; never below one minute. */
    int walkingMinutes(double distanceMeters) {
        double minutes = distanceMeters * config.walkingDetourFactor() / config.walkingMetersPerMinute();
        return Math.max(1, (int) Math.ceil(minutes));
    }

    private static GeoPoint parseNear(String near, CoordinateSystem crs, List<FieldError> errors) {
        if (near == null) {
            return null;
        }
        String[] parts = near.split(",");
        try {
            if (parts.length == 2) {
                return crs.toWgs84(new GeoPoint(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError("near", "must be '<lat>,<lon>' in decimal degrees, e.g. 31.2595,121.5260"));
        return null;
    }

    private double parseRadius(String radius, GeoPoint near, List<FieldError> errors) {
        if (radius == null) {
            return config.defaultRadiusMeters();
        }
        try {
            double value = Double.parseDouble(radius);
            if (value > 0 && value <= config.maxRadiusMeters()) {
                if (near == null) {
                    errors.add(new FieldError("radius", "needs near"));
                }
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("radius", "must be metres, more than 0 and at most " + config.maxRadiusMeters()));
        return 0;
    }

    private LocalDateTime parseOpenAt(String openAt, String openNow, List<FieldError> errors) {
        boolean now = false;
        if (openNow != null) {
            if (!openNow.equalsIgnoreCase("true") && !openNow.equalsIgnoreCase("false")) {
                errors.add(new FieldError("openNow", "must be true or false"));
            }
            now = openNow.equalsIgnoreCase("true");
        }
        if (openAt != null && now) {
            errors.add(new FieldError("openAt", "give openAt or openNow=true, not both"));
            return null;
        }
        if (now) {
            return LocalDateTime.now(clock.withZone(ShanghaiTime.ZONE));
        }
        if (openAt == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(openAt).atZoneSameInstant(ShanghaiTime.ZONE).toLocalDateTime();
        } catch (DateTimeParseException offsetMissing) {
            try {
                // Without an offset the time is Shanghai's, as a resident would mean it.
                return LocalDateTime.parse(openAt);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("openAt", "must be an ISO-8601 date-time, e.g. 2026-11-22T12:30:00+08:00"));
                return null;
            }
        }
    }

    private static List<String> parseTerms(String q, List<FieldError> errors) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        if (q.length() > MAX_QUERY_TEXT) {
            errors.add(new FieldError("q", "must be at most " + MAX_QUERY_TEXT + " characters"));
            return List.of();
        }
        return Arrays.stream(q.strip().toLowerCase(Locale.ROOT).split("\\s+")).distinct().toList();
    }


    private static String ids(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(v -> v instanceof FacilityType t ? t.id()
                : ((CareService) v).id()).toList());
    }
}
