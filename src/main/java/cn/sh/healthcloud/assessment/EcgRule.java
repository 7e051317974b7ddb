package cn.sh.healthcloud.assessment;

import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.ArrayList;
import java.util.List;

/**
 * Each ECG of the session: its rhythm (suspected atrial fibrillation needs a doctor; a rhythm
 * the device calls "other" is neither sinus nor clearly AF, so a doctor should read the trace)
 * and its heart rate.
 */
final class EcgRule implements Rule {

    private final RestingHeartRate heartRate;

    EcgRule(AssessmentThresholds thresholds) {
        this.heartRate = new RestingHeartRate(thresholds);
    }

    @Override
    public List<Finding> assess(Person person, List<Measurement> session) {
        List<Finding> findings = new ArrayList<>();
        for (Measurement ecg : session) {
            if (ecg.type() != MeasurementType.ECG) {
                continue;
            }
            findings.add(rhythm(ecg.codes().get("rhythm")));
            double rate = ecg.number("heartRate").orElseThrow();
            findings.add(heartRate.judge("ecg-heart-rate", MeasurementType.ECG, person, rate,
                    "心电图心率 " + ValueText.of(rate) + " 次/分", "ECG heart rate " + ValueText.of(rate) + " /min"));
        }
        return findings;
    }

    private static Finding rhythm(String rhythm) {
        return switch (rhythm) {
            case "af-suspected" -> new Finding("ecg-af-suspected", MeasurementType.ECG, Level.SEE_DOCTOR,
                    "心电图提示疑似房颤，请尽快到社区卫生服务中心或医院复查心电图。",
                    "The ECG suggests atrial fibrillation. Have an ECG repeated at your community health service centre"
                            + " or a hospital soon.");
            case "sinus" -> new Finding("ecg-sinus-rhythm", MeasurementType.ECG, Level.NORMAL,
                    "心电图：窦性心律。", "ECG: sinus rhythm.");
            default -> new Finding("ecg-rhythm-other", MeasurementType.ECG, Level.ATTENTION,
                    "心电图提示非窦性心律，请家庭医生阅读心电图。",
                    "The ECG shows a rhythm other than sinus rhythm. Ask your family doctor to read the trace.");
        };
    }
}
