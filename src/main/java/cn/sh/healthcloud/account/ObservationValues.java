package cn.sh.healthcloud.account;

import cn.sh.healthcloud.measurement.Measurement;
import java.util.Map;

/** The stored form of a measurement's values (one JSON object). */
public record ObservationValues(Map<String, Double> numbers, Map<String, String> codes) {

    public ObservationValues {
        numbers = numbers == null ? Map.of() : Map.copyOf(numbers);
        codes = codes == null ? Map.of() : Map.copyOf(codes);
    }

    static ObservationValues of(Measurement measurement) {
        return new ObservationValues(measurement.numbers(), measurement.codes());
    }
}
