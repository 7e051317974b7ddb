package cn.sh.healthcloud.directory.seed;

import static cn.sh.healthcloud.directory.CareService.ACUPUNCTURE;
import static cn.sh.healthcloud.directory.CareService.CHRONIC_DISEASE_FOLLOW_UP;
import static cn.sh.healthcloud.directory.CareService.FAMILY_DOCTOR;
import static cn.sh.healthcloud.directory.CareService.FEVER_CLINIC;
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

import cn.sh.healthcloud.directory.CareService;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What each kind of facility offers (facilities.md). Sets are EnumSets so they iterate, and serialise, in
 * the enum's order on every machine.
 */
final class SeedServices {

    private SeedServices() {}

    /** The full menu; pediatrics at most centres, acupuncture/tuina, hospice and counselling at some. */
    static Set<CareService> centre(SplittableRandom random) {
        EnumSet<CareService> services = EnumSet.of(GENERAL_PRACTICE, FAMILY_DOCTOR, TCM, REHABILITATION, NURSING,
                VACCINATION, CHRONIC_DISEASE_FOLLOW_UP, HOME_HOSPITAL_BED);
        addSometimes(services, PEDIATRICS, 0.85, random);
        addSometimes(services, ACUPUNCTURE, 0.65, random);
        addSometimes(services, TUINA, 0.55, random);
        addSometimes(services, HOSPICE_CARE, 0.4, random);
        addSometimes(services, PSYCHOLOGICAL_COUNSELLING, 0.3, random);
        return frozen(services);
    }

    static Set<CareService> subCentre(SplittableRandom random) {
        EnumSet<CareService> services = EnumSet.of(GENERAL_PRACTICE, FAMILY_DOCTOR, CHRONIC_DISEASE_FOLLOW_UP);
        addSometimes(services, TCM, 0.6, random);
        addSometimes(services, VACCINATION, 0.5, random);
        addSometimes(services, REHABILITATION, 0.3, random);
        addSometimes(services, NURSING, 0.3, random);
        addSometimes(services, PEDIATRICS, 0.2, random);
        return frozen(services);
    }

    static Set<CareService> serviceStation(SplittableRandom random) {
        EnumSet<CareService> services = EnumSet.of(GENERAL_PRACTICE, FAMILY_DOCTOR, CHRONIC_DISEASE_FOLLOW_UP);
        addSometimes(services, VACCINATION, 0.15, random);
        addSometimes(services, TCM, 0.25, random);
        return frozen(services);
    }

    static Set<CareService> officeBuildingStation() {
        return frozen(EnumSet.of(GENERAL_PRACTICE, FAMILY_DOCTOR, CHRONIC_DISEASE_FOLLOW_UP));
    }

    static Set<CareService> villageClinic() {
        return frozen(EnumSet.of(GENERAL_PRACTICE, FAMILY_DOCTOR, CHRONIC_DISEASE_FOLLOW_UP));
    }

    static Set<CareService> smartHealthStation() {
        return frozen(EnumSet.of(HEALTH_SELF_CHECK, FITNESS_TEST));
    }

    /** Herbal medicine and acupuncture everywhere; tuina where the team has a therapist. */
    static Set<CareService> tcmStation(SplittableRandom random) {
        EnumSet<CareService> services = EnumSet.of(TCM, ACUPUNCTURE);
        addSometimes(services, TUINA, 0.8, random);
        return frozen(services);
    }

    static Set<CareService> rehabCentre() {
        return frozen(EnumSet.of(REHABILITATION));
    }

    static Set<CareService> nursingCentre() {
        return frozen(EnumSet.of(NURSING));
    }

    static Set<CareService> outpatientSurgery() {
        return frozen(EnumSet.of(MINOR_SURGERY));
    }

    static Set<CareService> feverClinic() {
        return frozen(EnumSet.of(FEVER_CLINIC));
    }

    private static void addSometimes(EnumSet<CareService> services, CareService service, double chance,
            SplittableRandom random) {
        if (random.nextDouble() < chance) {
            services.add(service);
        }
    }

    private static Set<CareService> frozen(EnumSet<CareService> services) {
        return Collections.unmodifiableSet(services);
    }
}
