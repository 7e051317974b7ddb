package cn.sh.healthcloud.account;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native executable: the JSON columns (report content, observation values, priority groups, questionnaire
 * answers and prescriptions, a health class's reasons and plan) are read and written with {@code DatabaseJsonFormat.MAPPER} and Vert.x
 * {@code JsonObject.mapFrom}, outside what Quarkus registers for reflection; {@link TrendView.Stats} is reached in a response only as a map value.
 */
@RegisterForReflection(targets = { ReportContent.class, ReportContent.Finding.class, ReportContent.Prescription.class,
        ReportLevel.class, ObservationValues.class, PriorityGroups.class, PriorityGroup.class, TrendView.Stats.class,
        QuestionnaireAnswers.class, QuestionnairePrescriptions.class, QuestionnairePrescriptions.Item.class,
        StoredReasons.class, cn.sh.healthcloud.assessment.stratification.Reason.class,
        cn.sh.healthcloud.assessment.stratification.ManagementPlan.class,
        cn.sh.healthcloud.assessment.stratification.MonitoringItem.class,
        cn.sh.healthcloud.assessment.stratification.Measure.class })
final class AccountReflection {

    private AccountReflection() {
    }
}
