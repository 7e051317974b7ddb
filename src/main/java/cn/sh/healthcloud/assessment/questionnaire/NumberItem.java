package cn.sh.healthcloud.assessment.questionnaire;

import java.util.Objects;
import java.util.Optional;

/**
 * An item answered with a number (age, waist, systolic pressure, BMI) that is scored by the
 * range it falls in. {@code min} and {@code max} bound what is accepted: for age they are the
 * ages the score was made for, for measurements the plausible range of the reference.
 */
public record NumberItem(String id, Text text, boolean required, boolean scored, int weight,
        Optional<FilledFrom> filledFrom, Text unit, double min, double max, boolean integer, RangeTable ranges)
        implements Item {

    public NumberItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(filledFrom, "filledFrom");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(ranges, "ranges");
    }

    @Override
    public int minScore() {
        return scored ? weight * ranges.tables().flatMap(t -> t.stream()).mapToInt(ScoreRange::score).min().orElse(0) : 0;
    }

    @Override
    public int maxScore() {
        return scored ? weight * ranges.tables().flatMap(t -> t.stream()).mapToInt(ScoreRange::score).max().orElse(0) : 0;
    }
}
