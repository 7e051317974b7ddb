package cn.sh.healthcloud.assessment.questionnaire;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How a number item is scored: one table of ranges, or one table per answer of another item
 * (the diabetes risk score scores waist by sex: {@code dependsOn} is the sex item).
 */
public sealed interface RangeTable {

    /** Every range of every table, for validation and for the lowest and highest score. */
    Stream<List<ScoreRange>> tables();

    record Fixed(List<ScoreRange> ranges) implements RangeTable {

        public Fixed {
            ranges = List.copyOf(ranges);
        }

        @Override
        public Stream<List<ScoreRange>> tables() {
            return Stream.of(ranges);
        }
    }

    record ByAnswer(String dependsOn, Map<String, List<ScoreRange>> ranges) implements RangeTable {

        public ByAnswer {
            Objects.requireNonNull(dependsOn, "dependsOn");
            ranges = Map.copyOf(ranges);
        }

        @Override
        public Stream<List<ScoreRange>> tables() {
            return ranges.values().stream();
        }
    }
}
