package cn.sh.healthcloud.assessment.exercise;

import cn.sh.healthcloud.assessment.questionnaire.Text;
import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The five fitness tests of the smart health huts: where the value is, which way is better
 * (a faster choice reaction is a lower time; every other test is better higher) and what the
 * printout calls it, in the words of the report's fitness findings.
 */
enum FitnessTest {
    VITAL_CAPACITY(MeasurementType.VITAL_CAPACITY, "millilitres", true, "肺活量", "Vital capacity", " 毫升", " mL"),
    GRIP_STRENGTH(MeasurementType.GRIP_STRENGTH, "kg", true, "握力", "Grip strength", " 千克", " kg"),
    SIT_AND_REACH(MeasurementType.SIT_AND_REACH, "cm", true, "坐位体前屈", "Sit-and-reach", " 厘米", " cm"),
    REACTION_TIME(MeasurementType.REACTION_TIME, "ms", false, "选择反应时", "Choice reaction time", " 毫秒", " ms"),
    SINGLE_LEG_STAND(MeasurementType.SINGLE_LEG_STAND, "seconds", true, "闭眼单脚站立",
            "Single-leg stand, eyes closed", " 秒", " s");

    private final MeasurementType type;
    private final String field;
    private final boolean higherIsBetter;
    private final Text label;
    private final Text unit;

    FitnessTest(MeasurementType type, String field, boolean higherIsBetter, String nameZh, String nameEn,
            String unitZh, String unitEn) {
        this.type = type;
        this.field = field;
        this.higherIsBetter = higherIsBetter;
        this.label = new Text(nameZh, nameEn);
        this.unit = new Text(unitZh, unitEn);
    }

    MeasurementType type() {
        return type;
    }

    boolean higherIsBetter() {
        return higherIsBetter;
    }

    Text label() {
        return label;
    }

    Optional<Double> value(Measurement m) {
        return m.type() == type ? m.number(field) : Optional.empty();
    }

    /** Whether {@code a} is a better result than {@code b}. */
    boolean better(double a, double b) {
        return higherIsBetter ? a > b : a < b;
    }

    /** "握力 26.5 千克" / "Grip strength 26.5 kg". */
    Text show(double value) {
        String number = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return new Text(label.zh() + " " + number + unit.zh(), label.en() + " " + number + unit.en());
    }

    static Optional<FitnessTest> of(MeasurementType type) {
        return Arrays.stream(values()).filter(t -> t.type == type).findFirst();
    }
}
