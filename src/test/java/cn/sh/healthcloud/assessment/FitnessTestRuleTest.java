package cn.sh.healthcloud.assessment;

import static cn.sh.healthcloud.assessment.Readings.ADULT_WOMAN;
import static cn.sh.healthcloud.assessment.Readings.read;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitnessTestRuleTest {

    private final FitnessTestRule rule = new FitnessTestRule();

    @Test
    void everyTestIsShownWithoutAScoreAndSaysWhy() {
        List<Finding> findings = rule.assess(ADULT_WOMAN, List.of(
                read("type", "vital-capacity", "millilitres", 2800),
                read("type", "grip-strength", "kg", 26.5),
                read("type", "sit-and-reach", "cm", -3),
                read("type", "reaction-time", "ms", 520),
                read("type", "single-leg-stand", "seconds", 12)));

        assertThat(findings).extracting(Finding::code).containsExactly("vital-capacity-not-scored",
                "grip-strength-not-scored", "sit-and-reach-not-scored", "reaction-time-not-scored",
                "single-leg-stand-not-scored");
        assertThat(findings).extracting(Finding::type).containsExactly(MeasurementType.VITAL_CAPACITY,
                MeasurementType.GRIP_STRENGTH, MeasurementType.SIT_AND_REACH, MeasurementType.REACTION_TIME,
                MeasurementType.SINGLE_LEG_STAND);
        assertThat(findings).extracting(Finding::level).containsOnly(Level.NORMAL);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.textZh()).contains("暂不评分", "国民体质测定标准");
            assertThat(f.textEn()).contains("without a score", "norm tables", "not available yet");
        });
        assertThat(findings.get(1).textZh()).startsWith("握力 26.5 千克");
        assertThat(findings.get(2).textEn()).startsWith("Sit-and-reach -3 cm");
        assertThat(findings.get(4).textEn()).startsWith("Single-leg stand, eyes closed 12 s");
    }

    @Test
    void otherMeasurementsAreNotFitnessTests() {
        assertThat(rule.assess(ADULT_WOMAN, List.of(Readings.bp(120, 80)))).isEmpty();
    }
}
