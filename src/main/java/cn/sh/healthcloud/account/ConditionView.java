package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.stratification.ConditionCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A recorded condition as the doctor (and, in the management list, the resident) reads it. */
public record ConditionView(UUID id, String code, String nameZh, String nameEn, String icd10, String status,
        LocalDate since, String note, OffsetDateTime recordedAt, OffsetDateTime updatedAt) {

    static ConditionView of(ResidentCondition c) {
        ConditionCode code = ConditionCode.byId(c.code).orElseThrow();
        return new ConditionView(c.id, c.code, code.nameZh(), code.nameEn(), code.icd10().orElse(null), c.status,
                c.since, c.note, c.recordedAt, c.updatedAt);
    }
}
