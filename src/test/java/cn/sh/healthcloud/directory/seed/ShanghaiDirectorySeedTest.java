package cn.sh.healthcloud.directory.seed;

import static cn.sh.healthcloud.directory.CareService.ACUPUNCTURE;
import static cn.sh.healthcloud.directory.CareService.CHRONIC_DISEASE_FOLLOW_UP;
import static cn.sh.healthcloud.directory.CareService.FAMILY_DOCTOR;
import static cn.sh.healthcloud.directory.CareService.FITNESS_TEST;
import static cn.sh.healthcloud.directory.CareService.GENERAL_PRACTICE;
import static cn.sh.healthcloud.directory.CareService.HEALTH_SELF_CHECK;
import static cn.sh.healthcloud.directory.CareService.HOME_HOSPITAL_BED;
import static cn.sh.healthcloud.directory.CareService.HOSPICE_CARE;
import static cn.sh.healthcloud.directory.CareService.MINOR_SURGERY;
import static cn.sh.healthcloud.directory.CareService.NURSING;
import static cn.sh.healthcloud.directory.CareService.PEDIATRICS;
import static cn.sh.healthcloud.directory.CareService.PSYCHOLOGICAL_COUNSELLING;
import static cn.sh.healthcloud.directory.CareService.REHABILITATION;
import static cn.sh.healthcloud.directory.CareService.TCM;
import static cn.sh.healthcloud.directory.CareService.TUINA;
import static cn.sh.healthcloud.directory.CareService.VACCINATION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.directory.CareService;
import cn.sh.healthcloud.directory.Closure;
import cn.sh.healthcloud.directory.FacilityType;
import cn.sh.healthcloud.directory.GeoPoint;
import cn.sh.healthcloud.directory.ShanghaiDistrict;
import cn.sh.healthcloud.directory.StationRequest;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShanghaiDirectorySeedTest {

    private static final List<SeedStation> SEED = ShanghaiDirectorySeed.generate();

    private static final Set<ShanghaiDistrict> SUBURBAN = EnumSet.of(ShanghaiDistrict.MINHANG,
            ShanghaiDistrict.BAOSHAN, ShanghaiDistrict.JIADING, ShanghaiDistrict.PUDONG, ShanghaiDistrict.JINSHAN,
            ShanghaiDistrict.SONGJIANG, ShanghaiDistrict.QINGPU, ShanghaiDistrict.FENGXIAN,
            ShanghaiDistrict.CHONGMING);

    /**
     * How far from the district's listed centre a facility may plausibly be: a few km in the compact city
     * districts, the length of Pudong down to Lingang, Chongming out to Changxing and Hengsha islands.
     */
    private static final Map<ShanghaiDistrict, Double> MAX_SPREAD_KM = maxSpreadKm();

    private static Map<ShanghaiDistrict, Double> maxSpreadKm() {
        Map<ShanghaiDistrict, Double> km = new EnumMap<>(ShanghaiDistrict.class);
        km.put(ShanghaiDistrict.HUANGPU, 6.0);
        km.put(ShanghaiDistrict.XUHUI, 11.0);
        km.put(ShanghaiDistrict.CHANGNING, 10.0);
        km.put(ShanghaiDistrict.JINGAN, 8.0);
        km.put(ShanghaiDistrict.PUTUO, 8.0);
        km.put(ShanghaiDistrict.HONGKOU, 7.0);
        km.put(ShanghaiDistrict.YANGPU, 11.0);
        km.put(ShanghaiDistrict.MINHANG, 25.0);
        km.put(ShanghaiDistrict.BAOSHAN, 24.0);
        km.put(ShanghaiDistrict.JIADING, 24.0);
        km.put(ShanghaiDistrict.PUDONG, 60.0);
        km.put(ShanghaiDistrict.JINSHAN, 45.0);
        km.put(ShanghaiDistrict.SONGJIANG, 26.0);
        km.put(ShanghaiDistrict.QINGPU, 30.0);
        km.put(ShanghaiDistrict.FENGXIAN, 32.0);
        km.put(ShanghaiDistrict.CHONGMING, 58.0);
        return km;
    }

    @Test
    void everyCallGivesTheSameDirectory() {
        assertThat(ShanghaiDirectorySeed.generate()).isEqualTo(SEED);
    }

    @Test
    void hasThePublishedScale() {
        assertThat(SEED).hasSizeBetween(2_800, 3_300);
        Map<FacilityType, Integer> byType = countByType(SEED);
        assertThat(byType.get(FacilityType.COMMUNITY_HEALTH_CENTER)).isBetween(240, 260);
        assertThat(byType.get(FacilityType.COMMUNITY_HEALTH_SUBCENTER)).isBetween(90, 110);
        assertThat(byType.get(FacilityType.SERVICE_STATION)).isBetween(740, 820);
        assertThat(byType.get(FacilityType.VILLAGE_CLINIC)).isBetween(1_100, 1_250);
        assertThat(byType.get(FacilityType.SMART_HEALTH_STATION)).isBetween(210, 230);
        assertThat(byType.get(FacilityType.TCM_STATION)).isBetween(220, 240);
        assertThat(byType.get(FacilityType.REHAB_CENTER)).isEqualTo(10);
        assertThat(byType.get(FacilityType.NURSING_CENTER)).isBetween(60, 70);
        assertThat(byType.get(FacilityType.OUTPATIENT_SURGERY)).isBetween(55, 65);
        assertThat(byType.get(FacilityType.FEVER_CLINIC)).isBetween(30, 38);
    }

    @Test
    void idsAreUniqueAndNumberedWithinTheirDistrictInOrder() {
        Set<String> ids = new HashSet<>();
        Map<String, Integer> lastSerial = new HashMap<>();
        for (SeedStation station : SEED) {
            assertThat(ids.add(station.id())).as("unique id %s", station.id()).isTrue();
            assertThat(station.id()).matches("\\d{6}-\\d{4}");
            String district = station.id().substring(0, 6);
            assertThat(district).isEqualTo(station.request().district());
            int serial = Integer.parseInt(station.id().substring(7));
            assertThat(serial).as(station.id()).isEqualTo(lastSerial.getOrDefault(district, 0) + 1);
            lastSerial.put(district, serial);
        }
    }

    @Test
    void everyDistrictHasFacilitiesRoughlyInProportionToItsPopulation() {
        double totalPopulation = 0;
        for (ShanghaiDistrict district : ShanghaiDistrict.values()) {
            totalPopulation += district.population10k();
        }
        // Village clinics follow rural extent, not population; everything else should track residents.
        List<SeedStation> urbanKinds = SEED.stream()
                .filter(s -> s.request().type() != FacilityType.VILLAGE_CLINIC).toList();
        List<SeedStation> serviceStations = SEED.stream()
                .filter(s -> s.request().type() == FacilityType.SERVICE_STATION).toList();
        double urbanPerResident = urbanKinds.size() / totalPopulation;
        Map<ShanghaiDistrict, Integer> all = countByDistrict(SEED);
        Map<ShanghaiDistrict, Integer> urban = countByDistrict(urbanKinds);
        Map<ShanghaiDistrict, Integer> stations = countByDistrict(serviceStations);
        for (ShanghaiDistrict district : ShanghaiDistrict.values()) {
            double share = district.population10k() / totalPopulation;
            assertThat(all.get(district)).as(district.nameEn()).isPositive();
            assertThat(urban.get(district) / (district.population10k() * urbanPerResident)).as(district.nameEn())
                    .isBetween(0.5, 2.0);
            assertThat(stations.get(district) / (share * serviceStations.size())).as(district.nameEn())
                    .isBetween(0.8, 1.25);
        }
        assertThat(all.get(ShanghaiDistrict.PUDONG))
                .isEqualTo(all.values().stream().mapToInt(i -> i).max().orElseThrow());
    }

    @Test
    void villageClinicsAreOnlyInSuburbanDistricts() {
        Map<ShanghaiDistrict, Integer> clinics = countByDistrict(SEED.stream()
                .filter(s -> s.request().type() == FacilityType.VILLAGE_CLINIC).toList());
        for (ShanghaiDistrict district : ShanghaiDistrict.values()) {
            if (SUBURBAN.contains(district)) {
                assertThat(clinics.get(district)).as(district.nameEn()).isPositive();
            } else {
                assertThat(clinics.get(district)).as(district.nameEn()).isZero();
            }
        }
    }

    @Test
    void openingHoursAreValidAndClosuresRunForwards() {
        Set<String> reasons = new HashSet<>();
        for (SeedStation station : SEED) {
            StationRequest request = station.request();
            assertThat(request.openingHours().problems()).as(station.id()).isEmpty();
            for (Closure closure : request.closures()) {
                assertThat(closure.from()).as(station.id()).isBeforeOrEqualTo(closure.to());
                reasons.add(closure.reason());
            }
            if (request.type() == FacilityType.FEVER_CLINIC) {
                assertThat(request.closures()).as(station.id()).isEmpty();
                assertThat(request.openingHours().isOpenAt(LocalDateTime.of(2027, 2, 7, 3, 0))).isTrue();
                assertThat(request.openingHours().isOpenAt(LocalDateTime.of(2026, 10, 3, 23, 59))).isTrue();
            }
        }
        assertThat(reasons).contains("春节", "国庆节", "装修");
    }

    @Test
    void positionsLieInShanghaiWithinTheirDistrictAndNearTheirCentre() {
        Map<String, StationRequest> byId = new HashMap<>();
        for (SeedStation station : SEED) {
            StationRequest request = station.request();
            double lat = request.position().lat();
            double lon = request.position().lon();
            assertThat(lat).as(station.id()).isBetween(30.65, 31.90);
            assertThat(lon).as(station.id()).isBetween(120.85, 122.05);
            assertThat(Math.round(lat * 1e6) / 1e6).as("6 decimals").isEqualTo(lat);
            assertThat(Math.round(lon * 1e6) / 1e6).as("6 decimals").isEqualTo(lon);
            ShanghaiDistrict district = ShanghaiDistrict.byCode(request.district()).orElseThrow();
            assertThat(district.centre().distanceMeters(point(request)) / 1000).as(station.id())
                    .isLessThanOrEqualTo(MAX_SPREAD_KM.get(district));
            if (district == ShanghaiDistrict.CHONGMING) {
                // Chongming, Changxing and Hengsha islands, all north of the Yangtze's south channel.
                assertThat(lat).as(station.id()).isGreaterThan(31.30);
            }
            if (request.parentId() != null) {
                // Villages spread over a town; everything else is within walking or cycling distance.
                boolean village = request.type() == FacilityType.VILLAGE_CLINIC
                        || request.type() == FacilityType.TCM_STATION;
                double km = point(byId.get(request.parentId())).distanceMeters(point(request)) / 1000;
                assertThat(km).as(station.id()).isLessThanOrEqualTo(village ? 3.6 : 1.6);
            }
            byId.put(station.id(), request);
        }
    }

    @Test
    void yangpuStartsWithACentreFollowedByOneOfItsServiceStations() {
        Map<String, StationRequest> byId = byId();
        StationRequest centre = byId.get("310110-0001");
        assertThat(centre.type()).isEqualTo(FacilityType.COMMUNITY_HEALTH_CENTER);
        assertThat(centre.district()).isEqualTo("310110");
        assertThat(centre.parentId()).isNull();
        StationRequest station = byId.get("310110-0002");
        assertThat(station.type()).isEqualTo(FacilityType.SERVICE_STATION);
        assertThat(station.district()).isEqualTo("310110");
        assertThat(station.parentId()).isEqualTo("310110-0001");
    }

    @Test
    void everyParentIsAnEarlierCentreOfTheSameDistrictAndEachCentreFirstRunsAServiceStation() {
        Map<String, StationRequest> earlier = new HashMap<>();
        for (int i = 0; i < SEED.size(); i++) {
            SeedStation station = SEED.get(i);
            StationRequest request = station.request();
            if (request.type() == FacilityType.COMMUNITY_HEALTH_CENTER) {
                assertThat(request.parentId()).as(station.id()).isNull();
                StationRequest next = SEED.get(i + 1).request();
                assertThat(next.type()).as("first child of %s", station.id()).isEqualTo(FacilityType.SERVICE_STATION);
                assertThat(next.parentId()).as("first child of %s", station.id()).isEqualTo(station.id());
            } else {
                StationRequest parent = earlier.get(request.parentId());
                assertThat(parent).as("parent of %s", station.id()).isNotNull();
                assertThat(parent.type()).as("parent of %s", station.id())
                        .isEqualTo(FacilityType.COMMUNITY_HEALTH_CENTER);
                assertThat(parent.district()).as("parent of %s", station.id()).isEqualTo(request.district());
            }
            earlier.put(station.id(), request);
        }
    }

    @Test
    void servicesFitTheKindOfFacility() {
        Set<CareService> centreMenu = EnumSet.of(GENERAL_PRACTICE, FAMILY_DOCTOR, PEDIATRICS, TCM, ACUPUNCTURE, TUINA,
                REHABILITATION, NURSING, VACCINATION, CHRONIC_DISEASE_FOLLOW_UP, HOME_HOSPITAL_BED, HOSPICE_CARE,
                PSYCHOLOGICAL_COUNSELLING);
        Map<FacilityType, Set<CareService>> allowed = new EnumMap<>(FacilityType.class);
        allowed.put(FacilityType.COMMUNITY_HEALTH_CENTER, centreMenu);
        allowed.put(FacilityType.COMMUNITY_HEALTH_SUBCENTER, centreMenu);
        allowed.put(FacilityType.SERVICE_STATION,
                EnumSet.of(GENERAL_PRACTICE, FAMILY_DOCTOR, CHRONIC_DISEASE_FOLLOW_UP, VACCINATION, TCM));
        allowed.put(FacilityType.VILLAGE_CLINIC,
                EnumSet.of(GENERAL_PRACTICE, FAMILY_DOCTOR, CHRONIC_DISEASE_FOLLOW_UP));
        allowed.put(FacilityType.SMART_HEALTH_STATION, EnumSet.of(HEALTH_SELF_CHECK, FITNESS_TEST));
        allowed.put(FacilityType.TCM_STATION, EnumSet.of(TCM, ACUPUNCTURE, TUINA));
        allowed.put(FacilityType.REHAB_CENTER, EnumSet.of(REHABILITATION));
        allowed.put(FacilityType.NURSING_CENTER, EnumSet.of(NURSING));
        allowed.put(FacilityType.OUTPATIENT_SURGERY, EnumSet.of(MINOR_SURGERY));
        allowed.put(FacilityType.FEVER_CLINIC, EnumSet.of(CareService.FEVER_CLINIC));
        Map<FacilityType, CareService> core = new EnumMap<>(FacilityType.class);
        core.put(FacilityType.COMMUNITY_HEALTH_CENTER, FAMILY_DOCTOR);
        core.put(FacilityType.COMMUNITY_HEALTH_SUBCENTER, GENERAL_PRACTICE);
        core.put(FacilityType.SERVICE_STATION, GENERAL_PRACTICE);
        core.put(FacilityType.VILLAGE_CLINIC, GENERAL_PRACTICE);
        core.put(FacilityType.SMART_HEALTH_STATION, HEALTH_SELF_CHECK);
        core.put(FacilityType.TCM_STATION, TCM);
        core.put(FacilityType.REHAB_CENTER, REHABILITATION);
        core.put(FacilityType.NURSING_CENTER, NURSING);
        core.put(FacilityType.OUTPATIENT_SURGERY, MINOR_SURGERY);
        core.put(FacilityType.FEVER_CLINIC, CareService.FEVER_CLINIC);
        for (SeedStation station : SEED) {
            StationRequest request = station.request();
            assertThat(request.services()).as(station.id())
                    .contains(core.get(request.type()))
                    .isSubsetOf(allowed.get(request.type()));
        }
    }

    @Test
    void namesAddressesAndPhonesFitTheStationRequest() {
        Set<String> namesInDistrict = new HashSet<>();
        for (SeedStation station : SEED) {
            StationRequest request = station.request();
            ShanghaiDistrict district = ShanghaiDistrict.byCode(request.district()).orElseThrow();
            assertThat(request.name()).as(station.id()).isNotBlank().hasSizeLessThanOrEqualTo(100);
            assertThat(request.street()).as(station.id()).isNotBlank().hasSizeLessThanOrEqualTo(50);
            assertThat(request.address()).as(station.id()).startsWith("上海市" + district.nameZh())
                    .hasSizeLessThanOrEqualTo(200);
            assertThat(request.phone()).as(station.id()).matches("[0-9+\\- ]{5,20}");
            assertThat(namesInDistrict.add(request.district() + request.name())).as("unique name %s", request.name())
                    .isTrue();
        }
        assertThat(byId().get("310110-0001").name()).endsWith("社区卫生服务中心");
    }

    private static Map<String, StationRequest> byId() {
        Map<String, StationRequest> byId = new HashMap<>();
        SEED.forEach(s -> byId.put(s.id(), s.request()));
        return byId;
    }

    private static GeoPoint point(StationRequest request) {
        return new GeoPoint(request.position().lat(), request.position().lon());
    }

    private static Map<FacilityType, Integer> countByType(List<SeedStation> stations) {
        Map<FacilityType, Integer> counts = new EnumMap<>(FacilityType.class);
        for (FacilityType type : FacilityType.values()) {
            counts.put(type, 0);
        }
        stations.forEach(s -> counts.merge(s.request().type(), 1, Integer::sum));
        return counts;
    }

    private static Map<ShanghaiDistrict, Integer> countByDistrict(List<SeedStation> stations) {
        Map<ShanghaiDistrict, Integer> counts = new EnumMap<>(ShanghaiDistrict.class);
        for (ShanghaiDistrict district : ShanghaiDistrict.values()) {
            counts.put(district, 0);
        }
        stations.forEach(s -> counts.merge(ShanghaiDistrict.byCode(s.request().district()).orElseThrow(), 1,
                Integer::sum));
        return counts;
    }
}
