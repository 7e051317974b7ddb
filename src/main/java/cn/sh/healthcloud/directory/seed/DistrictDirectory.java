package cn.sh.healthcloud.directory.seed;

import static cn.sh.healthcloud.directory.FacilityType.COMMUNITY_HEALTH_CENTER;
import static cn.sh.healthcloud.directory.FacilityType.COMMUNITY_HEALTH_SUBCENTER;
import static cn.sh.healthcloud.directory.FacilityType.FEVER_CLINIC;
import static cn.sh.healthcloud.directory.FacilityType.NURSING_CENTER;
import static cn.sh.healthcloud.directory.FacilityType.OUTPATIENT_SURGERY;
import static cn.sh.healthcloud.directory.FacilityType.REHAB_CENTER;
import static cn.sh.healthcloud.directory.FacilityType.SERVICE_STATION;
import static cn.sh.healthcloud.directory.FacilityType.SMART_HEALTH_STATION;
import static cn.sh.healthcloud.directory.FacilityType.TCM_STATION;
import static cn.sh.healthcloud.directory.FacilityType.VILLAGE_CLINIC;

import cn.sh.healthcloud.directory.CareService;
import cn.sh.healthcloud.directory.Closure;
import cn.sh.healthcloud.directory.FacilityType;
import cn.sh.healthcloud.directory.GeoPoint;
import cn.sh.healthcloud.directory.OpeningHours;
import cn.sh.healthcloud.directory.Position;
import cn.sh.healthcloud.directory.ShanghaiDistrict;
import cn.sh.healthcloud.directory.StationRequest;
import cn.sh.healthcloud.directory.seed.ShanghaiStreets.Community;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The synthetic facilities of one district: first every centre and what hangs off it is planned (names,
 * addresses, positions), then the stations are written out centre by centre, each centre followed by its
 * children, with ids numbered in that order.
 */
final class DistrictDirectory {

    /** How many of each kind this district gets; centres and smart health stations follow its streets. */
    record Quota(int serviceStations, int subCentres, int villageClinics, int tcmAtServiceStations,
            int tcmAtVillageClinics, int rehabCentres, int nursingCentres, int outpatientSurgeries,
            int feverClinics, int extraSmartHealthStations) {}

    /** Kilometres per degree of latitude on GeoPoint's sphere. */
    private static final double KM_PER_DEGREE = 111.195;

    // Shanghai's bounding box, drawn in a little so that nothing lands on its edge.
    private static final double MIN_LAT = 30.67;
    private static final double MAX_LAT = 31.88;
    private static final double MIN_LON = 120.87;
    private static final double MAX_LON = 122.03;

    /** Districts with office towers big enough for 楼宇 stations that serve office workers. */
    private static final Set<ShanghaiDistrict> OFFICE_DISTRICTS = EnumSet.of(ShanghaiDistrict.HUANGPU,
            ShanghaiDistrict.XUHUI, ShanghaiDistrict.CHANGNING, ShanghaiDistrict.JINGAN, ShanghaiDistrict.PUTUO,
            ShanghaiDistrict.HONGKOU, ShanghaiDistrict.YANGPU, ShanghaiDistrict.PUDONG);

    private static final List<String> NEIGHBOURHOOD_SUFFIXES =
            List.of("新村", "一村", "二村", "小区", "花苑", "公寓", "苑", "居民区");

    // Extensions on a centre's switchboard for the facilities inside it.
    private static final String SMART_STATION_EXTENSION = "12";
    private static final String FEVER_CLINIC_EXTENSION = "20";
    private static final String REHAB_EXTENSION = "31";
    private static final String NURSING_EXTENSION = "32";
    private static final String SURGERY_EXTENSION = "33";

    private record Site(String name, String address, GeoPoint point, String phone, boolean officeBuilding) {}

    private record Neighbourhood(String name, String road) {}

    /** A centre and everything planned under it, in the order it will be written out. */
    private static final class CentrePlan {
        final Community community;
        final Site site;
        final String switchboard;
        /** Its own neighbourhood names and roads to name sub-centres after, in a seeded order. */
        final Deque<Neighbourhood> neighbourhoods;
        final Deque<String> namingRoads;
        /** This centre, then the others of the district nearest first: where names come from when its own run out. */
        final List<CentrePlan> nearestFirst = new ArrayList<>();
        final List<Site> serviceStations = new ArrayList<>();
        final List<Site> subCentres = new ArrayList<>();
        final List<Site> villageClinics = new ArrayList<>();
        final List<Site> smartHealthStations = new ArrayList<>();
        final List<Site> tcmStations = new ArrayList<>();
        boolean rehab;
        boolean nursing;
        boolean surgery;
        boolean fever;

        CentrePlan(Community community, Site site, String switchboard, Deque<Neighbourhood> neighbourhoods,
                Deque<String> namingRoads) {
            this.community = community;
            this.site = site;
            this.switchboard = switchboard;
            this.neighbourhoods = neighbourhoods;
            this.namingRoads = namingRoads;
        }
    }

    private final ShanghaiDistrict district;
    private final Quota quota;
    private final SplittableRandom random;
    private final String addressPrefix;
    /** Names already given in the district, so that no two stations share one (looked up, never iterated). */
    private final Set<String> takenNeighbourhoods = new HashSet<>();
    private final Set<String> takenNamingRoads = new HashSet<>();
    private final Map<String, Set<String>> villagesByTown = new LinkedHashMap<>();
    private final List<SeedStation> stations = new ArrayList<>();
    private int serial;

    DistrictDirectory(ShanghaiDistrict district, Quota quota, SplittableRandom random) {
        this.district = district;
        this.quota = quota;
        this.random = random;
        this.addressPrefix = "上海市" + district.nameZh();
    }

    List<SeedStation> build() {
        List<CentrePlan> centres = planCentres();
        planServiceStations(centres);
        planSubCentres(centres);
        planVillageClinics(centres);
        planSmartHealthStations(centres);
        planTcmStations(centres);
        planFacilitiesInsideCentres(centres);
        for (CentrePlan centre : centres) {
            write(centre);
        }
        return List.copyOf(stations);
    }

    private List<CentrePlan> planCentres() {
        List<Community> communities = ShanghaiStreets.communities(district);
        Set<String> districtRoads = new HashSet<>();
        communities.forEach(c -> districtRoads.addAll(c.roads()));
        List<CentrePlan> centres = new ArrayList<>();
        for (Community community : communities) {
            // The centre answers on ...00; the facilities inside it on extensions of the same number.
            String switchboard = "021-" + fourDigits() + " "
                    + String.format(Locale.ROOT, "%02d", 10 + random.nextInt(90));
            String address = addressPrefix + centreRoad(community, districtRoads) + houseNumber() + "号";
            Site site = new Site(community.centreName(), address, near(community.anchor(), 0, 0.6),
                    switchboard + "00", false);
            centres.add(new CentrePlan(community, site, switchboard, shuffledNeighbourhoods(community),
                    shuffledNamingRoads(community)));
        }
        for (CentrePlan centre : centres) {
            List<CentrePlan> byDistance = new ArrayList<>(centres);
            // Stable sort: equally distant centres keep their seeding order.
            byDistance.sort(Comparator.comparingDouble(
                    other -> planarDistance(centre.site.point(), other.site.point())));
            centre.nearestFirst.addAll(byDistance);
        }
        return centres;
    }

    /** 殷行 centre on 殷行路, 平凉路街道's on 平凉路: where a road carries the community's name, the centre is on it. */
    private String centreRoad(Community community, Set<String> districtRoads) {
        String namesake = community.shortName() + "路";
        if (districtRoads.contains(namesake)) {
            return namesake;
        }
        if (community.street().endsWith("路街道")) {
            return community.street().substring(0, community.street().length() - 2);
        }
        return pick(community.roads());
    }

    /** At least one per centre (its first child); urban streets have denser networks than towns. */
    private void planServiceStations(List<CentrePlan> centres) {
        double[] weights = new double[centres.size()];
        for (int i = 0; i < weights.length; i++) {
            Community community = centres.get(i).community;
            weights[i] = (community.rural() ? 1.0 : 1.3) * (community.secondary() ? 0.7 : 1.0)
                    * (0.6 + 0.8 * random.nextDouble());
        }
        int[] counts = LargestRemainder.split(quota.serviceStations(), weights, 1);
        for (int i = 0; i < centres.size(); i++) {
            CentrePlan centre = centres.get(i);
            boolean officeArea = !centre.community.rural() && OFFICE_DISTRICTS.contains(district);
            Set<String> officeRoads = new HashSet<>();
            for (int k = 0; k < counts[i]; k++) {
                GeoPoint point = near(centre.site.point(), 0.2, 1.2);
                boolean office = officeArea && k > 0 && random.nextDouble() < 0.08;
                String officeRoad = office ? pick(centre.community.roads()) : null;
                if (office && officeRoads.add(officeRoad)) {
                    centre.serviceStations.add(new Site(centre.site.name() + officeRoad + "楼宇服务站",
                            addressPrefix + officeRoad + houseNumber() + "号" + (2 + random.nextInt(20)) + "楼",
                            point, phone(), true));
                } else {
                    Neighbourhood neighbourhood = nextNeighbourhood(centre);
                    centre.serviceStations.add(new Site(centre.site.name() + neighbourhood.name() + "服务站",
                            addressPrefix + neighbourhood.road() + laneAddress(), point, phone(), false));
                }
            }
        }
    }

    /**
     * Sub-centres are mostly in towns, where a merged former town or village kept a branch; in the city they
     * are named after a road of the street.
     */
    private void planSubCentres(List<CentrePlan> centres) {
        if (quota.subCentres() == 0) {
            return;
        }
        double[] weights = new double[centres.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (centres.get(i).community.rural() ? 1.5 : 1.0) * (0.5 + random.nextDouble());
        }
        int[] counts = LargestRemainder.split(quota.subCentres(), weights, 0);
        for (int i = 0; i < centres.size(); i++) {
            CentrePlan centre = centres.get(i);
            for (int k = 0; k < counts[i]; k++) {
                String place = namesBranchesAfterVillages(centre.community)
                        ? nextVillage(centre.community.street())
                        : stem(nextNamingRoad(centre));
                centre.subCentres.add(new Site(centre.site.name() + place + "分中心",
                        addressPrefix + pick(centre.community.roads()) + houseNumber() + "号",
                        near(centre.site.point(), 0.5, 1.5), phone(), false));
            }
        }
    }

    /**
     * Towns of the suburban districts; the towns inside the city (彭浦镇, 长征镇) have no villages left, and
     * industrial zones are not named after theirs.
     */
    private boolean namesBranchesAfterVillages(Community community) {
        return quota.villageClinics() > 0 && isTown(community);
    }

    private static boolean isTown(Community community) {
        return community.rural() && !community.street().endsWith("区");
    }

    /** Villages belong to towns: every rural centre runs at least one, zones and second centres fewer. */
    private void planVillageClinics(List<CentrePlan> centres) {
        if (quota.villageClinics() == 0) {
            return;
        }
        List<CentrePlan> rural = centres.stream().filter(c -> c.community.rural()).toList();
        double[] weights = new double[rural.size()];
        for (int i = 0; i < weights.length; i++) {
            Community community = rural.get(i).community;
            boolean zone = community.street().endsWith("区");
            weights[i] = (community.secondary() ? 0.6 : 1.0) * (zone ? 0.5 : 1.0) * (0.7 + 0.6 * random.nextDouble());
        }
        int[] counts = LargestRemainder.split(quota.villageClinics(), weights, 1);
        for (int i = 0; i < rural.size(); i++) {
            CentrePlan centre = rural.get(i);
            String town = centre.community.street();
            for (int k = 0; k < counts[i]; k++) {
                String village = nextVillage(town) + "村";
                String address = addressPrefix + town + village + (1 + random.nextInt(12)) + "组"
                        + (1 + random.nextInt(200)) + "号";
                centre.villageClinics.add(new Site(town + village + "卫生室", address,
                        near(centre.site.point(), 0.8, centre.community.villageReachKm()), phone(), false));
            }
        }
    }

    /** One per street/town, in the centre itself or in the community's fitness or service centre. */
    private void planSmartHealthStations(List<CentrePlan> centres) {
        List<CentrePlan> firstOfStreet = centres.stream().filter(c -> !c.community.secondary()).toList();
        for (CentrePlan centre : firstOfStreet) {
            centre.smartHealthStations.add(smartHealthStation(centre, centre.community.street() + "智慧健康驿站"));
        }
        int[] order = Shuffle.indices(firstOfStreet.size(), random);
        for (int i = 0; i < quota.extraSmartHealthStations(); i++) {
            CentrePlan centre = firstOfStreet.get(order[i]);
            String name = centre.community.street() + stem(nextNeighbourhood(centre).road()) + "智慧健康驿站";
            centre.smartHealthStations.add(smartHealthStation(centre, name));
        }
    }

    private Site smartHealthStation(CentrePlan centre, String name) {
        String phone = centre.switchboard + SMART_STATION_EXTENSION;
        if (random.nextDouble() < 0.6) {
            return new Site(name, centre.site.address(), inside(centre.site.point()), phone, false);
        }
        return new Site(name, addressPrefix + pick(centre.community.roads()) + houseNumber() + "号",
                near(centre.site.point(), 0.3, 1.2), phone, false);
    }

    /** Roving TCM teams hold their sessions at existing service stations and village clinics. */
    private void planTcmStations(List<CentrePlan> centres) {
        List<Site> stationHosts = new ArrayList<>();
        List<Site> villageHosts = new ArrayList<>();
        for (CentrePlan centre : centres) {
            centre.serviceStations.stream().filter(s -> !s.officeBuilding()).forEach(stationHosts::add);
            villageHosts.addAll(centre.villageClinics);
        }
        Set<Site> hosts = new HashSet<>();
        hosts.addAll(choose(stationHosts, quota.tcmAtServiceStations()));
        hosts.addAll(choose(villageHosts, quota.tcmAtVillageClinics()));
        for (CentrePlan centre : centres) {
            for (Site station : centre.serviceStations) {
                if (hosts.contains(station)) {
                    centre.tcmStations.add(tcmStation(station, "服务站"));
                }
            }
            for (Site clinic : centre.villageClinics) {
                if (hosts.contains(clinic)) {
                    centre.tcmStations.add(tcmStation(clinic, "卫生室"));
                }
            }
        }
    }

    private Site tcmStation(Site host, String hostSuffix) {
        String place = host.name().substring(0, host.name().length() - hostSuffix.length());
        return new Site(place + "中医药特色巡诊站", host.address(), inside(host.point()), host.phone(), false);
    }

    private void planFacilitiesInsideCentres(List<CentrePlan> centres) {
        for (CentrePlan centre : choose(centres, quota.rehabCentres())) {
            centre.rehab = true;
        }
        for (CentrePlan centre : choose(centres, quota.nursingCentres())) {
            centre.nursing = true;
        }
        for (CentrePlan centre : choose(centres, quota.outpatientSurgeries())) {
            centre.surgery = true;
        }
        for (CentrePlan centre : choose(centres, quota.feverClinics())) {
            centre.fever = true;
        }
    }

    private void write(CentrePlan centre) {
        String street = centre.community.street();
        String centreId = add(COMMUNITY_HEALTH_CENTER, centre.site, street, null, SeedServices.centre(random),
                SeedHours.centre(random), List.of());
        for (Site station : centre.serviceStations) {
            if (station.officeBuilding()) {
                // Offices empty over the holidays, and so do their stations.
                add(SERVICE_STATION, station, street, centreId, SeedServices.officeBuildingStation(),
                        SeedHours.officeBuildingStation(), List.of(SeedHours.NATIONAL_DAY, SeedHours.SPRING_FESTIVAL));
            } else {
                add(SERVICE_STATION, station, street, centreId, SeedServices.serviceStation(random),
                        SeedHours.serviceStation(random), SeedHours.holidays(random, 0.12, 0.55));
            }
        }
        for (Site subCentre : centre.subCentres) {
            add(COMMUNITY_HEALTH_SUBCENTER, subCentre, street, centreId, SeedServices.subCentre(random),
                    SeedHours.subCentre(random), SeedHours.holidays(random, 0.05, 0.2));
        }
        for (Site clinic : centre.villageClinics) {
            add(VILLAGE_CLINIC, clinic, street, centreId, SeedServices.villageClinic(),
                    SeedHours.villageClinic(random), SeedHours.holidays(random, 0.1, 0.65));
        }
        for (Site smart : centre.smartHealthStations) {
            add(SMART_HEALTH_STATION, smart, street, centreId, SeedServices.smartHealthStation(),
                    SeedHours.smartHealthStation(random), List.of());
        }
        for (Site tcm : centre.tcmStations) {
            add(TCM_STATION, tcm, street, centreId, SeedServices.tcmStation(random), SeedHours.tcmStation(random),
                    SeedHours.holidays(random, 0.15, 0.4));
        }
        String shortName = centre.community.shortName();
        if (centre.rehab) {
            add(REHAB_CENTER, insideCentre(centre, shortName + "社区康复中心", REHAB_EXTENSION), street, centreId,
                    SeedServices.rehabCentre(), SeedHours.rehabCentre(random), SeedHours.holidays(random, 0, 0.5));
        }
        if (centre.nursing) {
            add(NURSING_CENTER, insideCentre(centre, shortName + "社区护理中心", NURSING_EXTENSION), street, centreId,
                    SeedServices.nursingCentre(), SeedHours.nursingCentre(random), SeedHours.holidays(random, 0, 0.3));
        }
        if (centre.surgery) {
            add(OUTPATIENT_SURGERY, insideCentre(centre, centre.site.name() + "门诊手术室", SURGERY_EXTENSION), street,
                    centreId, SeedServices.outpatientSurgery(), SeedHours.outpatientSurgery(random),
                    SeedHours.holidays(random, 0.3, 0.7));
        }
        if (centre.fever) {
            // Fever clinics never close: no holiday closures.
            Site site = new Site(centre.site.name() + "发热门诊", centre.site.address(), inside(centre.site.point()),
                    centre.switchboard + FEVER_CLINIC_EXTENSION, false);
            add(FEVER_CLINIC, site, street, centreId, SeedServices.feverClinic(), SeedHours.feverClinic(), List.of());
        }
    }

    private Site insideCentre(CentrePlan centre, String name, String extension) {
        return new Site(name, centre.site.address() + (2 + random.nextInt(4)) + "楼", inside(centre.site.point()),
                centre.switchboard + extension, false);
    }

    private String add(FacilityType type, Site site, String street, String parentId, Set<CareService> services,
            OpeningHours hours, List<Closure> closures) {
        String id = district.code() + "-" + String.format(Locale.ROOT, "%04d", ++serial);
        Position position = new Position(site.point().lat(), site.point().lon());
        stations.add(new SeedStation(id, new StationRequest(type, site.name(), district.code(), street,
                site.address(), position, site.phone(), parentId, services, hours, closures)));
        return id;
    }

    // --- names, addresses, phones --------------------------------------------------------------------------

    /**
     * The community's roads that are not country highways, crossed with the usual estate suffixes; towns add
     * estates named after themselves (泥城新村, 书院小区), which is how most town estates are named.
     */
    private Deque<Neighbourhood> shuffledNeighbourhoods(Community community) {
        Map<String, Neighbourhood> byName = new LinkedHashMap<>();
        for (String road : community.roads()) {
            if (!road.endsWith("公路")) {
                for (String name : estateNames(stem(road))) {
                    byName.putIfAbsent(name, new Neighbourhood(name, road));
                }
            }
        }
        if (isTown(community)) {
            for (String name : estateNames(community.shortName().replaceAll("乡$", ""))) {
                byName.putIfAbsent(name, new Neighbourhood(name, pick(community.roads())));
            }
        }
        return shuffled(new ArrayList<>(byName.values()));
    }

    /** 开鲁新村, 开鲁小区 …; a place already ending in 新 or 村 (共和新路, 新村路) takes no 新村/一村. */
    private static List<String> estateNames(String place) {
        boolean endsLikeAnEstate = place.endsWith("新") || place.endsWith("村");
        return NEIGHBOURHOOD_SUFFIXES.stream()
                .filter(suffix -> !(endsLikeAnEstate && suffix.contains("村")))
                .map(suffix -> place + suffix)
                .toList();
    }

    /** Roads to name sub-centres after, leaving out the one the centre itself is named after. */
    private Deque<String> shuffledNamingRoads(Community community) {
        Map<String, String> byStem = new LinkedHashMap<>();
        for (String road : community.roads()) {
            if (!road.endsWith("公路") && !community.shortName().startsWith(stem(road))) {
                byStem.putIfAbsent(stem(road), road);
            }
        }
        return shuffled(new ArrayList<>(byStem.values()));
    }

    private <T> Deque<T> shuffled(List<T> items) {
        Deque<T> shuffled = new ArrayDeque<>();
        for (int index : Shuffle.indices(items.size(), random)) {
            shuffled.add(items.get(index));
        }
        return shuffled;
    }

    /** The centre's own next neighbourhood, or its nearest neighbour's once its own are used up. */
    private Neighbourhood nextNeighbourhood(CentrePlan centre) {
        for (CentrePlan source : centre.nearestFirst) {
            for (Neighbourhood next = source.neighbourhoods.pollFirst(); next != null;
                    next = source.neighbourhoods.pollFirst()) {
                if (takenNeighbourhoods.add(next.name())) {
                    return next;
                }
            }
        }
        throw new IllegalStateException(district.nameEn() + " has run out of neighbourhood names");
    }

    private String nextNamingRoad(CentrePlan centre) {
        for (CentrePlan source : centre.nearestFirst) {
            for (String next = source.namingRoads.pollFirst(); next != null; next = source.namingRoads.pollFirst()) {
                if (takenNamingRoads.add(next)) {
                    return next;
                }
            }
        }
        throw new IllegalStateException(district.nameEn() + " has run out of roads to name sub-centres after");
    }

    private String nextVillage(String town) {
        Set<String> taken = villagesByTown.computeIfAbsent(town, t -> new LinkedHashSet<>());
        int[] order = Shuffle.indices(VillageNames.NAMES.size(), random);
        for (int index : order) {
            String name = VillageNames.NAMES.get(index);
            if (taken.add(name)) {
                return name;
            }
        }
        throw new IllegalStateException(town + " has run out of village names");
    }

    /** 开鲁路 → 开鲁, 中山北路 → 中山, 世纪大道 → 世纪, 石门二路 → 石门. */
    static String stem(String road) {
        for (String suffix : List.of("东路", "西路", "南路", "北路", "中路", "一路", "二路", "大道", "大街", "路", "街")) {
            if (road.endsWith(suffix) && road.length() > suffix.length() + 1) {
                return road.substring(0, road.length() - suffix.length());
            }
        }
        return road;
    }

    private String laneAddress() {
        return (50 + random.nextInt(1500)) + "弄" + (1 + random.nextInt(60)) + "号";
    }

    private String houseNumber() {
        return Integer.toString(1 + random.nextInt(1800));
    }

    /** Shanghai landlines: 021 and eight digits beginning 3, 5 or 6. */
    private String phone() {
        return "021-" + fourDigits() + " " + String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
    }

    private String fourDigits() {
        int first = new int[] {3, 5, 6}[random.nextInt(3)];
        return first + String.format(Locale.ROOT, "%03d", random.nextInt(1000));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private <T> List<T> choose(List<T> items, int count) {
        if (count > items.size()) {
            throw new IllegalStateException(district.nameEn() + ": cannot choose " + count + " of " + items.size());
        }
        int[] order = Shuffle.indices(items.size(), random);
        List<T> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(items.get(order[i]));
        }
        return chosen;
    }

    // --- positions ------------------------------------------------------------------------------------------

    /** Uniformly in the ring [minKm, maxKm] around origin, kept inside Shanghai; rounded to 6 decimals. */
    private GeoPoint near(GeoPoint origin, double minKm, double maxKm) {
        for (int attempt = 0; attempt < 20; attempt++) {
            double radius = StrictMath.sqrt(minKm * minKm + random.nextDouble() * (maxKm * maxKm - minKm * minKm));
            double bearing = 2 * StrictMath.PI * random.nextDouble();
            double lat = origin.lat() + radius * StrictMath.cos(bearing) / KM_PER_DEGREE;
            double lon = origin.lon() + radius * StrictMath.sin(bearing)
                    / (KM_PER_DEGREE * StrictMath.cos(StrictMath.toRadians(origin.lat())));
            if (lat >= MIN_LAT && lat <= MAX_LAT && lon >= MIN_LON && lon <= MAX_LON) {
                return new GeoPoint(round6(lat), round6(lon));
            }
        }
        return new GeoPoint(round6(origin.lat()), round6(origin.lon()));
    }

    /** A facility inside a building: a few metres from it, so map markers do not stack exactly. */
    private GeoPoint inside(GeoPoint building) {
        return near(building, 0.005, 0.03);
    }

    /** Good enough to rank neighbours within a district, and free of platform-dependent trigonometry. */
    private static double planarDistance(GeoPoint a, GeoPoint b) {
        double north = a.lat() - b.lat();
        double east = (a.lon() - b.lon()) * StrictMath.cos(StrictMath.toRadians(a.lat()));
        return north * north + east * east;
    }

    private static double round6(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
