package cn.sh.healthcloud.assessment.stratification;

import cn.sh.healthcloud.assessment.Finding;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything the classification reads about one resident: the findings of their latest reading of
 * each measurement type (from the assessment rules), their blood-pressure readings of recent weeks,
 * the latest result of each questionnaire, the priority groups of their family-doctor contract (by
 * id, e.g. "hypertension"), the conditions their doctor recorded, and their age when known.
 */
public record StratificationInput(List<Finding> latestFindings, List<BloodPressureReading> recentBloodPressure,
        List<QuestionnaireOutcome> questionnaires, Set<String> priorityGroups, List<RecordedCondition> conditions,
        OptionalInt ageYears) {

    public StratificationInput {
        latestFindings = List.copyOf(latestFindings);
        recentBloodPressure = List.copyOf(recentBloodPressure);
        questionnaires = List.copyOf(questionnaires);
        priorityGroups = Set.copyOf(priorityGroups);
        conditions = List.copyOf(conditions);
        ageYears = ageYears == null ? OptionalInt.empty() : ageYears;
    }

    public static StratificationInput empty() {
        return new StratificationInput(List.of(), List.of(), List.of(), Set.of(), List.of(), OptionalInt.empty());
    }

    public StratificationInput withFindings(List<Finding> findings) {
        return new StratificationInput(findings, recentBloodPressure, questionnaires, priorityGroups, conditions, ageYears);
    }

    public StratificationInput withBloodPressure(List<BloodPressureReading> readings) {
        return new StratificationInput(latestFindings, readings, questionnaires, priorityGroups, conditions, ageYears);
    }

    public StratificationInput withQuestionnaires(List<QuestionnaireOutcome> outcomes) {
        return new StratificationInput(latestFindings, recentBloodPressure, outcomes, priorityGroups, conditions, ageYears);
    }

    public StratificationInput withPriorityGroups(Set<String> groups) {
        return new StratificationInput(latestFindings, recentBloodPressure, questionnaires, groups, conditions, ageYears);
    }

    public StratificationInput withConditions(List<RecordedCondition> recorded) {
        return new StratificationInput(latestFindings, recentBloodPressure, questionnaires, priorityGroups, recorded, ageYears);
    }

    public StratificationInput withAge(int years) {
        return new StratificationInput(latestFindings, recentBloodPressure, questionnaires, priorityGroups, conditions,
                OptionalInt.of(years));
    }
}
