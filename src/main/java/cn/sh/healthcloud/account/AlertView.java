package cn.sh.healthcloud.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One alert in the doctor's work list, with the reading that raised it, or the id of the
 * questionnaire response that did (the answers stay in the response, read through the doctor's
 * questionnaire-responses path and access-logged there).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(UUID id, OffsetDateTime createdAt, UUID residentId, String residentName, String code,
        String textZh, String textEn, ObservationView observation, UUID questionnaireResponseId,
        OffsetDateTime acknowledgedAt, String acknowledgementNote) {
}
