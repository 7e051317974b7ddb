package cn.sh.healthcloud.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a readout of Redis becomes the dashboards' documents: settled plus unsettled live counts, windows, rates. */
class DashboardFiguresTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    /** 10:00 in Shanghai. */
    private static final long SETTLED = FigureKeys.startOf(TODAY).getEpochSecond() + 10 * 3600;

    @Test
    void aFigureIsTheSettledCountPlusTheLiveSlicesFromTheSettledInstantOn() {
        JsonObject yangpu = figures().get("310110");
        JsonObject today = yangpu.getJsonObject("windows").getJsonObject("today");
        // 5 settled + 2 live after the settled instant; the 100 counted live before it are settled already.
        assertThat(today.getLong("readings")).isEqualTo(7);
        assertThat(yangpu.getJsonObject("windows").getJsonObject("last7Days").getLong("readings")).isEqualTo(9);
        assertThat(yangpu.getJsonObject("windows").getJsonObject("last30Days").getLong("readings")).isEqualTo(16);
        assertThat(today.getString("from")).isEqualTo("2026-11-22");
        assertThat(yangpu.getJsonObject("windows").getJsonObject("last7Days").getString("from")).isEqualTo("2026-11-16");
    }

    @Test
    void theAbnormalRateIsPerMeasurementKindAndNullWithNothingAssessed() {
        JsonObject abnormal = figures().get("310110").getJsonObject("windows").getJsonObject("today").getJsonObject("abnormal");
        assertThat(abnormal.getLong("assessed")).isEqualTo(6);
        assertThat(abnormal.getLong("abnormal")).isEqualTo(2);
        assertThat(abnormal.getDouble("rate")).isEqualTo(0.3333);
        JsonObject bloodPressure = abnormal.getJsonArray("byKind").getJsonObject(0);
        assertThat(bloodPressure.getString("kind")).isEqualTo("blood-pressure");
        assertThat(bloodPressure.getDouble("rate")).isEqualTo(0.25);
        assertThat(abnormal.getJsonArray("byKind").getJsonObject(1).getString("kind")).isEqualTo("glucose");

        JsonObject pudong = figures().get("310115").getJsonObject("windows").getJsonObject("today").getJsonObject("abnormal");
        assertThat(pudong.getValue("rate")).isNull();
        assertThat(pudong.getJsonArray("byKind")).isEmpty();
    }

    @Test
    void activeContractsAreSettledPlusSignedMinusEndedSinceAndTheShareInPriorityGroups() {
        JsonObject signings = figures().get("310110").getJsonObject("signings");
        assertThat(signings.getLong("total")).isEqualTo(10 + 1 - 1);
        assertThat(signings.getLong("inPriorityGroups")).isEqualTo(4);
        assertThat(signings.getDouble("priorityShare")).isEqualTo(0.4);
        JsonObject today = figures().get("310110").getJsonObject("windows").getJsonObject("today").getJsonObject("signings");
        assertThat(today.getLong("new")).isEqualTo(2);
        assertThat(today.getLong("newInPriorityGroups")).isEqualTo(1);
    }

    @Test
    void appointmentUseIsSummedByServiceOverTheWindow() {
        JsonObject week = figures().get("310110").getJsonObject("windows").getJsonObject("last7Days").getJsonObject("appointments");
        assertThat(week.getLong("capacity")).isEqualTo(30);
        assertThat(week.getLong("booked")).isEqualTo(13);
        assertThat(week.getLong("noShows")).isEqualTo(1);
        JsonArray byService = week.getJsonArray("byService");
        assertThat(byService).hasSize(2);
        assertThat(byService.getJsonObject(0).getString("service")).isEqualTo("family-doctor");
        assertThat(byService.getJsonObject(1).getMap()).containsEntry("service", "tcm").containsEntry("capacity", 20L)
                .containsEntry("booked", 5L).containsEntry("noShows", 1L);
        JsonObject today = figures().get("310110").getJsonObject("windows").getJsonObject("today").getJsonObject("appointments");
        assertThat(today.getLong("capacity")).isEqualTo(20);
    }

    @Test
    void kiosksAreListedWithTheirPresenceAndCountedForTheCity() {
        JsonObject kiosks = figures().get("310110").getJsonObject("kiosks");
        assertThat(kiosks.getInteger("online")).isEqualTo(1);
        assertThat(kiosks.getInteger("registered")).isEqualTo(2);
        assertThat(kiosks.getJsonArray("list").getJsonObject(0).getMap()).containsEntry("id", "K-310110-0001")
                .containsEntry("online", true).containsEntry("stationName", "定海路社区卫生服务中心");
        assertThat(kiosks.getJsonArray("list").getJsonObject(1).getBoolean("online")).isFalse();

        JsonObject city = figures().get("city");
        assertThat(city.getJsonObject("kiosks").getMap()).containsEntry("online", 1).containsEntry("registered", 3);
        assertThat(city.getJsonObject("kiosks").containsKey("list")).isFalse();
        JsonArray districts = city.getJsonArray("districts");
        assertThat(districts).hasSize(16);
        JsonObject yangpu = districts.stream().map(JsonObject.class::cast).filter(d -> d.getString("code").equals("310110"))
                .findFirst().orElseThrow();
        assertThat(yangpu.getMap()).containsEntry("readingsToday", 7L).containsEntry("residentsToday", 3L)
                .containsEntry("abnormalRateToday", 0.3333).containsEntry("kiosksOnline", 1).containsEntry("urgentAlertsToday", 1L);
    }

    @Test
    void theTrendHasThirtyDaysOldestFirst() {
        JsonArray trend = figures().get("310110").getJsonArray("trend");
        assertThat(trend).hasSize(30);
        assertThat(trend.getJsonObject(0).getString("day")).isEqualTo("2026-10-24");
        assertThat(trend.getJsonObject(29).getMap()).containsEntry("day", "2026-11-22").containsEntry("readings", 7L)
                .containsEntry("abnormalRate", 0.3333);
        assertThat(trend.getJsonObject(26).getLong("readings")).isEqualTo(2);
        assertThat(trend.getJsonObject(28).getValue("abnormalRate")).isNull();
    }

    @Test
    void residentsServedComeFromTheHyperLogLogCounts() {
        JsonObject windows = figures().get("310110").getJsonObject("windows");
        assertThat(windows.getJsonObject("today").getLong("residentsServed")).isEqualTo(3);
        assertThat(windows.getJsonObject("last7Days").getLong("residentsServed")).isEqualTo(5);
        assertThat(windows.getJsonObject("last30Days").getLong("residentsServed")).isEqualTo(9);
        assertThat(figures().get("310115").getJsonObject("windows").getJsonObject("today").getLong("residentsServed"))
                .isZero();
    }

    @Test
    void residentsUnderContractAreCountedByHealthClassWithZeroForAClassNobodyIsIn() {
        assertThat(figures().get("310110").getJsonObject("healthClasses").getMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of("ill", 3L, "recovering", 0L, "higher-risk", 0L, "healthy", 5L));
        assertThat(figures().get("city").getJsonObject("healthClasses").getMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of("ill", 4L, "recovering", 0L, "higher-risk", 2L, "healthy", 5L));
        assertThat(figures().get("310115").getJsonObject("healthClasses").getLong("ill")).isZero();
    }

    @Test
    void slicesAreAlignedAndDaysAreShanghaiDays() {
        Instant at = Instant.parse("2026-11-22T15:59:58Z"); // 23:59:58 in Shanghai
        assertThat(FigureKeys.sliceStart(at, Duration.ofSeconds(5))).isEqualTo(at.getEpochSecond() - 3);
        assertThat(FigureKeys.dayOf(at)).isEqualTo(TODAY);
        assertThat(FigureKeys.dayOf(at.plusSeconds(2))).isEqualTo(TODAY.plusDays(1));
        assertThat(FigureKeys.districtOf("310110-0007")).isEqualTo("310110");
        assertThat(FigureKeys.districtOf(null)).isNull();
    }

    @Test
    void aDeltaCountsEachDistrictFigureForTheCityToo() {
        FigureDelta delta = new FigureDelta().count("k", "310110", Metric.READINGS, 2).count("k", "310115", Metric.READINGS, 1)
                .count("k", "310110", Metric.ALERTS, 0).served(TODAY, "310110", "r1").served(TODAY, "310110", null);
        assertThat(delta.counts().get("k")).containsExactlyInAnyOrderEntriesOf(Map.of("310110|readings", 2L,
                "310115|readings", 1L, "city|readings", 3L));
        assertThat(delta.served()).containsOnlyKeys(FigureKeys.residents(TODAY, "310110"), FigureKeys.residents(TODAY, "city"));
        assertThat(delta.servedRequests(1000)).hasSize(4);
    }

    private static Map<String, JsonObject> figures() {
        Map<LocalDate, Map<String, Long>> days = new HashMap<>();
        days.put(TODAY, counts("readings", 5, "assessed:blood-pressure", 3, "abnormal:blood-pressure", 1,
                "assessed:glucose", 2, "abnormal:glucose", 1, "alerts", 1, "signed", 1, "signed-priority", 1));
        days.put(TODAY.minusDays(3), counts("readings", 2));
        days.put(TODAY.minusDays(10), counts("readings", 7));
        Map<Long, Map<String, Long>> live = new HashMap<>();
        live.put(SETTLED - 5, counts("readings", 100));
        live.put(SETTLED, counts("readings", 2, "assessed:blood-pressure", 1, "signed", 1, "ended", 1, "ended-priority", 0));
        Map<LocalDate, Map<String, Long>> appointments = new HashMap<>();
        appointments.put(TODAY, counts("capacity:tcm", 20, "booked:tcm", 5, "no-shows:tcm", 1));
        appointments.put(TODAY.minusDays(2), counts("capacity:family-doctor", 10, "booked:family-doctor", 8));
        Map<String, Long> signings = counts("total", 10, "total-priority", 4);
        Map<String, String> kiosks = Map.of(
                "K-310110-0001", kiosk("K-310110-0001", "310110-0001", "定海路社区卫生服务中心"),
                "K-310110-0002", kiosk("K-310110-0002", "310110-0002", "殷行社区卫生服务中心"),
                "K-310115-0001", kiosk("K-310115-0001", "310115-0001", "潍坊社区卫生服务中心"));
        Map<String, Set<String>> online = Map.of("310110", Set.of("K-310110-0001"));
        Map<String, long[]> served = Map.of("310110", new long[] {3, 5, 9}, "city", new long[] {3, 5, 9});
        FigureReadout readout = new FigureReadout(SETTLED, days, live, appointments, signings, kiosks, online, served,
                Map.of("310110|ill", 3L, "310110|healthy", 5L, "city|ill", 4L, "city|healthy", 5L, "city|higher-risk", 2L));
        return new DashboardFigures(readout, TODAY).all();
    }

    /** The same counts for Yangpu and for the city. */
    private static Map<String, Long> counts(Object... metricAndCount) {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < metricAndCount.length; i += 2) {
            long n = ((Number) metricAndCount[i + 1]).longValue();
            counts.put("310110|" + metricAndCount[i], n);
            counts.put("city|" + metricAndCount[i], n);
        }
        return counts;
    }

    private static String kiosk(String id, String station, String name) {
        return new JsonObject().put("id", id).put("stationId", station).put("stationName", name).put("latitude", 31.27)
                .put("longitude", 121.52).encode();
    }
}
