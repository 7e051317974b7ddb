package cn.sh.healthcloud.assessment.stratification;

import java.util.List;
import java.util.Objects;

/**
 * What the resident's health management list asks: what to measure and how often, how often the
 * family doctor follows them up, and how often a check-up is due (with the words for it).
 */
public record ManagementPlan(List<MonitoringItem> monitor, int followUpEveryDays, int checkUpEveryDays,
        String checkUpZh, String checkUpEn) {

    public ManagementPlan {
        monitor = List.copyOf(monitor);
        if (followUpEveryDays <= 0 || checkUpEveryDays <= 0) {
            throw new IllegalArgumentException("intervals must be positive");
        }
        Objects.requireNonNull(checkUpZh, "checkUpZh");
        Objects.requireNonNull(checkUpEn, "checkUpEn");
    }
}
