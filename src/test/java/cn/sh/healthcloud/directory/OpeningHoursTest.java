package cn.sh.healthcloud.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    private static final List<TimeInterval> MORNING_AND_AFTERNOON = List.of(
            TimeInterval.of("13:00", "16:30"), TimeInterval.of("08:00", "11:30"));

    // 2026-11-23 is a Monday.
    private static final LocalDateTime MONDAY = LocalDateTime.parse("2026-11-23T00:00");

    @Test
    void sessionsAreSortedAndTheMiddayGapIsClosed() {
        OpeningHours hours = OpeningHours.weekdaysAndWeekend(MORNING_AND_AFTERNOON, List.of());

        assertThat(hours.monday()).extracting(TimeInterval::opens).map(Object::toString).containsExactly("08:00", "13:00");
        assertThat(hours.isOpenAt(MONDAY.withHour(8))).isTrue();
        assertThat(hours.isOpenAt(MONDAY.withHour(11).withMinute(29))).isTrue();
        assertThat(hours.isOpenAt(MONDAY.withHour(11).withMinute(30))).as("closing minute is closed").isFalse();
        assertThat(hours.isOpenAt(MONDAY.withHour(12).withMinute(30))).isFalse();
        assertThat(hours.isOpenAt(MONDAY.withHour(13))).isTrue();
        assertThat(hours.isOpenAt(MONDAY.withHour(7).withMinute(59))).isFalse();
    }

    @Test
    void weekendFollowsItsOwnSessions() {
        OpeningHours hours = OpeningHours.weekdaysAndWeekend(MORNING_AND_AFTERNOON, List.of(TimeInterval.of("08:00", "11:30")));

        assertThat(hours.isOpenAt(MONDAY.plusDays(5).withHour(10))).as("Saturday morning").isTrue();
        assertThat(hours.isOpenAt(MONDAY.plusDays(5).withHour(14))).as("Saturday afternoon").isFalse();
        assertThat(hours.isOpenAt(MONDAY.plusDays(6).withHour(10))).as("Sunday morning").isTrue();
    }

    @Test
    void midnightClosingMeansTheEndOfTheDay() {
        OpeningHours allDay = OpeningHours.daily(List.of(TimeInterval.of("00:00", "00:00")));
        OpeningHours evening = OpeningHours.daily(List.of(TimeInterval.of("17:30", "00:00")));

        assertThat(allDay.problems()).isEmpty();
        assertThat(allDay.isOpenAt(MONDAY)).isTrue();
        assertThat(allDay.isOpenAt(MONDAY.withHour(23).withMinute(59))).isTrue();
        assertThat(evening.problems()).isEmpty();
        assertThat(evening.isOpenAt(MONDAY.withHour(23).withMinute(30))).isTrue();
        assertThat(evening.isOpenAt(MONDAY.withHour(3))).isFalse();
    }

    @Test
    void invertedAndOverlappingSessionsAreReportedPerDay() {
        OpeningHours hours = new OpeningHours(
                List.of(TimeInterval.of("16:30", "08:00")),
                List.of(TimeInterval.of("08:00", "12:00"), TimeInterval.of("11:00", "16:00")),
                List.of(TimeInterval.of("08:00", "12:00"), TimeInterval.of("12:00", "16:00")),
                List.of(TimeInterval.of("09:00", "09:00")),
                null, List.of(), null);

        assertThat(hours.problems()).containsExactly(
                "monday: 16:30–08:00 closes before it opens",
                "tuesday: 08:00–12:00 overlaps 11:00–16:00",
                "thursday: 09:00–09:00 closes before it opens");
    }

    @Test
    void missingDaysAreClosed() {
        OpeningHours hours = OpeningHours.closed();

        assertThat(hours.problems()).isEmpty();
        assertThat(hours.isOpenAt(MONDAY.withHour(10))).isFalse();
    }

    @Test
    void aClosureCoversBothEndDays() {
        Closure springFestival = new Closure(MONDAY.toLocalDate(), MONDAY.toLocalDate().plusDays(2), "春节");

        assertThat(springFestival.covers(MONDAY.toLocalDate())).isTrue();
        assertThat(springFestival.covers(MONDAY.toLocalDate().plusDays(2))).isTrue();
        assertThat(springFestival.covers(MONDAY.toLocalDate().plusDays(3))).isFalse();
        assertThat(springFestival.covers(MONDAY.toLocalDate().minusDays(1))).isFalse();
    }
}
