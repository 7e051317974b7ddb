package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.List;
import java.util.Optional;

/**
 * Blood pressure of the session: the mean of its readings (guidelines judge blood pressure on
 * the mean of repeated readings) graded normal, high-normal, hypertensive grade 1, 2 or 3. Any
 * single reading at the urgent limits makes the finding urgent, because that reading has
 * already alerted the family doctor and the printout must not tell the resident less.
 */
final class BloodPressureRule implements Rule {

    private static final String RECHECK_EN =
            "Have it rechecked at your community health service centre and see your family doctor.";

    private final AssessmentThresholds.BloodPressure limits;
    private final UrgentThresholds urgentLimits;
    private final UrgentReadings urgentReadings;
    private final int adultAgeYears;

    BloodPressureRule(AssessmentThresholds thresholds) {
        this.limits = thresholds.bloodPressure();
        this.urgentLimits = thresholds.urgent();
        this.urgentReadings = new UrgentReadings(thresholds.urgent());
        this.adultAgeYears = thresholds.adultAgeYears();
    }

    @Override
    public List<Finding> assess(Person person, List<Measurement> session) {
        List<Measurement> readings = session.stream().filter(m -> m.type() == MeasurementType.BLOOD_PRESSURE).toList();
        if (readings.isEmpty()) {
            return List.of();
        }
        double systolic = Mean.of(readings, "systolic");
        double diastolic = Mean.of(readings, "diastolic");
        String zh = "血压 " + ValueText.of(systolic) + "/" + ValueText.of(diastolic) + " mmHg"
                + (readings.size() > 1 ? "（" + readings.size() + "次测量平均值）" : "");
        String en = "Blood pressure " + ValueText.of(systolic) + "/" + ValueText.of(diastolic) + " mmHg"
                + (readings.size() > 1 ? " (mean of " + readings.size() + " readings)" : "");

        Optional<Measurement> urgentReading = readings.stream()
                .filter(m -> urgentReadings.check(m).isPresent()).findFirst();
        if (urgentReading.isPresent()) {
            return List.of(urgent(zh, en, systolic, diastolic, urgentReading.get()));
        }
        if (person.isKnownYoungerThan(adultAgeYears)) {
            return List.of(finding("bp-child-not-judged", Level.NORMAL,
                    zh + "。成人血压标准不适用于" + adultAgeYears + "岁以下儿童青少年，本次不作判断，如有疑问请咨询儿科医生。",
                    en + ". Adult cut-offs do not apply under " + adultAgeYears
                            + ", so it is not judged here; ask a paediatrician if you are concerned."));
        }
        if (systolic >= limits.grade2Systolic() || diastolic >= limits.grade2Diastolic()) {
            return List.of(finding("bp-hypertension-grade-2", Level.SEE_DOCTOR,
                    zh + "，处于2级高血压范围（≥" + cutOff(limits.grade2Systolic(), limits.grade2Diastolic())
                            + " mmHg），请到社区卫生服务中心复测，并请家庭医生诊治。",
                    en + ": in the grade 2 hypertension range (≥ "
                            + cutOff(limits.grade2Systolic(), limits.grade2Diastolic())
                            + " mmHg). " + RECHECK_EN));
        }
        if (systolic >= limits.hypertensiveSystolic() || diastolic >= limits.hypertensiveDiastolic()) {
            String range = cutOff(limits.hypertensiveSystolic(), limits.hypertensiveDiastolic());
            return List.of(finding("bp-hypertension-grade-1", Level.SEE_DOCTOR,
                    zh + "，处于1级高血压范围（≥" + range + " mmHg），请到社区卫生服务中心复测，并请家庭医生诊治。",
                    en + ": in the grade 1 hypertension range (≥ " + range
                            + " mmHg). " + RECHECK_EN));
        }
        if (systolic >= limits.highNormalSystolic() || diastolic >= limits.highNormalDiastolic()) {
            return List.of(finding("bp-high-normal", Level.ATTENTION,
                    zh + "，属正常高值，请少吃盐、多运动，定期测量血压。",
                    en + ": high-normal. Eat less salt, keep active and measure your blood pressure regularly."));
        }
        return List.of(finding("bp-normal", Level.NORMAL, zh + "，正常。", en + ": normal."));
    }

    private Finding urgent(String zh, String en, double systolic, double diastolic, Measurement reading) {
        String limit = cutOff(urgentLimits.systolic(), urgentLimits.diastolic());
        boolean meanIsUrgent = systolic >= urgentLimits.systolic() || diastolic >= urgentLimits.diastolic();
        if (meanIsUrgent) {
            return finding("bp-urgent", Level.URGENT,
                    zh + "，已达危急值（≥" + limit + " mmHg），请立即就医。",
                    en + ": dangerously high (≥ " + limit + " mmHg). Seek medical care now.");
        }
        String single = ValueText.of(reading.number("systolic").orElseThrow()) + "/"
                + ValueText.of(reading.number("diastolic").orElseThrow());
        return finding("bp-urgent", Level.URGENT,
                zh + "，其中单次读数 " + single + " mmHg 已达危急值（≥" + limit + " mmHg），请立即就医。",
                en + "; one reading of " + single + " mmHg is dangerously high (≥ " + limit
                        + " mmHg). Seek medical care now.");
    }

    private static String cutOff(double systolic, double diastolic) {
        return ValueText.of(systolic) + "/" + ValueText.of(diastolic);
    }

    private static Finding finding(String code, Level level, String zh, String en) {
        return new Finding(code, MeasurementType.BLOOD_PRESSURE, level, zh, en);
    }
}
