package cn.sh.healthcloud.directory;

import jakarta.validation.Valid;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Weekly opening hours: for each weekday, zero or more sessions (morning, midday, evening).
 * A missing or empty day is closed. Validation of inverted or overlapping sessions is
 * {@link #problems()}, so that a request can report every problem at once.
 */
public record OpeningHours(
        List<@Valid TimeInterval> monday,
        List<@Valid TimeInterval> tuesday,
        List<@Valid TimeInterval> wednesday,
        List<@Valid TimeInterval> thursday,
        List<@Valid TimeInterval> friday,
        List<@Valid TimeInterval> saturday,
        List<@Valid TimeInterval> sunday) {

    public OpeningHours {
        monday = sorted(monday);
        tuesday = sorted(tuesday);
        wednesday = sorted(wednesday);
        thursday = sorted(thursday);
        friday = sorted(friday);
        saturday = sorted(saturday);
        sunday = sorted(sunday);
    }

    public static OpeningHours closed() {
        return new OpeningHours(null, null, null, null, null, null, null);
    }

    /** The same sessions on every day of the week. */
    public static OpeningHours daily(List<TimeInterval> sessions) {
        return new OpeningHours(sessions, sessions, sessions, sessions, sessions, sessions, sessions);
    }

    /** One set of sessions Monday to Friday, another on Saturday and Sunday. */
    public static OpeningHours weekdaysAndWeekend(List<TimeInterval> weekdays, List<TimeInterval> weekend) {
        return new OpeningHours(weekdays, weekdays, weekdays, weekdays, weekdays, weekend, weekend);
    }

    public List<TimeInterval> on(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> monday;
            case TUESDAY -> tuesday;
            case WEDNESDAY -> wednesday;
            case THURSDAY -> thursday;
            case FRIDAY -> friday;
            case SATURDAY -> saturday;
            case SUNDAY -> sunday;
        };
    }

    public boolean isOpenAt(LocalDateTime shanghaiLocalTime) {
        for (TimeInterval session : on(shanghaiLocalTime.getDayOfWeek())) {
            if (session.contains(shanghaiLocalTime.toLocalTime())) {
                return true;
            }
        }
        return false;
    }

    /** Human-readable problems ("tuesday: 13:00–12:00 closes before it opens"); empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase();
            List<TimeInterval> sessions = on(day);
            for (int i = 0; i < sessions.size(); i++) {
                TimeInterval session = sessions.get(i);
                if (session == null || session.opens() == null || session.closes() == null) {
                    problems.add(name + ": a session needs both opens and closes");
                    continue;
                }
                if (session.isInverted()) {
                    problems.add(name + ": " + describe(session) + " closes before it opens");
                }
                if (i > 0 && sessions.get(i - 1) != null && sessions.get(i - 1).opens() != null
                        && sessions.get(i - 1).closes() != null && !sessions.get(i - 1).isInverted()
                        && !session.isInverted() && sessions.get(i - 1).overlaps(session)) {
                    problems.add(name + ": " + describe(sessions.get(i - 1)) + " overlaps " + describe(session));
                }
            }
        }
        return problems;
    }

    private static String describe(TimeInterval session) {
        return session.opens() + "–" + session.closes();
    }

    private static List<TimeInterval> sorted(List<TimeInterval> sessions) {
        if (sessions == null) {
            return List.of();
        }
        List<TimeInterval> copy = new ArrayList<>(sessions);
        // Nulls and half-filled sessions stay in the list (at the end) so problems() can report them.
        copy.sort(Comparator.nullsLast(Comparator.comparing(TimeInterval::opens,
                Comparator.nullsLast(Comparator.naturalOrder()))));
        return java.util.Collections.unmodifiableList(copy);
    }
}
