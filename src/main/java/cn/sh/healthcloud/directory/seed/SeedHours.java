package cn.sh.healthcloud.directory.seed;

import cn.sh.healthcloud.directory.Closure;
import cn.sh.healthcloud.directory.OpeningHours;
import cn.sh.healthcloud.directory.TimeInterval;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Opening hours and dated closures as Shanghai's community facilities keep them (facilities.md): centres
 * run a midday clinic without a lunch closure plus weekend mornings, stations close for lunch, office-building
 * stations open around lunch and after work. The variants keep a seeded city from looking stamped out.
 */
final class SeedHours {

    private static final TimeInterval CENTRE_DAY = TimeInterval.of("08:00", "16:30");
    private static final TimeInterval EVENING = TimeInterval.of("17:30", "20:00");
    private static final TimeInterval MORNING = TimeInterval.of("08:00", "11:30");
    private static final TimeInterval AFTERNOON = TimeInterval.of("13:00", "16:30");
    private static final TimeInterval EARLY_MORNING = TimeInterval.of("07:30", "11:00");
    private static final TimeInterval VILLAGE_AFTERNOON = TimeInterval.of("13:30", "16:30");
    private static final TimeInterval OFFICE_LUNCH = TimeInterval.of("11:30", "13:30");
    private static final TimeInterval OFFICE_AFTER_WORK = TimeInterval.of("17:00", "19:30");
    private static final TimeInterval ALL_DAY = TimeInterval.of("00:00", "00:00");

    static final Closure NATIONAL_DAY =
            new Closure(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 3), "国庆节");
    static final Closure SPRING_FESTIVAL =
            new Closure(LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 8), "春节");

    private SeedHours() {}

    /** Weekdays 08:00–16:30 straight through; some centres add evening sessions; weekend mornings citywide. */
    static OpeningHours centre(SplittableRandom random) {
        double evenings = random.nextDouble();
        List<List<TimeInterval>> week = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            // Evening sessions: every weekday at a quarter of centres, Tuesday and Thursday at a third more.
            boolean evening = evenings < 0.25 || (evenings < 0.6 && (day == 1 || day == 3));
            week.add(evening ? List.of(CENTRE_DAY, EVENING) : List.of(CENTRE_DAY));
        }
        boolean saturdayFullDay = random.nextDouble() < 0.15;
        week.add(List.of(saturdayFullDay ? CENTRE_DAY : MORNING));
        week.add(List.of(MORNING));
        return of(week);
    }

    static OpeningHours subCentre(SplittableRandom random) {
        List<TimeInterval> weekday = random.nextDouble() < 0.6 ? List.of(CENTRE_DAY) : List.of(MORNING, AFTERNOON);
        List<TimeInterval> saturday = random.nextDouble() < 0.5 ? List.of(MORNING) : List.of();
        return new OpeningHours(weekday, weekday, weekday, weekday, weekday, saturday, List.of());
    }

    /** Morning and afternoon with a lunch gap; some open early for fasting blood tests, some on Saturday. */
    static OpeningHours serviceStation(SplittableRandom random) {
        List<TimeInterval> morning = List.of(random.nextDouble() < 0.15 ? EARLY_MORNING : MORNING);
        List<TimeInterval> weekday = concat(morning, List.of(AFTERNOON));
        // A tenth close on Thursday afternoon for the staff's weekly training (业务学习).
        List<TimeInterval> thursday = random.nextDouble() < 0.1 ? morning : weekday;
        List<TimeInterval> saturday = random.nextDouble() < 0.35 ? morning : List.of();
        return new OpeningHours(weekday, weekday, weekday, thursday, weekday, saturday, List.of());
    }

    /** Office-building stations serve workers at lunch and after work, weekdays only. */
    static OpeningHours officeBuildingStation() {
        return OpeningHours.weekdaysAndWeekend(List.of(OFFICE_LUNCH, OFFICE_AFTER_WORK), List.of());
    }

    /** Village doctors start early, before field work; Saturday morning, some Sunday morning too. */
    static OpeningHours villageClinic(SplittableRandom random) {
        List<TimeInterval> weekday = List.of(EARLY_MORNING, VILLAGE_AFTERNOON);
        List<TimeInterval> sunday = random.nextDouble() < 0.15 ? List.of(EARLY_MORNING) : List.of();
        return new OpeningHours(weekday, weekday, weekday, weekday, weekday, List.of(EARLY_MORNING), sunday);
    }

    /** Self-service kiosks: open every day, into the evening. */
    static OpeningHours smartHealthStation(SplittableRandom random) {
        double variant = random.nextDouble();
        String closes = variant < 0.1 ? "21:00" : "20:00";
        String opens = variant > 0.95 ? "07:00" : "08:00";
        return OpeningHours.daily(List.of(TimeInterval.of(opens, closes)));
    }

    /** A roving TCM team visits about seven half-days a week (Monday to Saturday morning). */
    static OpeningHours tcmStation(SplittableRandom random) {
        int[] halfDaysChoice = {6, 7, 7, 7, 8};
        int halfDays = halfDaysChoice[random.nextInt(halfDaysChoice.length)];
        // Half-day slots: Monday–Friday morning and afternoon, Saturday morning.
        int slots = 11;
        int[] order = Shuffle.indices(slots, random);
        boolean[] open = new boolean[slots];
        for (int i = 0; i < halfDays; i++) {
            open[order[i]] = true;
        }
        List<List<TimeInterval>> week = new ArrayList<>();
        for (int day = 0; day < 6; day++) {
            List<TimeInterval> sessions = new ArrayList<>();
            if (open[day * 2]) {
                sessions.add(MORNING);
            }
            if (day < 5 && open[day * 2 + 1]) {
                sessions.add(AFTERNOON);
            }
            week.add(sessions);
        }
        week.add(List.of());
        return of(week);
    }

    static OpeningHours rehabCentre(SplittableRandom random) {
        List<TimeInterval> saturday = random.nextDouble() < 0.4 ? List.of(MORNING) : List.of();
        List<TimeInterval> weekday = List.of(MORNING, AFTERNOON);
        return new OpeningHours(weekday, weekday, weekday, weekday, weekday, saturday, List.of());
    }

    static OpeningHours nursingCentre(SplittableRandom random) {
        List<TimeInterval> weekday = random.nextDouble() < 0.5
                ? List.of(TimeInterval.of("08:00", "16:00"))
                : List.of(MORNING, AFTERNOON);
        return OpeningHours.weekdaysAndWeekend(weekday, List.of());
    }

    /** Minor surgery is planned: day sessions, at some rooms only three days a week. */
    static OpeningHours outpatientSurgery(SplittableRandom random) {
        List<TimeInterval> day = List.of(TimeInterval.of("08:30", "11:00"), TimeInterval.of("13:30", "16:00"));
        if (random.nextDouble() < 0.5) {
            return new OpeningHours(day, List.of(), day, List.of(), day, List.of(), List.of());
        }
        return OpeningHours.weekdaysAndWeekend(day, List.of());
    }

    static OpeningHours feverClinic() {
        return OpeningHours.daily(List.of(ALL_DAY));
    }

    /** Holiday closures, each drawn with its own chance (both draws always made, so the sequence is stable). */
    static List<Closure> holidays(SplittableRandom random, double nationalDayChance, double springFestivalChance) {
        boolean nationalDay = random.nextDouble() < nationalDayChance;
        boolean springFestival = random.nextDouble() < springFestivalChance;
        List<Closure> closures = new ArrayList<>(2);
        if (nationalDay) {
            closures.add(NATIONAL_DAY);
        }
        if (springFestival) {
            closures.add(SPRING_FESTIVAL);
        }
        return List.copyOf(closures);
    }

    private static OpeningHours of(List<List<TimeInterval>> week) {
        return new OpeningHours(week.get(0), week.get(1), week.get(2), week.get(3), week.get(4), week.get(5),
                week.get(6));
    }

    private static List<TimeInterval> concat(List<TimeInterval> first, List<TimeInterval> second) {
        List<TimeInterval> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
