package cn.sh.healthcloud.assessment.exercise;

import cn.sh.healthcloud.assessment.Prescription;
import cn.sh.healthcloud.assessment.questionnaire.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resident's exercise prescription (科学运动处方): whether they can start now, the components
 * in FITT terms, the precautions, and each fitness test as graded or not. {@link #toPrescriptions()}
 * gives it as the report's health-prescription lines, all of kind "exercise".
 */
public record ExercisePrescription(Start start, List<Text> startReasons, List<ExerciseComponent> components,
        List<Precaution> precautions, List<FitnessResult> fitnessTests) {

    /** Whether and when to start. */
    public enum Start {
        /** Start now, building up gradually. */
        NOW,
        /** A prescription is given, to start once the family doctor has seen the resident and agrees. */
        AFTER_DOCTOR_REVIEW,
        /** No prescription: a result at the danger level needs a doctor first. */
        SEE_DOCTOR_FIRST,
        /** Too young for the guidelines this prescriber follows (they start at 6). */
        NOT_FOR_THIS_AGE
    }

    public ExercisePrescription {
        Objects.requireNonNull(start, "start");
        startReasons = List.copyOf(startReasons);
        components = List.copyOf(components);
        precautions = List.copyOf(precautions);
        fitnessTests = List.copyOf(fitnessTests);
        boolean prescribes = start == Start.NOW || start == Start.AFTER_DOCTOR_REVIEW;
        if (prescribes == components.isEmpty()) {
            throw new IllegalArgumentException(start + (prescribes ? " needs" : " cannot have") + " components");
        }
        if ((start == Start.NOW) != startReasons.isEmpty()) {
            throw new IllegalArgumentException("start reasons are given exactly when the start is not NOW");
        }
    }

    public Optional<ExerciseComponent> component(ExerciseComponent.Kind kind) {
        return components.stream().filter(c -> c.kind() == kind).findFirst();
    }

    public boolean hasPrecaution(String code) {
        return precautions.stream().anyMatch(p -> p.code().equals(code));
    }

    /**
     * The lines for the report and the health management list: why not now (if so), each
     * component, each precaution, then the fitness tests with their grades or why they have none.
     */
    public List<Prescription> toPrescriptions() {
        List<Prescription> lines = new ArrayList<>();
        String reasonsZh = String.join("；", startReasons.stream().map(Text::zh).toList());
        String reasonsEn = String.join("; ", startReasons.stream().map(Text::en).toList());
        switch (start) {
            case NOW -> {
            }
            case AFTER_DOCTOR_REVIEW -> lines.add(line("exercise-after-doctor-review",
                    "开始以下运动前，请先请家庭医生评估（" + reasonsZh + "）；医生同意后再循序渐进地开始。",
                    "See your family doctor before you start the exercise below (" + reasonsEn
                            + "); once they agree, start gradually."));
            case SEE_DOCTOR_FIRST -> lines.add(line("exercise-see-doctor-first",
                    "暂不开具运动处方（" + reasonsZh + "）：请先就医，待病情稳定、医生评估后再开始运动。",
                    "No exercise prescription for now (" + reasonsEn + "): see a doctor first, and start exercising"
                            + " only once you are stable and a doctor has assessed you."));
            case NOT_FOR_THIS_AGE -> lines.add(line("exercise-not-for-this-age",
                    "6岁以下儿童的身体活动建议，请咨询儿童保健医生。",
                    "For children under 6, ask a child health doctor about physical activity."));
        }
        for (ExerciseComponent component : components) {
            Text text = component.text();
            lines.add(line(component.code(), text.zh(), text.en()));
        }
        for (Precaution precaution : precautions) {
            lines.add(line(precaution.code(), precaution.text().zh(), precaution.text().en()));
        }
        if (!fitnessTests.isEmpty()) {
            lines.add(line("exercise-fitness-tests",
                    "体质测试：" + String.join("；", fitnessTests.stream().map(f -> f.text().zh()).toList()) + "。",
                    "Fitness tests: " + String.join("; ", fitnessTests.stream().map(f -> f.text().en()).toList())
                            + "."));
        }
        return List.copyOf(lines);
    }

    private static Prescription line(String code, String zh, String en) {
        return new Prescription(Prescription.EXERCISE, code, zh, en);
    }
}
