package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.Objects;

/**
 * One line of a report: a stable code for machines (the prescriptions follow from it), the
 * measurement it is about, its level, and the sentence printed for the resident.
 */
public record Finding(String code, MeasurementType type, Level level, String textZh, String textEn) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(textZh, "textZh");
        Objects.requireNonNull(textEn, "textEn");
    }
}
