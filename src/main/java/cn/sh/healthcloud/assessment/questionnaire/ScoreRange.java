package cn.sh.healthcloud.assessment.questionnaire;

import java.util.Objects;

/**
 * The score a number earns when it lies in [from, below): {@code from} is null for the lowest
 * range and {@code below} for the highest, so a table of ranges covers every number.
 */
public record ScoreRange(Double from, Double below, int score, Text label) {

    public ScoreRange {
        Objects.requireNonNull(label, "label");
    }

    public boolean contains(double value) {
        return (from == null || value >= from) && (below == null || value < below);
    }
}
