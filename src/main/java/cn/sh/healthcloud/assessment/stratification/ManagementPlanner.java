package cn.sh.healthcloud.assessment.stratification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The management plan of a class and its reasons: each reason asks for a measure at an interval,
 * the most frequent ask wins for each measure; the family doctor's follow-up interval is the
 * class's, and a check-up is due yearly for everyone.
 */
final class ManagementPlanner {

    /** What a reason asks to be measured, and every how many days. */
    private record Ask(Measure measure, int everyDays) {
    }

    private static final Ask BP_WEEKLY = new Ask(Measure.BLOOD_PRESSURE, 7);
    private static final Ask BP_MONTHLY = new Ask(Measure.BLOOD_PRESSURE, 30);
    private static final Ask GLUCOSE_WEEKLY = new Ask(Measure.GLUCOSE, 7);
    private static final Ask GLUCOSE_QUARTERLY = new Ask(Measure.GLUCOSE, 90);
    private static final Ask WEIGHT_MONTHLY = new Ask(Measure.WEIGHT, 30);
    private static final Ask WAIST_MONTHLY = new Ask(Measure.WAIST, 30);

    private static final Map<String, Ask> BY_REASON = Map.ofEntries(
            Map.entry("condition-hypertension", BP_WEEKLY),
            Map.entry("priority-group-hypertension", BP_WEEKLY),
            Map.entry("condition-diabetes", GLUCOSE_WEEKLY),
            Map.entry("priority-group-diabetes", GLUCOSE_WEEKLY),
            Map.entry("condition-stroke", BP_MONTHLY),
            Map.entry("condition-coronary-heart-disease", BP_MONTHLY),
            Map.entry("condition-heart-failure", BP_MONTHLY),
            Map.entry("condition-chronic-kidney-disease", BP_MONTHLY),
            Map.entry(RiskFactors.BP_HIGH_NORMAL, BP_MONTHLY),
            Map.entry(RiskFactors.BP_HYPERTENSIVE_RANGE, BP_MONTHLY),
            Map.entry(RiskFactors.BP_HYPERTENSIVE_RANGE_REPEATED, BP_MONTHLY),
            Map.entry(RiskFactors.GLUCOSE_IMPAIRED_FASTING, GLUCOSE_QUARTERLY),
            Map.entry(RiskFactors.GLUCOSE_IMPAIRED_REGULATION, GLUCOSE_QUARTERLY),
            Map.entry(RiskFactors.GLUCOSE_DIABETIC_RANGE, GLUCOSE_QUARTERLY),
            Map.entry(RiskFactors.DIABETES_RISK_SCORE_HIGH, GLUCOSE_QUARTERLY),
            Map.entry(RiskFactors.OVERWEIGHT, WEIGHT_MONTHLY),
            Map.entry(RiskFactors.OBESITY, WEIGHT_MONTHLY),
            Map.entry(RiskFactors.CENTRAL_OBESITY, WAIST_MONTHLY));

    private final StratificationRules rules;

    ManagementPlanner(StratificationRules rules) {
        this.rules = rules;
    }

    ManagementPlan plan(HealthClass healthClass, List<Reason> reasons, StratificationInput input) {
        Map<Measure, Integer> every = new EnumMap<>(Measure.class);
        Map<Measure, Set<String>> why = new EnumMap<>(Measure.class);
        for (Reason reason : reasons) {
            // Whatever one is recovering from, blood pressure once a month is asked (a service default).
            Ask ask = reason.code().startsWith("recovering-") ? BP_MONTHLY : BY_REASON.get(reason.code());
            if (ask != null) {
                every.merge(ask.measure(), ask.everyDays(), Math::min);
                why.computeIfAbsent(ask.measure(), m -> new LinkedHashSet<>()).add(reason.code());
            }
        }
        List<MonitoringItem> monitor = new ArrayList<>();
        every.forEach((measure, days) -> monitor.add(new MonitoringItem(measure, days, List.copyOf(why.get(measure)),
                "每" + periodZh(days) + "测量一次" + measure.nameZh(),
                "Measure your " + measure.nameEn() + " every " + periodEn(days))));
        boolean elderly = input.priorityGroups().contains("aged-65-plus")
                || (input.ageYears().isPresent() && input.ageYears().getAsInt() >= rules.elderlyFrom());
        String checkUpZh = elderly
                ? "每年一次健康体检：" + rules.elderlyFrom() + "岁及以上老年人每年可在社区卫生服务中心接受一次国家基本公共卫生服务的老年人健康管理（含体检）。"
                : "每年一次健康体检：可到智慧健康小屋自测，或到社区卫生服务中心体检。";
        String checkUpEn = elderly
                ? "A check-up every year: from " + rules.elderlyFrom() + ", the national basic public health service offers"
                        + " a yearly health management visit with a check-up at your community health service centre."
                : "A check-up every year: measure yourself at a smart health hut or have one at your community health"
                        + " service centre.";
        return new ManagementPlan(monitor, rules.followUpDays(healthClass), rules.checkUpDays(), checkUpZh, checkUpEn);
    }

    static String periodZh(int days) {
        return switch (days) {
            case 7 -> "周";
            case 30 -> "月";
            case 90 -> "3个月";
            case 365 -> "年";
            default -> days + "天";
        };
    }

    static String periodEn(int days) {
        return switch (days) {
            case 7 -> "week";
            case 30 -> "month";
            case 90 -> "3 months";
            case 365 -> "year";
            default -> days + " days";
        };
    }
}
