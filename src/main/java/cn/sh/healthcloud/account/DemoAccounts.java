package cn.sh.healthcloud.account;

import cn.sh.healthcloud.account.AccountRepositories.ContractRepository;
import cn.sh.healthcloud.account.AccountRepositories.PractitionerRepository;
import cn.sh.healthcloud.measurement.MeasurementReader;
import cn.sh.healthcloud.time.ShanghaiTime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The development demo: the fixed subjects of doctor1, resident1 and resident2 in
 * dev/keycloak/healthcloud-realm.json, a contract each, and 90 days of plausible readings
 * (resident1 drifting into the hypertensive range, resident2 with raised fasting glucose).
 */
@ApplicationScoped
public class DemoAccounts {

    static final String DOCTOR1 = "00000000-0000-4000-8000-0000000000d1";
    static final String RESIDENT1 = "00000000-0000-4000-8000-0000000000a1";
    static final String RESIDENT2 = "00000000-0000-4000-8000-0000000000a2";
    static final String DOCTOR1_CENTRE = "310110-0001";
    /** Synthetic, valid by GB 11643 (Yangpu, 1958-03-17, male); belongs to nobody. */
    static final String RESIDENT1_ID_NUMBER = "310110195803171238";

    private final PractitionerRepository practitioners;
    private final ContractRepository contracts;
    private final ResidentRepository residents;
    private final ObservationRepository observations;
    private final AccountService accounts;
    private final Clock clock;

    DemoAccounts(PractitionerRepository practitioners, ContractRepository contracts, ResidentRepository residents,
            ObservationRepository observations, AccountService accounts, Clock clock) {
        this.practitioners = practitioners;
        this.contracts = contracts;
        this.residents = residents;
        this.observations = observations;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Seeds once; returns how many observations were added (0 when doctor1 already exists). */
    public Uni<Integer> seedIfAbsent() {
        return Panache.withTransaction(() -> practitioners.findBySubject(DOCTOR1).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(0);
            }
            Practitioner doctor = new Practitioner();
            doctor.id = UUID.randomUUID();
            doctor.subject = DOCTOR1;
            doctor.name = "李娜";
            doctor.stationId = DOCTOR1_CENTRE;
            AtomicInteger added = new AtomicInteger();
            return practitioners.persist(doctor)
                    .chain(() -> resident(RESIDENT1, "张伟"))
                    .chain(r1 -> sign(r1, doctor, Set.of(PriorityGroup.HYPERTENSION, PriorityGroup.AGED_65_PLUS))
                            .chain(() -> store(bloodPressureDiary(r1.id, new Random(1)), added)))
                    .chain(() -> resident(RESIDENT2, "王芳"))
                    .chain(r2 -> sign(r2, doctor, Set.of(PriorityGroup.DIABETES))
                            .chain(() -> store(glucoseDiary(r2.id, new Random(2)), added)))
                    .map(ignored -> added.get());
        })).call(added -> added == 0 ? Uni.createFrom().voidItem()
                : accounts.linkNationalId(RESIDENT1, RESIDENT1_ID_NUMBER).replaceWithVoid());
    }

    private Uni<Void> store(List<Observation> diary, AtomicInteger added) {
        added.addAndGet(diary.size());
        return observations.persist(diary);
    }

    private Uni<Resident> resident(String subject, String name) {
        return residents.createIfAbsent(subject).chain(() -> residents.findBySubject(subject))
                .invoke(r -> r.displayName = name);
    }

    private Uni<FamilyDoctorContract> sign(Resident resident, Practitioner doctor, Set<PriorityGroup> groups) {
        FamilyDoctorContract contract = new FamilyDoctorContract();
        contract.id = UUID.randomUUID();
        contract.residentId = resident.id;
        contract.practitionerId = doctor.id;
        contract.communityCentreId = doctor.stationId;
        contract.districtHospital = "杨浦区中心医院";
        contract.cityHospital = "复旦大学附属中山医院";
        contract.priorityGroups = new PriorityGroups(groups);
        contract.signedAt = OffsetDateTime.now(clock).minusDays(120);
        return contracts.persist(contract);
    }

    /** Morning and evening blood pressure for 90 days, creeping up; weight once a week. */
    private List<Observation> bloodPressureDiary(UUID residentId, Random random) {
        List<Observation> diary = new ArrayList<>();
        OffsetDateTime today = shanghaiMidnight();
        for (int day = 89; day >= 0; day--) {
            double drift = (89 - day) * 0.12;
            for (int hour : new int[] { 7, 20 }) {
                int systolic = (int) Math.round(134 + drift + random.nextGaussian() * 6);
                int diastolic = (int) Math.round(84 + drift / 2 + random.nextGaussian() * 4);
                int pulse = (int) Math.round(72 + random.nextGaussian() * 5);
                diary.add(home(residentId, today.minusDays(day).plusHours(hour), "欧姆龙 HEM-7136",
                        Map.of("type", "blood-pressure", "systolic", systolic, "diastolic", diastolic, "pulse", pulse)));
            }
            if (day % 7 == 0) {
                diary.add(home(residentId, today.minusDays(day).plusHours(7).plusMinutes(10), "小米体脂秤",
                        Map.of("type", "height-weight", "heightCm", 168.0,
                                "weightKg", Math.round((74.5 - day * 0.01 + random.nextGaussian() * 0.3) * 10) / 10.0)));
            }
        }
        return past(diary);
    }

    /** A fasting glucose every morning for 90 days, mostly in the impaired-to-diabetic range. */
    private List<Observation> glucoseDiary(UUID residentId, Random random) {
        List<Observation> diary = new ArrayList<>();
        OffsetDateTime today = shanghaiMidnight();
        for (int day = 89; day >= 0; day--) {
            double value = Math.round((7.1 + random.nextGaussian() * 0.6) * 10) / 10.0;
            diary.add(home(residentId, today.minusDays(day).plusHours(6).plusMinutes(45), "三诺 安稳+",
                    Map.of("type", "glucose", "value", value, "context", "fasting")));
        }
        return past(diary);
    }

    /** Today in Shanghai: the diary's hours are local ones (07:00 and 20:00 blood pressure). */
    private OffsetDateTime shanghaiMidnight() {
        return ZonedDateTime.now(clock.withZone(ShanghaiTime.ZONE))
                .truncatedTo(ChronoUnit.DAYS).toOffsetDateTime();
    }

    /** Today's later readings have not been taken yet. */
    private List<Observation> past(List<Observation> diary) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        diary.removeIf(o -> o.takenAt.isAfter(now));
        return diary;
    }

    private static Observation home(UUID residentId, OffsetDateTime takenAt, String device, Map<String, Object> json) {
        MeasurementReader.Result read = MeasurementReader.read(json);
        if (!read.isValid()) {
            throw new IllegalStateException("Demo measurement is not plausible: " + read.problems());
        }
        Observation o = new Observation();
        o.id = UUID.randomUUID();
        o.residentId = residentId;
        o.type = read.measurement().type();
        o.takenAt = takenAt;
        o.source = ObservationSource.HOME;
        o.sourceRef = device;
        o.measurement = ObservationValues.of(read.measurement());
        return o;
    }
}
