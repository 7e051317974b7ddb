package cn.sh.healthcloud.dashboard;

import cn.sh.healthcloud.directory.ShanghaiDistrict;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a readout of Redis into the dashboards' JSON (design §3.2), one document per scope: the
 * city and each district. Pure: no I/O, so every figure is unit-tested.
 */
final class DashboardFigures {

    private final FigureReadout readout;
    private final LocalDate today;
    /** Each day's counts, split by scope: a scope's figures then never walk the other 16 scopes' fields. */
    private final Map<LocalDate, Map<String, Map<String, Long>>> counts = new HashMap<>();
    private final Map<LocalDate, Map<String, Map<String, Long>>> appointments = new HashMap<>();
    private final Map<String, Map<String, JsonObject>> kiosks = new HashMap<>();

    DashboardFigures(FigureReadout readout, LocalDate today) {
        this.readout = readout;
        this.today = today;
        readout.kiosks().forEach((id, json) -> {
            JsonObject kiosk = new JsonObject(json);
            kiosks.computeIfAbsent(FigureKeys.districtOf(kiosk.getString("stationId")), d -> new TreeMap<>()).put(id, kiosk);
        });
        for (int i = 0; i < FigureReconciler.DAYS; i++) {
            LocalDate day = today.minusDays(i);
            counts.put(day, byScope(readout.countsOf(day)));
            appointments.put(day, byScope(readout.appointments().getOrDefault(day, Map.of())));
        }
    }

    /** The city's document and each district's, by scope. */
    Map<String, JsonObject> all() {
        Map<String, JsonObject> views = new LinkedHashMap<>();
        views.put(FigureKeys.CITY, city());
        for (ShanghaiDistrict d : ShanghaiDistrict.values()) {
            views.put(d.code(), district(d));
        }
        return views;
    }

    JsonObject city() {
        JsonObject view = common(FigureKeys.CITY, new JsonObject().put("kind", "city").put("code", FigureKeys.CITY)
                .put("name", "上海市").put("nameEn", "Shanghai"));
        JsonArray districts = new JsonArray();
        int online = 0;
        int registered = 0;
        for (ShanghaiDistrict d : ShanghaiDistrict.values()) {
            Map<String, Long> day = of(counts, today, d.code());
            long assessed = sumPrefix(day, d.code(), Metric.ASSESSED);
            long abnormal = sumPrefix(day, d.code(), Metric.ABNORMAL);
            int districtOnline = readout.online().getOrDefault(d.code(), Set.of()).size();
            int districtRegistered = kiosksOf(d.code()).size();
            online += districtOnline;
            registered += districtRegistered;
            districts.add(new JsonObject().put("code", d.code()).put("name", d.nameZh()).put("nameEn", d.nameEn())
                    .put("readingsToday", get(day, d.code(), Metric.READINGS))
                    .put("residentsToday", served(d.code())[0])
                    .put("abnormalRateToday", rate(abnormal, assessed))
                    .put("kiosksOnline", districtOnline).put("kiosksRegistered", districtRegistered)
                    .put("urgentAlertsToday", get(day, d.code(), Metric.ALERTS)));
        }
        return view.put("kiosks", new JsonObject().put("online", online).put("registered", registered))
                .put("districts", districts);
    }

    JsonObject district(ShanghaiDistrict d) {
        JsonObject view = common(d.code(), new JsonObject().put("kind", "district").put("code", d.code())
                .put("name", d.nameZh()).put("nameEn", d.nameEn()));
        Set<String> online = readout.online().getOrDefault(d.code(), Set.of());
        JsonArray list = new JsonArray();
        for (Map.Entry<String, JsonObject> kiosk : kiosksOf(d.code()).entrySet()) {
            list.add(kiosk.getValue().copy().put("online", online.contains(kiosk.getKey())));
        }
        return view.put("kiosks", new JsonObject().put("online", online.size()).put("registered", list.size())
                .put("list", list));
    }

    private JsonObject common(String scope, JsonObject about) {
        long total = readout.activeSignings(scope, false);
        long priority = readout.activeSignings(scope, true);
        long[] served = served(scope);
        return new JsonObject().put("scope", about)
                .put("windows", new JsonObject()
                        .put("today", window(scope, 1, served[0]))
                        .put("last7Days", window(scope, 7, served[1]))
                        .put("last30Days", window(scope, 30, served[2])))
                .put("signings", new JsonObject().put("total", total).put("inPriorityGroups", priority)
                        .put("priorityShare", rate(priority, total)))
                .put("healthClasses", healthClasses(scope))
                .put("trend", trend(scope));
    }

    /** Residents under contract by class (健康分类), refreshed every classes interval: counts only, no names. */
    private JsonObject healthClasses(String scope) {
        JsonObject classes = new JsonObject();
        for (String healthClass : new String[] {"ill", "recovering", "higher-risk", "healthy"}) {
            classes.put(healthClass, readout.classes().getOrDefault(FigureKeys.field(scope, healthClass), 0L));
        }
        return classes;
    }

    private JsonObject window(String scope, int days, long residents) {
        Map<String, Long> sum = new HashMap<>();
        Map<String, Long> appointments = new HashMap<>();
        for (int i = 0; i < days; i++) {
            LocalDate day = today.minusDays(i);
            of(counts, day, scope).forEach((field, n) -> sum.merge(field, n, Long::sum));
            of(this.appointments, day, scope).forEach((field, n) -> appointments.merge(field, n, Long::sum));
        }
        return new JsonObject().put("from", today.minusDays(days - 1).toString()).put("to", today.toString())
                .put("readings", get(sum, scope, Metric.READINGS))
                .put("residentsServed", residents)
                .put("abnormal", abnormal(sum, scope))
                .put("urgentAlerts", new JsonObject().put("raised", get(sum, scope, Metric.ALERTS))
                        .put("acknowledged", get(sum, scope, Metric.ACKNOWLEDGED)))
                .put("appointments", appointments(appointments, scope))
                .put("signings", new JsonObject().put("new", get(sum, scope, Metric.SIGNED))
                        .put("newInPriorityGroups", get(sum, scope, Metric.SIGNED_PRIORITY)));
    }

    private static JsonObject abnormal(Map<String, Long> sum, String scope) {
        Map<String, long[]> byKind = new TreeMap<>();
        String assessedPrefix = FigureKeys.field(scope, Metric.ASSESSED);
        String abnormalPrefix = FigureKeys.field(scope, Metric.ABNORMAL);
        sum.forEach((field, n) -> {
            if (field.startsWith(assessedPrefix)) {
                byKind.computeIfAbsent(field.substring(assessedPrefix.length()), k -> new long[2])[0] += n;
            } else if (field.startsWith(abnormalPrefix)) {
                byKind.computeIfAbsent(field.substring(abnormalPrefix.length()), k -> new long[2])[1] += n;
            }
        });
        JsonArray kinds = new JsonArray();
        long assessed = 0;
        long abnormal = 0;
        for (Map.Entry<String, long[]> kind : byKind.entrySet()) {
            long[] n = kind.getValue();
            assessed += n[0];
            abnormal += n[1];
            kinds.add(new JsonObject().put("kind", kind.getKey()).put("assessed", n[0]).put("abnormal", n[1])
                    .put("rate", rate(n[1], n[0])));
        }
        return new JsonObject().put("assessed", assessed).put("abnormal", abnormal).put("rate", rate(abnormal, assessed))
                .put("byKind", kinds);
    }

    private static JsonObject appointments(Map<String, Long> use, String scope) {
        String prefix = scope + "|";
        Set<String> services = new TreeSet<>();
        use.keySet().stream().filter(f -> f.startsWith(prefix)).forEach(f -> {
            String metric = f.substring(prefix.length());
            services.add(metric.substring(metric.indexOf(':') + 1));
        });
        JsonArray byService = new JsonArray();
        long booked = 0;
        long capacity = 0;
        long noShows = 0;
        for (String service : services) {
            long b = get(use, scope, Metric.BOOKED + service);
            long c = get(use, scope, Metric.CAPACITY + service);
            long n = get(use, scope, Metric.NO_SHOWS + service);
            booked += b;
            capacity += c;
            noShows += n;
            byService.add(new JsonObject().put("service", service).put("booked", b).put("capacity", c).put("noShows", n));
        }
        return new JsonObject().put("booked", booked).put("capacity", capacity).put("noShows", noShows)
                .put("byService", byService);
    }

    private JsonArray trend(String scope) {
        JsonArray trend = new JsonArray();
        for (int i = FigureReconciler.DAYS - 1; i >= 0; i--) {
            LocalDate day = today.minusDays(i);
            Map<String, Long> c = of(counts, day, scope);
            long assessed = sumPrefix(c, scope, Metric.ASSESSED);
            long abnormal = sumPrefix(c, scope, Metric.ABNORMAL);
            trend.add(new JsonObject().put("day", day.toString()).put("readings", get(c, scope, Metric.READINGS))
                    .put("assessed", assessed).put("abnormal", abnormal).put("abnormalRate", rate(abnormal, assessed)));
        }
        return trend;
    }

    private Map<String, JsonObject> kiosksOf(String district) {
        return kiosks.getOrDefault(district, Map.of());
    }

    private long[] served(String scope) {
        return readout.served().getOrDefault(scope, new long[3]);
    }

    private static Map<String, Map<String, Long>> byScope(Map<String, Long> fields) {
        Map<String, Map<String, Long>> scoped = new HashMap<>();
        fields.forEach((field, n) -> {
            int bar = field.indexOf('|');
            if (bar > 0) {
                scoped.computeIfAbsent(field.substring(0, bar), k -> new HashMap<>()).put(field, n);
            }
        });
        return scoped;
    }

    private static Map<String, Long> of(Map<LocalDate, Map<String, Map<String, Long>>> days, LocalDate day, String scope) {
        return days.getOrDefault(day, Map.of()).getOrDefault(scope, Map.of());
    }

    private static long get(Map<String, Long> counts, String scope, String metric) {
        return counts.getOrDefault(FigureKeys.field(scope, metric), 0L);
    }

    private static long sumPrefix(Map<String, Long> counts, String scope, String metricPrefix) {
        String prefix = FigureKeys.field(scope, metricPrefix);
        long sum = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /** A share rounded to four places, or null when there is nothing to divide by. */
    static Double rate(long part, long whole) {
        return whole <= 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
