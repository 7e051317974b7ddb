package cn.sh.healthcloud.account;

import cn.sh.healthcloud.measurement.MeasurementType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Daily values of one measurement type over a period, ready for a chart: one point per day that
 * has measurements (Asia/Shanghai days), each field's mean, minimum and maximum that day.
 */
public record TrendView(MeasurementType type, LocalDate from, LocalDate to, Map<String, String> units, List<Day> days) {

    public record Day(LocalDate date, int count, Map<String, Stats> values) {
    }

    public record Stats(double mean, double min, double max) {
    }
}
