package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fitness tests are scored against the age- and sex-specific tables of the national physical
 * fitness standard (国民体质测定标准). Those tables are not in the code yet and must not be
 * made up, so each value is shown without a score and the printout says why.
 * Codes read {@code <type-id>-not-scored}.
 */
final class FitnessTestRule implements Rule {

    /** What a test is called and where its value is, per type. */
    private record Test(String field, String unitZh, String unitEn, String nameZh, String nameEn) {
    }

    private static final Map<MeasurementType, Test> TESTS = Map.of(
            MeasurementType.VITAL_CAPACITY, new Test("millilitres", " 毫升", " mL", "肺活量", "Vital capacity"),
            MeasurementType.GRIP_STRENGTH, new Test("kg", " 千克", " kg", "握力", "Grip strength"),
            MeasurementType.SIT_AND_REACH, new Test("cm", " 厘米", " cm", "坐位体前屈", "Sit-and-reach"),
            MeasurementType.REACTION_TIME, new Test("ms", " 毫秒", " ms", "选择反应时", "Choice reaction time"),
            MeasurementType.SINGLE_LEG_STAND,
            new Test("seconds", " 秒", " s", "闭眼单脚站立", "Single-leg stand, eyes closed"));

    @Override
    public List<Finding> assess(Person person, List<Measurement> session) {
        List<Finding> findings = new ArrayList<>();
        for (Measurement m : session) {
            Test test = TESTS.get(m.type());
            if (test != null) {
                String value = ValueText.of(m.number(test.field()).orElseThrow());
                findings.add(new Finding(m.type().id() + "-not-scored", m.type(), Level.NORMAL,
                        test.nameZh() + " " + value + test.unitZh() + "（暂不评分：国民体质测定标准的年龄、性别评分表尚未纳入）。",
                        test.nameEn() + " " + value + test.unitEn()
                                + " (shown without a score: the age and sex norm tables"
                                + " of the national physical fitness standard are not available yet)."));
            }
        }
        return findings;
    }
}
