package cn.sh.healthcloud.directory.seed;

import cn.sh.healthcloud.directory.Closure;
import cn.sh.healthcloud.directory.FacilityType;
import cn.sh.healthcloud.directory.ShanghaiDistrict;
import cn.sh.healthcloud.directory.StationRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic but realistic directory of Shanghai's community health facilities at the published scale
 * (../shared/reference/facilities.md), to seed an empty database so that a newcomer sees a populated city.
 * Street and town names and roads are real; stations, addresses and phone numbers are invented.
 *
 * <p>Deterministic: the same list on every call and every machine (fixed seeds, no clock, no hash-order
 * iteration, {@link StrictMath} for positions), so ids ({@code 310110-0001}) and parent links are stable
 * across re-seeding.
 */
public final class ShanghaiDirectorySeed {

    /** Changing it reshuffles every district; each district draws from its own stream derived from it. */
    private static final long SEED = 20_201_231L;

    // Citywide totals from facilities.md: 2019–2020 counts, 2025 for rehab, nursing and surgery.
    // Centres (~250) follow the real streets and towns in ShanghaiStreets; smart stations are one per street/town.
    static final int SUB_CENTRES = 100;
    static final int SERVICE_STATIONS = 780;
    static final int TCM_STATIONS_AT_SERVICE_STATIONS = 206;
    static final int TCM_STATIONS_AT_VILLAGE_CLINICS = 27;
    static final int REHAB_CENTRES = 10;
    static final int NURSING_CENTRES = 66;
    static final int OUTPATIENT_SURGERIES = 60;
    static final int FEVER_CLINICS = 34;
    /** Changning pioneered dense coverage (30 smart stations by 2023), so it has a couple beyond one per street. */
    static final int EXTRA_SMART_HEALTH_STATIONS_IN_CHANGNING = 2;

    /**
     * Village clinics (1,170 citywide) by rural extent: roughly each suburban district's villages, scaled.
     * Urban districts have no villages.
     */
    private static final Map<ShanghaiDistrict, Integer> VILLAGE_CLINICS = villageClinics();

    private ShanghaiDirectorySeed() {}

    public static List<SeedStation> generate() {
        ShanghaiDistrict[] districts = ShanghaiDistrict.values();
        double[] population = new double[districts.length];
        double[] villages = new double[districts.length];
        for (int i = 0; i < districts.length; i++) {
            population[i] = districts[i].population10k();
            villages[i] = VILLAGE_CLINICS.getOrDefault(districts[i], 0);
        }
        // Urban kinds follow population; every district keeps at least one fever clinic.
        int[] serviceStations = LargestRemainder.split(SERVICE_STATIONS, population, 0);
        int[] subCentres = LargestRemainder.split(SUB_CENTRES, population, 0);
        int[] tcmAtStations = LargestRemainder.split(TCM_STATIONS_AT_SERVICE_STATIONS, population, 0);
        int[] tcmAtVillages = LargestRemainder.split(TCM_STATIONS_AT_VILLAGE_CLINICS, villages, 0);
        int[] rehab = LargestRemainder.split(REHAB_CENTRES, population, 0);
        int[] nursing = LargestRemainder.split(NURSING_CENTRES, population, 0);
        int[] surgery = LargestRemainder.split(OUTPATIENT_SURGERIES, population, 0);
        int[] fever = LargestRemainder.split(FEVER_CLINICS, population, 1);

        List<SeedStation> all = new ArrayList<>();
        for (int i = 0; i < districts.length; i++) {
            ShanghaiDistrict district = districts[i];
            DistrictDirectory.Quota quota = new DistrictDirectory.Quota(serviceStations[i], subCentres[i],
                    (int) villages[i], tcmAtStations[i], tcmAtVillages[i], rehab[i], nursing[i], surgery[i], fever[i],
                    district == ShanghaiDistrict.CHANGNING ? EXTRA_SMART_HEALTH_STATIONS_IN_CHANGNING : 0);
            // One stream per district, so editing one district's streets leaves the others untouched.
            SplittableRandom random = new SplittableRandom(SEED * 1_000_003L + Long.parseLong(district.code()));
            all.addAll(new DistrictDirectory(district, quota, random).build());
        }
        closeForRenovation(all, ShanghaiDistrict.HUANGPU, FacilityType.SERVICE_STATION, 5,
                new Closure(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 27), "装修"));
        closeForRenovation(all, ShanghaiDistrict.QINGPU, FacilityType.VILLAGE_CLINIC, 12,
                new Closure(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31), "装修"));
        return List.copyOf(all);
    }

    private static Map<ShanghaiDistrict, Integer> villageClinics() {
        Map<ShanghaiDistrict, Integer> clinics = new EnumMap<>(ShanghaiDistrict.class);
        clinics.put(ShanghaiDistrict.PUDONG, 280);
        clinics.put(ShanghaiDistrict.CHONGMING, 235);
        clinics.put(ShanghaiDistrict.QINGPU, 150);
        clinics.put(ShanghaiDistrict.FENGXIAN, 140);
        clinics.put(ShanghaiDistrict.JINSHAN, 100);
        clinics.put(ShanghaiDistrict.SONGJIANG, 80);
        clinics.put(ShanghaiDistrict.JIADING, 75);
        clinics.put(ShanghaiDistrict.MINHANG, 55);
        clinics.put(ShanghaiDistrict.BAOSHAN, 55);
        return clinics;
    }

    /** Adds a renovation to the nth station of a kind in a district: a couple in the city, at fixed places. */
    private static void closeForRenovation(List<SeedStation> all, ShanghaiDistrict district, FacilityType type, int nth,
            Closure renovation) {
        int seen = 0;
        for (int i = 0; i < all.size(); i++) {
            StationRequest request = all.get(i).request();
            if (request.district().equals(district.code()) && request.type() == type && ++seen == nth) {
                List<Closure> closures = new ArrayList<>(request.closures());
                closures.add(renovation);
                closures.sort((a, b) -> a.from().compareTo(b.from()));
                all.set(i, new SeedStation(all.get(i).id(), new StationRequest(request.type(), request.name(),
                        request.district(), request.street(), request.address(), request.position(), request.phone(),
                        request.parentId(), request.services(), request.openingHours(), closures)));
                return;
            }
        }
        throw new IllegalStateException(district.nameEn() + " has fewer than " + nth + " " + type.id() + "s");
    }
}
