package cn.sh.healthcloud.assessment.stratification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Classifies one resident (README, "Health management"): an active chronic condition recorded by
 * the doctor, or a disease priority group of the contract the doctor has recorded nothing about,
 * makes them ILL; otherwise a condition they are recovering from makes them RECOVERING; otherwise
 * any risk factor makes them HIGHER_RISK; otherwise they are HEALTHY. Pure and thread-safe.
 */
public final class Stratifier {

    /** Contract priority groups that are diagnoses managed by the family doctor. */
    private static final Map<String, ConditionCode> DISEASE_GROUPS = Map.of(
            "hypertension", ConditionCode.HYPERTENSION,
            "diabetes", ConditionCode.DIABETES,
            "severe-mental-illness", ConditionCode.SEVERE_MENTAL_DISORDER,
            "tuberculosis", ConditionCode.TUBERCULOSIS);

    private final RiskFactors riskFactors;
    private final ManagementPlanner planner;

    public Stratifier(StratificationRules rules) {
        Objects.requireNonNull(rules, "rules");
        this.riskFactors = new RiskFactors(rules);
        this.planner = new ManagementPlanner(rules);
    }

    public Stratification classify(StratificationInput input) {
        Set<ConditionCode> recorded = EnumSet.noneOf(ConditionCode.class);
        Set<ConditionCode> active = EnumSet.noneOf(ConditionCode.class);
        input.conditions().forEach(c -> {
            recorded.add(c.code());
            if (c.status() == ConditionStatus.ACTIVE) {
                active.add(c.code());
            }
        });
        List<Reason> ill = new ArrayList<>();
        List<Reason> recovering = new ArrayList<>();
        for (RecordedCondition c : input.conditions()) {
            if (c.status() == ConditionStatus.ACTIVE) {
                ill.add(new Reason("condition-" + c.code().id(),
                        "家庭医生记录：" + c.code().nameZh() + "（自" + c.since() + "）",
                        "Recorded by your family doctor: " + c.code().nameEn() + " (since " + c.since() + ")"));
            } else if (c.status() == ConditionStatus.RECOVERING && !active.contains(c.code())) {
                recovering.add(new Reason("recovering-" + c.code().id(),
                        "家庭医生记录：" + c.code().nameZh() + "恢复期（自" + c.since() + "）",
                        "Recorded by your family doctor: recovering, " + c.code().nameEn() + " (since " + c.since() + ")"));
            }
        }
        Set<ConditionCode> diagnosed = EnumSet.noneOf(ConditionCode.class);
        diagnosed.addAll(active);
        // The doctor's record of a condition, whatever its status, is newer knowledge than the group chosen at signing.
        DISEASE_GROUPS.entrySet().stream()
                .filter(g -> input.priorityGroups().contains(g.getKey()) && !recorded.contains(g.getValue()))
                .sorted(Map.Entry.comparingByValue())
                .forEach(g -> {
                    diagnosed.add(g.getValue());
                    ill.add(new Reason("priority-group-" + g.getKey(), "签约重点人群：" + g.getValue().nameZh() + "患者",
                            "Priority group of your family-doctor contract: " + g.getValue().nameEn()));
                });
        List<Reason> risks = riskFactors.of(input, diagnosed);

        HealthClass healthClass = !ill.isEmpty() ? HealthClass.ILL
                : !recovering.isEmpty() ? HealthClass.RECOVERING
                        : !risks.isEmpty() ? HealthClass.HIGHER_RISK : HealthClass.HEALTHY;
        List<Reason> reasons = new ArrayList<>(ill);
        reasons.addAll(recovering);
        reasons.addAll(risks);
        return new Stratification(healthClass, reasons, planner.plan(healthClass, reasons, input));
    }
}
