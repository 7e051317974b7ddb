package cn.sh.healthcloud.measurement;

import java.util.Map;
import java.util.Optional;

/**
 * A validated measurement: its type, numeric values by field and coded values by field. Values
 * that follow from others (BMI, waist-to-hip ratio) are {@link #derived()}, never sent by clients.
 */
public record Measurement(MeasurementType type, Map<String, Double> numbers, Map<String, String> codes) {

    public Measurement {
        numbers = Map.copyOf(numbers);
        codes = Map.copyOf(codes);
    }

    public Optional<Double> number(String field) {
        return Optional.ofNullable(numbers.get(field));
    }

    /** BMI from height and weight (kg/m², 39156-5), and the waist-to-hip ratio, where both parts are present. */
    public Map<String, Double> derived() {
        Double height = numbers.get("heightCm");
        Double weight = numbers.get("weightKg");
        if (height != null && weight != null) {
            double metres = height / 100;
            return Map.of("bmi", Math.round(weight / (metres * metres) * 10) / 10.0);
        }
        Double waist = numbers.get("waistCm");
        Double hip = numbers.get("hipCm");
        if (waist != null && hip != null) {
            return Map.of("waistHipRatio", Math.round(waist / hip * 100) / 100.0);
        }
        return Map.of();
    }
}
