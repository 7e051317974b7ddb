package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.MeasurementType;

/**
 * Judges a resting heart rate, whether the blood-pressure monitor counted it ("pulse") or the
 * ECG did ("ecg-heart-rate"): the codes differ so the printout says which instrument it was.
 * The 50–100 /min band is the adult one; children's normal rates are higher, so they are not judged.
 */
final class RestingHeartRate {

    private final AssessmentThresholds.HeartRate limits;
    private final int adultAgeYears;

    RestingHeartRate(AssessmentThresholds thresholds) {
        this.limits = thresholds.heartRate();
        this.adultAgeYears = thresholds.adultAgeYears();
    }

    /** {@code zh} and {@code en} name the value, e.g. "脉搏 78 次/分" / "Pulse 78 /min". */
    Finding judge(String codePrefix, MeasurementType type, Person person, double rate, String zh, String en) {
        if (person.isKnownYoungerThan(adultAgeYears)) {
            return new Finding(codePrefix + "-child-not-judged", type, Level.NORMAL,
                    zh + "。成人心率标准不适用于" + adultAgeYears + "岁以下儿童青少年，本次不作判断。",
                    en + ". The adult range does not apply under " + adultAgeYears + ", so it is not judged here.");
        }
        if (rate < limits.lowBelow()) {
            return new Finding(codePrefix + "-low", type, Level.ATTENTION,
                    zh + "，偏慢（<" + ValueText.of(limits.lowBelow()) + " 次/分）。",
                    en + ": slow (below " + ValueText.of(limits.lowBelow()) + " /min).");
        }
        if (rate > limits.highAbove()) {
            return new Finding(codePrefix + "-high", type, Level.ATTENTION,
                    zh + "，偏快（>" + ValueText.of(limits.highAbove()) + " 次/分）。",
                    en + ": fast (above " + ValueText.of(limits.highAbove()) + " /min).");
        }
        return new Finding(codePrefix + "-normal", type, Level.NORMAL, zh + "，正常。", en + ": normal.");
    }
}
