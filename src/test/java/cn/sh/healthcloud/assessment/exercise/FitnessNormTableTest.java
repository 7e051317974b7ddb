package cn.sh.healthcloud.assessment.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.sh.healthcloud.assessment.Sex;
import cn.sh.healthcloud.assessment.exercise.FitnessNormTable.Row;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table mechanics, with made-up cut-offs: these are not the national standard's numbers. */
class FitnessNormTableTest {

    private final FitnessNormTable table = new FitnessNormTable(List.of(
            new Row(MeasurementType.GRIP_STRENGTH, Sex.MALE, 30, 39, List.of(25.0, 30.0, 35.0, 40.0)),
            new Row(MeasurementType.GRIP_STRENGTH, Sex.MALE, 40, 49, List.of(23.0, 28.0, 33.0, 38.0)),
            new Row(MeasurementType.REACTION_TIME, Sex.FEMALE, 30, 39, List.of(800.0, 650.0, 550.0, 450.0))));

    @ParameterizedTest(name = "grip {0} kg at 35 is grade {1}")
    @CsvSource({"10, 1", "24.9, 1", "25, 2", "29.9, 2", "30, 3", "35, 4", "39.9, 4", "40, 5", "80, 5"})
    void aValueAtACutOffEarnsThatGrade(double kg, int points) {
        assertThat(table.grade(MeasurementType.GRIP_STRENGTH, Sex.MALE, 35, kg)).contains(new Grade(points));
    }

    @ParameterizedTest(name = "reaction {0} ms is grade {1}")
    @CsvSource({"1200, 1", "800.1, 1", "800, 2", "651, 2", "650, 3", "550, 4", "450, 5", "300, 5"})
    void aFasterReactionIsBetter(double ms, int points) {
        assertThat(table.grade(MeasurementType.REACTION_TIME, Sex.FEMALE, 33, ms)).contains(new Grade(points));
    }

    @Test
    void theAgeBandDecides() {
        assertThat(table.grade(MeasurementType.GRIP_STRENGTH, Sex.MALE, 39, 24)).contains(new Grade(1));
        assertThat(table.grade(MeasurementType.GRIP_STRENGTH, Sex.MALE, 40, 24)).contains(new Grade(2));
    }

    @Test
    void noRowNoGrade() {
        assertThat(table.grade(MeasurementType.GRIP_STRENGTH, Sex.FEMALE, 35, 30)).isEmpty();
        assertThat(table.grade(MeasurementType.GRIP_STRENGTH, Sex.MALE, 29, 30)).isEmpty();
        assertThat(table.grade(MeasurementType.GRIP_STRENGTH, Sex.MALE, 50, 30)).isEmpty();
        assertThat(table.grade(MeasurementType.SIT_AND_REACH, Sex.MALE, 35, 10)).isEmpty();
        assertThat(FitnessNorms.none().grade(MeasurementType.GRIP_STRENGTH, Sex.MALE, 35, 30)).isEmpty();
    }

    @Test
    void gradesOneAndTwoAreWeak() {
        assertThat(new Grade(1).weak()).isTrue();
        assertThat(new Grade(2).weak()).isTrue();
        assertThat(new Grade(3).weak()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new Grade(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Grade(6));
    }

    @Test
    void refusesCutOffsThatDoNotMoveTowardsBetter() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FitnessNormTable(List.of(
                        new Row(MeasurementType.GRIP_STRENGTH, Sex.MALE, 30, 39, List.of(25.0, 30.0, 30.0, 40.0)))))
                .withMessageContaining("towards a better result");
        assertThatIllegalArgumentException().isThrownBy(() -> new FitnessNormTable(List.of(
                        new Row(MeasurementType.REACTION_TIME, Sex.MALE, 30, 39, List.of(450.0, 550.0, 650.0, 800.0)))))
                .withMessageContaining("towards a better result");
    }

    @Test
    void refusesRowsThatAreNotFitnessTestsOrHaveTheWrongNumberOfCutOffs() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FitnessNormTable(List.of(
                        new Row(MeasurementType.SPO2, Sex.MALE, 30, 39, List.of(90.0, 92.0, 94.0, 96.0)))))
                .withMessageContaining("not a fitness test");
        assertThatIllegalArgumentException().isThrownBy(() -> new FitnessNormTable(List.of(
                        new Row(MeasurementType.GRIP_STRENGTH, Sex.MALE, 30, 39, List.of(25.0, 30.0, 35.0)))))
                .withMessageContaining("needs 4 cut-offs");
        assertThatIllegalArgumentException().isThrownBy(() -> new FitnessNormTable(List.of(
                        new Row(MeasurementType.GRIP_STRENGTH, Sex.MALE, 39, 30, List.of(25.0, 30.0, 35.0, 40.0)))))
                .withMessageContaining("age band");
    }

    @Test
    void refusesOverlappingAgeBandsOfOneTestAndSex() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FitnessNormTable(List.of(
                        new Row(MeasurementType.GRIP_STRENGTH, Sex.MALE, 30, 39, List.of(25.0, 30.0, 35.0, 40.0)),
                        new Row(MeasurementType.GRIP_STRENGTH, Sex.MALE, 39, 49, List.of(23.0, 28.0, 33.0, 38.0)))))
                .withMessageContaining("overlaps");
        // the same ages for the other sex are not an overlap
        new FitnessNormTable(List.of(
                new Row(MeasurementType.GRIP_STRENGTH, Sex.MALE, 30, 39, List.of(25.0, 30.0, 35.0, 40.0)),
                new Row(MeasurementType.GRIP_STRENGTH, Sex.FEMALE, 30, 39, List.of(15.0, 18.0, 21.0, 24.0))));
    }
}
