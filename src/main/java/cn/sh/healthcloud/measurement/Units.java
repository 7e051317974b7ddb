package cn.sh.healthcloud.measurement;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The units a message may name for each measurement type (its optional {@code unit} field), and how
 * values in a non-canonical unit convert: glucose meters may report mg/dL (÷ 18.0, vital-signs
 * reference) and some blood-pressure monitors kPa (× 7.50062). Values are stored canonical.
 */
public final class Units {

    /** Multiply these fields by the factor to get the canonical unit, rounded as instruments show it. */
    public record Conversion(Set<String> fields, double factor, int decimals) {
        static final Conversion NONE = new Conversion(Set.of(), 1, 0);

        double apply(String field, double value) {
            if (!fields.contains(field)) {
                return value;
            }
            double scale = Math.pow(10, decimals);
            return Math.round(value * factor * scale) / scale;
        }
    }

    private static final Map<MeasurementType, Map<String, Conversion>> ACCEPTED = Map.ofEntries(
            Map.entry(MeasurementType.BLOOD_PRESSURE, Map.of("mmHg", Conversion.NONE,
                    "kPa", new Conversion(Set.of("systolic", "diastolic"), 7.50062, 0))),
            Map.entry(MeasurementType.GLUCOSE, Map.of("mmol/L", Conversion.NONE,
                    "mg/dL", new Conversion(Set.of("value"), 1 / 18.0, 1))),
            Map.entry(MeasurementType.TEMPERATURE, Map.of("Cel", Conversion.NONE, "°C", Conversion.NONE, "℃", Conversion.NONE)),
            Map.entry(MeasurementType.ECG, Map.of("/min", Conversion.NONE, "bpm", Conversion.NONE)));

    private Units() {
    }

    /** How to read values sent in this unit, or empty if the type does not take it. */
    public static Optional<Conversion> conversion(MeasurementType type, String unit) {
        Map<String, Conversion> accepted = ACCEPTED.get(type);
        if (accepted != null) {
            return Optional.ofNullable(accepted.get(unit));
        }
        // One-value types take the unit of that value; several-value types name a unit per field.
        List<Component> numbers = type.components().stream().filter(c -> !c.isCoded()).toList();
        return numbers.size() == 1 && numbers.get(0).unit().equals(unit) ? Optional.of(Conversion.NONE) : Optional.empty();
    }

    /** The units accepted for a type, for the problem message. */
    public static List<String> accepted(MeasurementType type) {
        Map<String, Conversion> accepted = ACCEPTED.get(type);
        if (accepted != null) {
            return accepted.keySet().stream().sorted().toList();
        }
        List<Component> numbers = type.components().stream().filter(c -> !c.isCoded()).toList();
        return numbers.size() == 1 ? List.of(numbers.get(0).unit()) : List.of();
    }
}
