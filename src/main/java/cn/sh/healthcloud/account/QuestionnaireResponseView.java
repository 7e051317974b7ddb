package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.questionnaire.Band;
import cn.sh.healthcloud.assessment.questionnaire.Questionnaire;
import cn.sh.healthcloud.assessment.questionnaire.Text;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One questionnaire response as the resident (or their family doctor) reads it: the result, the
 * answers given and those filled from measurements. {@code familyDoctorAlerted} is there only
 * when the response is urgent: false means the resident has no family doctor to alert.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestionnaireResponseView(UUID id, QuestionnaireRef questionnaire, int score, BandRef band,
        ReportLevel level, List<QuestionnairePrescriptions.Item> prescriptions, boolean urgent,
        Boolean familyDoctorAlerted, Map<String, Object> answers, Map<String, Object> measured, String source,
        OffsetDateTime answeredAt) {

    /** Which questionnaire, in the version answered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionnaireRef(String id, int version, Text title) {
    }

    /** The band's code (stable for clients) and its words. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BandRef(String code, Text label) {
    }

    /** {@code definition} is the version the response was given to (null only if it no longer shipped). */
    static QuestionnaireResponseView of(QuestionnaireResponse r, Questionnaire definition) {
        return new QuestionnaireResponseView(r.id, questionnaire(r.questionnaireId, r.version, definition), r.score,
                band(r.band, definition), r.level, r.prescriptions.items(), r.urgent,
                r.urgent ? r.familyDoctorAlerted : null, r.answers.given(), r.answers.measured(), r.source, r.answeredAt);
    }

    static QuestionnaireRef questionnaire(String id, int version, Questionnaire definition) {
        return new QuestionnaireRef(id, version, definition == null ? null : definition.title());
    }

    static BandRef band(String code, Questionnaire definition) {
        return new BandRef(code, definition == null ? null : definition.band(code).map(Band::label).orElse(null));
    }
}
