package cn.sh.healthcloud.assessment.exercise;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A target heart-rate range, beats per minute, for aerobic exercise. Maximum heart rate is
 * estimated as 220 − age (the formula of the Chinese hypertension guideline's exercise advice;
 * any estimate is ±10 beats or more for an individual, which is one reason the prescription
 * always gives the perceived-exertion alternative). With a measured resting heart rate the range
 * is the Karvonen heart-rate reserve range, rest + fraction × (max − rest); without one it is a
 * share of the maximum. Bounds are rounded half up to whole beats.
 */
public record HeartRateRange(int from, int to, Method method, int maxHeartRate, OptionalInt restingHeartRate) {

    public enum Method { HEART_RATE_RESERVE, PERCENT_OF_MAXIMUM }

    public HeartRateRange {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(restingHeartRate, "restingHeartRate");
        if (from <= 0 || from > to) {
            throw new IllegalArgumentException("heart-rate range must be positive and ordered: " + from + "-" + to);
        }
    }

    public static int maxHeartRate(int ageYears) {
        return 220 - ageYears;
    }

    /** Karvonen: empty when the resting rate leaves no reserve (it is at or above the estimated maximum). */
    static Optional<HeartRateRange> karvonen(int ageYears, int resting, double lowFraction, double highFraction) {
        int max = maxHeartRate(ageYears);
        int reserve = max - resting;
        if (reserve <= 0) {
            return Optional.empty();
        }
        return Optional.of(new HeartRateRange(round(resting + lowFraction * reserve),
                round(resting + highFraction * reserve), Method.HEART_RATE_RESERVE, max, OptionalInt.of(resting)));
    }

    static Optional<HeartRateRange> percentOfMaximum(int ageYears, double lowFraction, double highFraction) {
        int max = maxHeartRate(ageYears);
        if (max <= 0) {
            return Optional.empty();
        }
        return Optional.of(new HeartRateRange(round(lowFraction * max), round(highFraction * max),
                Method.PERCENT_OF_MAXIMUM, max, OptionalInt.empty()));
    }

    private static int round(double beats) {
        // The small epsilon keeps 123.5 from becoming 123.49999… in binary and rounding down.
        return (int) Math.floor(beats + 0.5 + 1e-9);
    }
}
