package cn.sh.healthcloud.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StationIndexTest {

    private static final GeoPoint YANGPU = ShanghaiDistrict.YANGPU.centre();

    @Test
    void gridSearchFindsExactlyWhatAFullScanFinds() {
        Random random = new Random(7);
        List<IndexedStation> stations = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            GeoPoint p = new GeoPoint(YANGPU.lat() + (random.nextDouble() - 0.5) * 0.4,
                    YANGPU.lon() + (random.nextDouble() - 0.5) * 0.4);
            stations.add(station(String.format("310110-%04d", i), p, 0));
        }
        StationIndex index = new StationIndex();
        index.replaceAll(stations);

        for (int q = 0; q < 200; q++) {
            GeoPoint centre = new GeoPoint(YANGPU.lat() + (random.nextDouble() - 0.5) * 0.4,
                    YANGPU.lon() + (random.nextDouble() - 0.5) * 0.4);
            double radius = 100 + random.nextDouble() * 8_000;
            List<String> expected = stations.stream()
                    .filter(s -> centre.distanceMeters(s.position()) <= radius)
                    .sorted(Comparator.comparingDouble((IndexedStation s) -> centre.distanceMeters(s.position()))
                            .thenComparing(IndexedStation::id))
                    .map(IndexedStation::id).toList();

            StationIndex.Result result = index.search(query(centre, radius, 0, 5_000));

            assertThat(result.hits()).extracting(h -> h.station().id()).containsExactlyElementsOf(expected);
            assertThat(result.total()).isEqualTo(expected.size());
        }
    }

    @Test
    void pagesSliceTheOrderedResults() {
        StationIndex index = new StationIndex();
        List<IndexedStation> stations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stations.add(station("310110-000" + i, new GeoPoint(YANGPU.lat() + i * 0.001, YANGPU.lon()), 0));
        }
        index.replaceAll(stations);

        StationIndex.Result second = index.search(query(YANGPU, 10_000, 1, 2));
        StationIndex.Result beyond = index.search(query(YANGPU, 10_000, 3, 2));

        assertThat(second.hits()).extracting(h -> h.station().id()).containsExactly("310110-0002", "310110-0003");
        assertThat(second.total()).isEqualTo(5);
        assertThat(beyond.hits()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        StationIndex index = new StationIndex();
        index.replaceAll(List.of(station("310110-0001", YANGPU, 3)));

        int applied = index.apply(List.of(station("310110-0001", new GeoPoint(31.0, 121.0), 2)));

        assertThat(applied).isZero();
        assertThat(index.byId("310110-0001")).get().extracting(IndexedStation::version).isEqualTo(3);
    }

    @Test
    void aNewerVersionMovesTheStationInTheGrid() {
        StationIndex index = new StationIndex();
        index.replaceAll(List.of(station("310110-0001", YANGPU, 0)));
        GeoPoint moved = new GeoPoint(YANGPU.lat() + 0.05, YANGPU.lon());

        index.apply(List.of(station("310110-0001", moved, 1)));

        assertThat(index.search(query(YANGPU, 1_000, 0, 10)).hits()).isEmpty();
        assertThat(index.search(query(moved, 1_000, 0, 10)).hits()).hasSize(1);
    }

    private static StationQuery query(GeoPoint near, double radius, int page, int size) {
        return new StationQuery(near, radius, null, null, null, null, List.of(), page, size);
    }

    private static IndexedStation station(String id, GeoPoint position, int version) {
        return new IndexedStation(id, FacilityType.SERVICE_STATION, "站" + id, "310110", "殷行街道", "殷行路1号", position,
                null, null, Set.of(CareService.GENERAL_PRACTICE), OpeningHours.closed(), List.of(), StationStatus.ACTIVE,
                version, id);
    }
}
