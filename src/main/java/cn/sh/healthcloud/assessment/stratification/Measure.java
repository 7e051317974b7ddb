package cn.sh.healthcloud.assessment.stratification;

import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a management plan asks a resident to measure, and which measurement types count as having
 * done it (weight comes from a body-composition scale or a plain height-and-weight reading).
 */
public enum Measure {
    BLOOD_PRESSURE("血压", "blood pressure", EnumSet.of(MeasurementType.BLOOD_PRESSURE)),
    GLUCOSE("血糖", "blood glucose", EnumSet.of(MeasurementType.GLUCOSE)),
    WEIGHT("体重", "weight", EnumSet.of(MeasurementType.BODY_COMPOSITION, MeasurementType.HEIGHT_WEIGHT)),
    WAIST("腰围", "waist", EnumSet.of(MeasurementType.WAIST_HIP));

    private final String nameZh;
    private final String nameEn;
    private final Set<MeasurementType> types;

    Measure(String nameZh, String nameEn, Set<MeasurementType> types) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.types = types;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public Set<MeasurementType> types() {
        return types;
    }
}
