package cn.sh.healthcloud.account;

import cn.sh.healthcloud.measurement.Component;
import cn.sh.healthcloud.measurement.MeasurementType;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One observation as the app shows it: every value with its unit and LOINC code, plus derived values. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObservationView(UUID id, MeasurementType type, String loinc, OffsetDateTime takenAt,
        ObservationSource source, String sourceRef, UUID readingId, List<Value> values, Map<String, Double> derived) {

    /** A number with its unit, or a coded value (glucose context, ECG rhythm). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Value(String name, Double value, String code, String unit, String loinc) {
    }

    static ObservationView of(Observation o) {
        List<Value> values = new ArrayList<>();
        for (Component component : o.type.components()) {
            Double number = o.measurement.numbers().get(component.name());
            String code = o.measurement.codes().get(component.name());
            if (number != null || code != null) {
                values.add(new Value(component.name(), number, code, component.unit(), component.loinc()));
            }
        }
        Map<String, Double> derived = new cn.sh.healthcloud.measurement.Measurement(o.type, o.measurement.numbers(),
                o.measurement.codes()).derived();
        return new ObservationView(o.id, o.type, o.type.loinc().orElse(null), o.takenAt, o.source, o.sourceRef,
                o.readingId, values, derived.isEmpty() ? null : derived);
    }
}
