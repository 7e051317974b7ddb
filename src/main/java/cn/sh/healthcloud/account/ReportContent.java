package cn.sh.healthcloud.account;

import java.util.List;
import java.util.UUID;

/**
 * What a report says, stored as one JSON document: findings (each about a measurement, with its
 * own level), health prescriptions (diet, exercise, follow-up, …) and the observations assessed.
 */
public record ReportContent(List<Finding> findings, List<Prescription> prescriptions, List<UUID> observationIds) {

    public ReportContent {
        findings = findings == null ? List.of() : List.copyOf(findings);
        prescriptions = prescriptions == null ? List.of() : List.copyOf(prescriptions);
        observationIds = observationIds == null ? List.of() : List.copyOf(observationIds);
    }

    /** One finding, e.g. "blood pressure in the hypertensive range (grade 1)". */
    public record Finding(String code, String measurementType, ReportLevel level, String textZh, String textEn) {
    }

    /** One health prescription (健康处方), e.g. kind "diet": "清淡饮食，减少盐的摄入". */
    public record Prescription(String kind, String textZh, String textEn) {
    }
}
