package cn.sh.healthcloud.assessment.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.exercise.HeartRateRange.Method;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeartRateRangeTest {

    @Test
    void maximumIs220MinusAge() {
        assertThat(HeartRateRange.maxHeartRate(30)).isEqualTo(190);
        assertThat(HeartRateRange.maxHeartRate(65)).isEqualTo(155);
    }

    /** Worked by hand: rest + fraction × (220 − age − rest), rounded half up. */
    @ParameterizedTest(name = "age {0}, resting {1}: {2}–{3}")
    @CsvSource({
            // 190 − 70 = 120 in reserve; 70 + 48 = 118; 70 + 70.8 = 140.8
            "30, 70, 118, 141",
            // 160 − 70 = 90; 70 + 36 = 106; 70 + 53.1 = 123.1
            "60, 70, 106, 123",
            // 175 − 72 = 103; 72 + 41.2 = 113.2; 72 + 60.77 = 132.77
            "45, 72, 113, 133",
            // 180 − 60 = 120; 60 + 48 = 108; 60 + 70.8 = 130.8
            "40, 60, 108, 131"
    })
    void moderateIs40To59PercentOfTheReserve(int age, int resting, int from, int to) {
        HeartRateRange range = HeartRateRange.karvonen(age, resting, 0.40, 0.59).orElseThrow();

        assertThat(range.from()).isEqualTo(from);
        assertThat(range.to()).isEqualTo(to);
        assertThat(range.method()).isEqualTo(Method.HEART_RATE_RESERVE);
        assertThat(range.maxHeartRate()).isEqualTo(220 - age);
        assertThat(range.restingHeartRate()).isEqualTo(OptionalInt.of(resting));
    }

    @Test
    void lightIs30To39PercentOfTheReserve() {
        // 150 − 80 = 70; 80 + 21 = 101; 80 + 27.3 = 107.3
        HeartRateRange range = HeartRateRange.karvonen(70, 80, 0.30, 0.39).orElseThrow();

        assertThat(range.from()).isEqualTo(101);
        assertThat(range.to()).isEqualTo(107);
    }

    @ParameterizedTest(name = "age {0}: {1}–{2}")
    @CsvSource({
            // 190 × 0.64 = 121.6; 190 × 0.76 = 144.4
            "30, 122, 144",
            // 175 × 0.64 = 112; 175 × 0.76 = 133
            "45, 112, 133"
    })
    void withoutARestingRateModerateIs64To76PercentOfTheMaximum(int age, int from, int to) {
        HeartRateRange range = HeartRateRange.percentOfMaximum(age, 0.64, 0.76).orElseThrow();

        assertThat(range.from()).isEqualTo(from);
        assertThat(range.to()).isEqualTo(to);
        assertThat(range.method()).isEqualTo(Method.PERCENT_OF_MAXIMUM);
        assertThat(range.restingHeartRate()).isEmpty();
    }

    @Test
    void halvesRoundUp() {
        // 150 × 0.57 = 85.5; 150 × 0.63 = 94.5
        HeartRateRange range = HeartRateRange.percentOfMaximum(70, 0.57, 0.63).orElseThrow();

        assertThat(range.from()).isEqualTo(86);
        assertThat(range.to()).isEqualTo(95);
    }

    @Test
    void aRestingRateAtTheEstimatedMaximumLeavesNoReserve() {
        assertThat(HeartRateRange.karvonen(120, 100, 0.40, 0.59)).isEmpty();
        assertThat(HeartRateRange.karvonen(119, 100, 0.40, 0.59)).isPresent();
    }
}
