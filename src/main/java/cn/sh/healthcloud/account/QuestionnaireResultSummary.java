package cn.sh.healthcloud.account;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The latest result of one questionnaire, for the account page; the whole response is one request away. */
public record QuestionnaireResultSummary(UUID id, QuestionnaireResponseView.QuestionnaireRef questionnaire, int score,
        QuestionnaireResponseView.BandRef band, ReportLevel level, boolean urgent, OffsetDateTime answeredAt) {
}
