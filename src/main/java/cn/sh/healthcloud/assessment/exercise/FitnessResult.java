package cn.sh.healthcloud.assessment.exercise;

import cn.sh.healthcloud.assessment.questionnaire.Text;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.Objects;
import java.util.Optional;

/**
 * One fitness test as the prescription took it: the best attempt of the session, its grade if a
 * norm table covers the person, and the sentence that says so, or why it is not graded.
 */
public record FitnessResult(MeasurementType test, double value, Optional<Grade> grade, Text text) {

    public FitnessResult {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(text, "text");
    }

    public boolean graded() {
        return grade.isPresent();
    }

    public boolean weak() {
        return grade.map(Grade::weak).orElse(false);
    }
}
