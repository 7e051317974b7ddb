package cn.sh.healthcloud.assessment.stratification;

import java.util.List;
import java.util.Objects;

/** One line of a management plan: measure this every so many days, because of these reasons. */
public record MonitoringItem(Measure measure, int everyDays, List<String> reasonCodes, String textZh, String textEn) {

    public MonitoringItem {
        Objects.requireNonNull(measure, "measure");
        if (everyDays <= 0) {
            throw new IllegalArgumentException("everyDays must be positive");
        }
        reasonCodes = List.copyOf(reasonCodes);
        Objects.requireNonNull(textZh, "textZh");
        Objects.requireNonNull(textEn, "textEn");
    }
}
