package cn.sh.healthcloud.assessment.stratification;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The conditions a family doctor can record, a fixed list. ICD-10 gives the category or block where
 * one plainly covers the condition; none is given where it does not (a severe mental disorder is
 * one of several diagnoses; recovery after an operation is not a disease). An operation is only
 * ever recovered from, so it cannot be recorded as an active chronic condition.
 */
public enum ConditionCode {
    HYPERTENSION("hypertension", "I10-I15", "高血压", "Hypertension"),
    DIABETES("diabetes", "E10-E14", "糖尿病", "Diabetes"),
    COPD("copd", "J44", "慢性阻塞性肺疾病", "Chronic obstructive pulmonary disease"),
    CORONARY_HEART_DISEASE("coronary-heart-disease", "I20-I25", "冠心病", "Coronary heart disease"),
    STROKE("stroke", "I60-I64", "脑卒中", "Stroke"),
    HEART_FAILURE("heart-failure", "I50", "心力衰竭", "Heart failure"),
    CHRONIC_KIDNEY_DISEASE("chronic-kidney-disease", "N18", "慢性肾脏病", "Chronic kidney disease"),
    SEVERE_MENTAL_DISORDER("severe-mental-disorder", null, "严重精神障碍", "Severe mental disorder"),
    CANCER("cancer", "C00-C97", "恶性肿瘤", "Cancer"),
    TUBERCULOSIS("tuberculosis", "A15-A19", "肺结核", "Tuberculosis"),
    AFTER_SURGERY("after-surgery", null, "手术后", "After an operation",
            EnumSet.of(ConditionStatus.RECOVERING, ConditionStatus.RESOLVED));

    private final String id;
    private final String icd10;
    private final String nameZh;
    private final String nameEn;
    private final Set<ConditionStatus> statuses;

    ConditionCode(String id, String icd10, String nameZh, String nameEn) {
        this(id, icd10, nameZh, nameEn, EnumSet.allOf(ConditionStatus.class));
    }

    ConditionCode(String id, String icd10, String nameZh, String nameEn, Set<ConditionStatus> statuses) {
        this.id = id;
        this.icd10 = icd10;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.statuses = statuses;
    }

    public String id() {
        return id;
    }

    /** The ICD-10 category or block, e.g. "I10-I15"; empty where no single one covers the condition. */
    public Optional<String> icd10() {
        return Optional.ofNullable(icd10);
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public boolean allows(ConditionStatus status) {
        return statuses.contains(status);
    }

    public static Optional<ConditionCode> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
