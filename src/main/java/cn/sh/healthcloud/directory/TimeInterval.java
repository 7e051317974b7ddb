package cn.sh.healthcloud.directory;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;

/**
 * One opening session on a day, {@code [opens, closes)} in Asia/Shanghai local time.
 * {@code closes = 00:00} means midnight at the end of the day, so {@code 00:00–00:00} is open all day
 * (fever clinics); a session never crosses midnight.
 */
public record TimeInterval(
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime opens,
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime closes) {

    public static TimeInterval of(String opens, String closes) {
        return new TimeInterval(LocalTime.parse(opens), LocalTime.parse(closes));
    }

    /** Minutes since midnight at which the session ends; 1440 for midnight. */
    int closesMinute() {
        int minute = closes.toSecondOfDay() / 60;
        return minute == 0 ? 24 * 60 : minute;
    }

    int opensMinute() {
        return opens.toSecondOfDay() / 60;
    }

    boolean isInverted() {
        return opensMinute() >= closesMinute();
    }

    boolean contains(LocalTime time) {
        int minute = time.toSecondOfDay() / 60;
        return minute >= opensMinute() && minute < closesMinute();
    }

    boolean overlaps(TimeInterval other) {
        return opensMinute() < other.closesMinute() && other.opensMinute() < closesMinute();
    }
}
