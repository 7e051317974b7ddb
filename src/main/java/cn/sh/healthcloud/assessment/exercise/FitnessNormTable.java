package cn.sh.healthcloud.assessment.exercise;

import cn.sh.healthcloud.assessment.Sex;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Norm tables as plain rows, the shape real tables of the national physical fitness standard
 * take when they are added as data: one row per test, sex and age band, giving the values at
 * which grades 2, 3, 4 and 5 start. A value at a cut-off earns that grade; a value worse than the
 * grade 2 cut-off earns grade 1, the lowest, weak either way. For choice reaction time, where a
 * lower time is better, the cut-offs descend and a grade starts at or below its cut-off.
 * Refuses rows that are not fitness tests, cut-offs that do not move towards better, and two rows
 * of one test and sex whose age bands overlap. Immutable and thread-safe.
 */
public record FitnessNormTable(List<Row> rows) implements FitnessNorms {

    /**
     * @param ageFrom    first age of the band, inclusive
     * @param ageTo      last age of the band, inclusive
     * @param gradeFrom  the values at which grades 2, 3, 4 and 5 start, in that order
     */
    public record Row(MeasurementType test, Sex sex, int ageFrom, int ageTo, List<Double> gradeFrom) {

        public Row {
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(sex, "sex");
            gradeFrom = List.copyOf(gradeFrom);
        }

        boolean covers(MeasurementType t, Sex s, int age) {
            return test == t && sex == s && age >= ageFrom && age <= ageTo;
        }
    }

    public FitnessNormTable {
        rows = List.copyOf(rows);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            problems.addAll(check(row));
            for (Row earlier : rows.subList(0, i)) {
                if (earlier.test() == row.test() && earlier.sex() == row.sex()
                        && row.ageFrom() <= earlier.ageTo() && earlier.ageFrom() <= row.ageTo()) {
                    problems.add(describe(row) + " overlaps " + describe(earlier));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("fitness norm table: " + String.join("; ", problems));
        }
    }

    @Override
    public Optional<Grade> grade(MeasurementType test, Sex sex, int ageYears, double value) {
        return rows.stream().filter(r -> r.covers(test, sex, ageYears)).findFirst().map(row -> {
            boolean higherIsBetter = FitnessTest.of(test).orElseThrow().higherIsBetter();
            int points = 1;
            for (double cutOff : row.gradeFrom()) {
                if (higherIsBetter ? value >= cutOff : value <= cutOff) {
                    points++;
                }
            }
            return new Grade(points);
        });
    }

    private static List<String> check(Row row) {
        List<String> problems = new ArrayList<>();
        Optional<FitnessTest> test = FitnessTest.of(row.test());
        if (test.isEmpty()) {
            problems.add(describe(row) + ": " + row.test().id() + " is not a fitness test");
        }
        if (row.ageFrom() < 0 || row.ageFrom() > row.ageTo()) {
            problems.add(describe(row) + ": age band must not be empty or negative");
        }
        if (row.gradeFrom().size() != Grade.MAX - 1) {
            problems.add(describe(row) + ": needs " + (Grade.MAX - 1) + " cut-offs (grades 2 to " + Grade.MAX + ")");
        } else if (test.isPresent()) {
            for (int g = 1; g < row.gradeFrom().size(); g++) {
                if (!test.get().better(row.gradeFrom().get(g), row.gradeFrom().get(g - 1))) {
                    problems.add(describe(row) + ": cut-offs must move towards a better result");
                    break;
                }
            }
        }
        return problems;
    }

    private static String describe(Row row) {
        return row.test().id() + " " + row.sex() + " " + row.ageFrom() + "-" + row.ageTo();
    }
}
