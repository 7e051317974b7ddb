package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.Prescription;
import cn.sh.healthcloud.assessment.stratification.Reason;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A resident's health management list (健康管理清单): their class and its reasons, the conditions
 * their doctor recorded (not resolved), what to measure and how often (with whether it is overdue),
 * when a check-up and the next follow-up are due, the prescriptions in force, and progress.
 */
public record HealthManagementView(String healthClass, List<Reason> reasons, OffsetDateTime computedAt,
        List<ConditionView> conditions, List<Monitor> monitor, CheckUp checkUp, FollowUp followUp,
        Prescriptions prescriptions, List<Progress> progress) {

    /** One thing to measure: every how many days, why, when last measured, by when next, and whether that is past. */
    public record Monitor(String measure, int everyDays, String textZh, String textEn, List<String> reasons,
            OffsetDateTime lastMeasuredAt, LocalDate dueBy, boolean overdue) {
    }

    /** The yearly check-up: the last kiosk check-up (its report) counts. */
    public record CheckUp(int everyDays, String textZh, String textEn, OffsetDateTime lastAt, LocalDate dueBy,
            boolean overdue) {
    }

    /**
     * The family doctor's next follow-up: {@code from} is {@code last-follow-up} or {@code contract-start};
     * null in the list when the resident has neither a contract nor a follow-up.
     */
    public record FollowUp(int everyDays, LocalDate lastOn, String from, LocalDate dueOn, boolean overdue,
            long daysOverdue) {
    }

    /**
     * The prescriptions in force: the latest report's, the latest result's of each questionnaire, and
     * the exercise prescription made from both (null before anything is measured or answered).
     */
    public record Prescriptions(FromReport report, List<FromQuestionnaire> questionnaires, Exercise exercise) {
    }

    /**
     * 科学运动处方: {@code start} is {@code now}, {@code after-doctor-review}, {@code see-doctor-first}
     * or {@code not-for-this-age}; the lines give each component in FITT terms, the precautions and
     * the fitness tests (ungraded until norm tables are added).
     */
    public record Exercise(String start, List<Prescription> items) {
    }

    public record FromReport(UUID reportId, OffsetDateTime createdAt, List<ReportContent.Prescription> items) {
    }

    public record FromQuestionnaire(UUID responseId, String questionnaireId, OffsetDateTime answeredAt,
            List<QuestionnairePrescriptions.Item> items) {
    }

    /**
     * A monitored measure's latest values and their change since 90 days ago: the latest reading on
     * or before that day is the baseline; without one, {@code change} is null.
     */
    public record Progress(String measure, OffsetDateTime latestAt, Map<String, Double> latest, OffsetDateTime baselineAt,
            Map<String, Double> change) {
    }
}
