package cn.sh.healthcloud.assessment.questionnaire;

import cn.sh.healthcloud.assessment.Person;
import cn.sh.healthcloud.assessment.Sex;
import cn.sh.healthcloud.measurement.Measurement;
import cn.sh.healthcloud.measurement.MeasurementType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fills the items a questionnaire marks {@code filledFrom} from what is known of the person and
 * what a kiosk measured, so a resident is not asked their waist just after it was measured.
 * Where a kind was measured more than once, the last in the list wins (pass them oldest first).
 * Values are passed on as measured: one the questionnaire does not accept (an age outside the
 * ages a risk score was made for) is reported by validation like any other answer.
 */
public final class MeasuredAnswers {

    private MeasuredAnswers() {
    }

    /** The answers that can be filled; merge the resident's own answers over or under them as the caller decides. */
    public static Map<String, Object> fill(Questionnaire questionnaire, Person person, List<Measurement> measurements) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Item item : questionnaire.items()) {
            item.filledFrom().flatMap(source -> value(source, person, measurements))
                    .ifPresent(value -> answers.put(item.id(), value));
        }
        return answers;
    }

    private static Optional<Object> value(FilledFrom source, Person person, List<Measurement> measurements) {
        return switch (source) {
            case PERSON_AGE -> person.ageYears().isPresent() ? Optional.of(person.ageYears().getAsInt()) : Optional.empty();
            case PERSON_SEX -> person.sex().map(sex -> sex == Sex.MALE ? "male" : "female");
            case SYSTOLIC -> last(measurements, MeasurementType.BLOOD_PRESSURE, m -> m.number("systolic"));
            case WAIST -> last(measurements, MeasurementType.WAIST_HIP, m -> m.number("waistCm"));
            case BMI -> measurements.stream()
                    .filter(m -> m.type() == MeasurementType.BODY_COMPOSITION || m.type() == MeasurementType.HEIGHT_WEIGHT)
                    .map(m -> Optional.ofNullable(m.derived().get("bmi")))
                    .flatMap(Optional::stream).reduce((first, second) -> second).map(v -> (Object) v);
        };
    }

    private static Optional<Object> last(List<Measurement> measurements, MeasurementType type,
            Function<Measurement, Optional<Double>> field) {
        return measurements.stream().filter(m -> m.type() == type).map(field).flatMap(Optional::stream)
                .reduce((first, second) -> second).map(v -> (Object) v);
    }
}
