package cn.sh.healthcloud.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds station documents as a client sends them (plain JSON values), one field at a time. */
final class StationJson {

    static final List<Map<String, String>> WEEKDAY_DAY = List.of(session("08:00", "16:30"));
    static final List<Map<String, String>> MORNING = List.of(session("08:00", "11:30"));
    static final List<Map<String, String>> MORNING_AND_AFTERNOON = List.of(session("08:00", "11:30"), session("13:00", "16:30"));
    static final List<Map<String, String>> ALL_DAY = List.of(session("00:00", "00:00"));

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private StationJson(String type, String name, String district, double lat, double lon) {
        fields.put("type", type);
        fields.put("name", name);
        fields.put("district", district);
        fields.put("street", "测试街道");
        fields.put("address", "上海市测试路" + Math.abs(name.hashCode() % 1000) + "号");
        fields.put("position", Map.of("lat", lat, "lon", lon));
        fields.put("phone", "021-6543 2100");
        fields.put("services", List.of("general-practice", "family-doctor"));
        fields.put("openingHours", weekdaysAndWeekend(WEEKDAY_DAY, MORNING));
        fields.put("closures", new ArrayList<>());
    }

    static StationJson of(String type, String name, String district, double lat, double lon) {
        return new StationJson(type, name, district, lat, lon);
    }

    StationJson with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    StationJson without(String field) {
        fields.remove(field);
        return this;
    }

    Map<String, Object> json() {
        return new LinkedHashMap<>(fields);
    }

    static Map<String, String> session(String opens, String closes) {
        return Map.of("opens", opens, "closes", closes);
    }

    static Map<String, Object> weekdaysAndWeekend(List<?> weekdays, List<?> weekend) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            hours.put(day, weekdays);
        }
        hours.put("saturday", weekend);
        hours.put("sunday", weekend);
        return hours;
    }

    static Map<String, Object> daily(List<?> sessions) {
        return weekdaysAndWeekend(sessions, sessions);
    }

    static Map<String, Object> onDays(List<?> sessions, String... days) {
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : days) {
            hours.put(day, sessions);
        }
        return hours;
    }
}
