package cn.sh.healthcloud.measurement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a measurement from the flat JSON object kiosks and the app send
 * ({@code {"type":"blood-pressure","systolic":148,"diastolic":92,"pulse":78,"unit":"mmHg"}}),
 * reporting every problem at once. Plain Java: the kiosk ingestion and the HTTP API share it.
 */
public final class MeasurementReader {

    /** Fields that describe the message rather than the measurement; accepted and ignored. */
    private static final Set<String> ENVELOPE = Set.of("type", "unit");

    private MeasurementReader() {
    }

    /** One problem with one field of the measurement. */
    public record Problem(String field, String message) {
    }

    /** Either a measurement or the problems that stop it from being one. */
    public record Result(Measurement measurement, List<Problem> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    public static Result read(Map<String, ?> json) {
        List<Problem> problems = new ArrayList<>();
        Object typeId = json.get("type");
        MeasurementType type = typeId instanceof String id ? MeasurementType.byId(id).orElse(null) : null;
        if (type == null) {
            problems.add(new Problem("type", typeId == null ? "is required" : "is not a known measurement type"));
            return new Result(null, problems);
        }
        Units.Conversion conversion = Units.Conversion.NONE;
        Object unit = json.get("unit");
        if (unit != null) {
            List<String> accepted = Units.accepted(type);
            conversion = unit instanceof String name ? Units.conversion(type, name).orElse(null) : null;
            if (conversion == null) {
                problems.add(new Problem("unit", accepted.isEmpty()
                        ? "is not used by " + type.id() + ": each field has its own unit"
                        : "must be " + String.join(" or ", accepted)));
                return new Result(null, List.copyOf(problems));
            }
        }
        Map<String, Double> numbers = new HashMap<>();
        Map<String, String> codes = new HashMap<>();
        for (Component component : type.components()) {
            Object value = json.get(component.name());
            if (value == null) {
                if (component.required()) {
                    problems.add(new Problem(component.name(), "is required"));
                }
            } else if (component.isCoded()) {
                if (value instanceof String code && component.codes().contains(code)) {
                    codes.put(component.name(), code);
                } else {
                    problems.add(new Problem(component.name(), "must be one of " + String.join(", ", component.codes())));
                }
            } else if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
                double v = conversion.apply(component.name(), number.doubleValue());
                if (v < component.min() || v > component.max()) {
                    problems.add(new Problem(component.name(), "must be between " + format(component.min()) + " and "
                            + format(component.max()) + " " + component.unit()));
                } else {
                    numbers.put(component.name(), v);
                }
            } else {
                problems.add(new Problem(component.name(), "must be a number in " + component.unit()));
            }
        }
        for (String field : json.keySet()) {
            if (!ENVELOPE.contains(field) && type.component(field).isEmpty()) {
                problems.add(new Problem(field, "is not a field of " + type.id()));
            }
        }
        if (type == MeasurementType.BLOOD_PRESSURE && numbers.containsKey("systolic") && numbers.containsKey("diastolic")
                && numbers.get("systolic") <= numbers.get("diastolic")) {
            problems.add(new Problem("systolic", "must be higher than diastolic"));
        }
        return problems.isEmpty() ? new Result(new Measurement(type, numbers, codes), List.of())
                : new Result(null, List.copyOf(problems));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
