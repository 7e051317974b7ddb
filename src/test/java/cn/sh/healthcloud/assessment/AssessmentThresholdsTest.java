package cn.sh.healthcloud.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AssessmentThresholdsTest {

    @Test
    void referenceValuesAreThoseOfTheReference() {
        AssessmentThresholds reference = AssessmentThresholds.reference();

        assertThat(reference.bloodPressure())
                .isEqualTo(new AssessmentThresholds.BloodPressure(120, 80, 140, 90, 160, 100));
        assertThat(reference.urgent()).isEqualTo(UrgentThresholds.reference());
        assertThat(reference.glucose()).isEqualTo(new AssessmentThresholds.Glucose(6.1, 7.0, 7.8, 11.1, 3.9));
        assertThat(reference.bmi()).isEqualTo(new AssessmentThresholds.Bmi(18.5, 24, 28));
        assertThat(reference.waistCm()).isEqualTo(new AssessmentThresholds.BySex(90, 85));
        assertThat(reference.waistHipRatio()).isEqualTo(new AssessmentThresholds.BySex(0.90, 0.85));
        assertThat(reference.bodyFatPercent()).isEqualTo(new AssessmentThresholds.BySex(25, 30));
        assertThat(reference.adultAgeYears()).isEqualTo(18);
    }

    @Test
    void hypertensionCutOffsCanBeOverriddenAloneWithoutTouchingTheOtherBands() {
        AssessmentThresholds lowered = AssessmentThresholds.reference().withHypertensionCutOffs(130, 80);

        assertThat(lowered.bloodPressure()).isEqualTo(new AssessmentThresholds.BloodPressure(120, 80, 130, 80, 160, 100));
        assertThat(lowered.glucose()).isEqualTo(AssessmentThresholds.reference().glucose());
    }

    @Test
    void cutOffsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> AssessmentThresholds.reference().withHypertensionCutOffs(170, 90))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("systolic");
        assertThatThrownBy(() -> AssessmentThresholds.reference().withHypertensionCutOffs(110, 90))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AssessmentThresholds.reference().withUrgent(new UrgentThresholds(150, 110, 3.0, 16.7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("urgent");
    }

    @Test
    void aPersonIsAChildOnlyWhenTheAgeIsKnown() {
        assertThat(Person.unknown().isKnownYoungerThan(18)).isFalse();
        assertThat(Person.of(Sex.MALE, 17).isKnownYoungerThan(18)).isTrue();
        assertThat(Person.of(Sex.MALE, 18).isKnownYoungerThan(18)).isFalse();
        assertThatThrownBy(() -> new Person(Optional.empty(), OptionalInt.of(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWorseOfTwoLevels() {
        assertThat(Level.ATTENTION.worse(Level.URGENT)).isEqualTo(Level.URGENT);
        assertThat(Level.SEE_DOCTOR.worse(Level.NORMAL)).isEqualTo(Level.SEE_DOCTOR);
    }
}
