package cn.sh.healthcloud.assessment.exercise;

import cn.sh.healthcloud.assessment.questionnaire.Text;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One part of an exercise prescription in FITT terms: its kind, how often (days a week), how
 * long (minutes a session and a week, for aerobic and balance work) or how much (sets,
 * repetitions, holds), how hard (the effort, and for aerobic work a target heart-rate range
 * beside the perceived-exertion scale), what to do (activities), how to build up, and why it
 * is there when something about this resident called for it.
 */
public record ExerciseComponent(Kind kind, Effort effort, Text activities, Range daysPerWeek,
        Optional<Range> minutesPerSession, Optional<Range> minutesPerWeek, Optional<Text> dose,
        Optional<HeartRateRange> heartRate, Optional<Text> progression, List<Text> reasons) {

    public enum Kind {
        AEROBIC("有氧运动", "Aerobic exercise"),
        RESISTANCE("力量练习", "Strength exercise"),
        FLEXIBILITY("柔韧练习", "Flexibility exercise"),
        BALANCE("平衡练习", "Balance exercise");

        private final Text label;

        Kind(String zh, String en) {
            this.label = new Text(zh, en);
        }

        public Text label() {
            return label;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How hard, on the intensity classes of ACSM (light 30–39 %, moderate 40–59 % of heart-rate reserve). */
    public enum Effort {
        LIGHT, MODERATE, MODERATE_TO_VIGOROUS;

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A range of whole numbers; {@code from == to} is a single value. */
    public record Range(int from, int to) {

        public Range {
            if (from < 0 || from > to) {
                throw new IllegalArgumentException("range must be non-negative and ordered: " + from + "-" + to);
            }
        }

        public static Range of(int value) {
            return new Range(value, value);
        }

        String show() {
            return from == to ? Integer.toString(from) : from + "–" + to;
        }
    }

    public ExerciseComponent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effort, "effort");
        Objects.requireNonNull(activities, "activities");
        Objects.requireNonNull(daysPerWeek, "daysPerWeek");
        Objects.requireNonNull(minutesPerSession, "minutesPerSession");
        Objects.requireNonNull(minutesPerWeek, "minutesPerWeek");
        Objects.requireNonNull(dose, "dose");
        Objects.requireNonNull(heartRate, "heartRate");
        Objects.requireNonNull(progression, "progression");
        reasons = List.copyOf(reasons);
        if (daysPerWeek.to() > 7 || daysPerWeek.from() < 1) {
            throw new IllegalArgumentException("days per week must be 1 to 7");
        }
        if (heartRate.isPresent() && kind != Kind.AEROBIC) {
            throw new IllegalArgumentException("only aerobic exercise has a heart-rate target");
        }
    }

    /**
     * The prescription code: {@code exercise-aerobic-moderate}, {@code exercise-aerobic-light},
     * {@code exercise-resistance-moderate}, {@code exercise-flexibility}, {@code exercise-balance}…
     * Flexibility and balance work have no effort class of their own.
     */
    public String code() {
        return switch (kind) {
            case AEROBIC, RESISTANCE -> "exercise-" + kind.id() + "-" + effort.id();
            case FLEXIBILITY, BALANCE -> "exercise-" + kind.id();
        };
    }

    /** The printed line, FITT stated concretely. */
    public Text text() {
        StringBuilder zh = new StringBuilder(kind.label().zh()).append("：").append(activities.zh())
                .append("，").append(daysZh());
        StringBuilder en = new StringBuilder(kind.label().en()).append(": ").append(activities.en())
                .append(", ").append(daysEn());
        minutesPerSession.ifPresent(m -> {
            zh.append("，每次").append(m.show()).append("分钟");
            en.append(", ").append(m.show()).append(" minutes each time");
        });
        minutesPerWeek.ifPresent(w -> {
            zh.append("（每周累计").append(w.from() == w.to() ? "至少" + w.from() : w.show()).append("分钟）");
            en.append(" (").append(w.from() == w.to() ? "at least " + w.from() : w.show()).append(" minutes a week)");
        });
        intensity().ifPresent(i -> {
            zh.append("，").append(i.zh());
            en.append(", ").append(i.en());
        });
        zh.append("。");
        en.append(".");
        dose.ifPresent(d -> {
            zh.append(d.zh());
            en.append(" ").append(d.en());
        });
        progression.ifPresent(p -> {
            zh.append(p.zh());
            en.append(" ").append(p.en());
        });
        if (!reasons.isEmpty()) {
            zh.append("（针对：").append(String.join("；", reasons.stream().map(Text::zh).toList())).append("）");
            en.append(" (because of: ").append(String.join("; ", reasons.stream().map(Text::en).toList())).append(")");
        }
        return new Text(zh.toString(), en.toString());
    }

    private Optional<Text> intensity() {
        if (kind != Kind.AEROBIC) {
            return Optional.empty();
        }
        Optional<String> beatsZh = heartRate.map(hr -> "心率保持在每分钟" + hr.from() + "–" + hr.to() + "次，或");
        Optional<String> beatsEn = heartRate.map(hr -> "keeping your heart rate at " + hr.from() + "–" + hr.to()
                + " beats a minute, or ");
        return Optional.of(switch (effort) {
            case LIGHT -> new Text("低强度：" + beatsZh.orElse("") + "感觉“轻松到比较轻松”（呼吸稍快，说话自如）",
                    "light intensity: " + beatsEn.orElse("") + "at a 'light' effort (breathing a little faster,"
                            + " talking easily)");
            case MODERATE -> new Text("中等强度：" + beatsZh.orElse("") + "感觉“有点吃力”（能说话但不能唱歌）",
                    "moderate intensity: " + beatsEn.orElse("") + "at a 'somewhat hard' effort (you can talk but"
                            + " not sing)");
            case MODERATE_TO_VIGOROUS -> new Text("中等到高强度：呼吸和心跳明显加快",
                    "moderate to vigorous intensity: breathing and heartbeat clearly faster");
        });
    }

    private String daysZh() {
        Range d = daysPerWeek;
        if (d.from() == 7) {
            return "每天";
        }
        if (d.to() == 7) {
            return "每周至少" + d.from() + "天";
        }
        return "每周" + d.show() + "天";
    }

    private String daysEn() {
        Range d = daysPerWeek;
        if (d.from() == 7) {
            return "every day";
        }
        if (d.to() == 7) {
            return "at least " + d.from() + " days a week";
        }
        return d.show() + " days a week";
    }
}
