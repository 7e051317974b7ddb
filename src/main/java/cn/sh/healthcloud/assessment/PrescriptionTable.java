package cn.sh.healthcloud.assessment;

import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which health prescriptions (健康处方) follow from which finding codes. Each prescription is
 * given once however many findings call for it, the worst findings' first, so "请立即就医"
 * heads an urgent printout. A session with nothing above normal gets the general advice.
 */
final class PrescriptionTable {

    private static final Map<String, Prescription> CATALOGUE = Stream.of(
            new Prescription(Prescription.FOLLOW_UP, "follow-up-urgent", "请立即就医。", "Seek medical care now."),
            new Prescription(Prescription.FOLLOW_UP, "follow-up-bp-recheck", "两周内到社区卫生服务中心复测血压。",
                    "Have your blood pressure rechecked at your community health service centre within two weeks."),
            new Prescription(Prescription.FOLLOW_UP, "follow-up-family-doctor", "请尽快预约家庭医生就诊，进一步检查确诊。",
                    "Book an appointment with your family doctor soon for further tests."),
            new Prescription(Prescription.FOLLOW_UP, "follow-up-glucose-recheck", "到社区卫生服务中心复查血糖。",
                    "Have your blood glucose rechecked at your community health service centre."),
            new Prescription(Prescription.FOLLOW_UP, "follow-up-hypoglycaemia",
                    "出现心慌、出汗、手抖时立即吃糖或喝含糖饮料；反复发生低血糖请联系家庭医生。",
                    "If you feel shaky, sweaty or your heart races, take sugar or a sweet drink at once; if low glucose"
                            + " keeps happening, contact your family doctor."),
            new Prescription(Prescription.FOLLOW_UP, "follow-up-heart-rate",
                    "静息心率异常，如伴心慌、头晕、胸闷，请到社区卫生服务中心就诊。",
                    "Your resting heart rate is outside the normal range; if you feel palpitations, dizziness or chest"
                            + " tightness, see a doctor at your community health service centre."),
            new Prescription(Prescription.FOLLOW_UP, "follow-up-ecg", "请尽快到社区卫生服务中心或医院复查心电图。",
                    "Have an ECG repeated at your community health service centre or a hospital soon."),
            new Prescription(Prescription.FOLLOW_UP, "follow-up-spo2-recheck", "静坐休息后复测血氧；如有气促、胸闷请及时就医。",
                    "Rest and measure your oxygen saturation again; if you are short of breath or have chest tightness,"
                            + " see a doctor promptly."),
            new Prescription(Prescription.FOLLOW_UP, "follow-up-see-doctor-soon", "请尽快到医院就诊。",
                    "See a doctor at a hospital soon."),
            new Prescription(Prescription.FOLLOW_UP, "follow-up-fever", "注意休息、多饮水，复测体温；持续发热请到发热门诊就诊。",
                    "Rest, drink plenty and take your temperature again; if the fever persists, go to a fever clinic."),
            new Prescription(Prescription.FOLLOW_UP, "follow-up-fever-clinic", "请尽快到发热门诊就诊。",
                    "Go to a fever clinic soon."),
            new Prescription(Prescription.DIET, "diet-low-salt", "清淡饮食，每日食盐不超过5克。",
                    "Eat lighter, less salty food: no more than 5 g of salt a day."),
            new Prescription(Prescription.DIET, "diet-less-sugar", "控制主食量，少吃甜食、少喝含糖饮料，主食中增加粗杂粮。",
                    "Keep staple portions moderate, cut down on sweets and sugary drinks, and add whole grains."),
            new Prescription(Prescription.DIET, "diet-weight-control", "控制总热量，少油少糖，多吃蔬菜，吃饭七八分饱。",
                    "Eat less overall: less oil and sugar, more vegetables, and stop when you are 70–80% full."),
            new Prescription(Prescription.DIET, "diet-underweight", "一日三餐按时吃，适当增加鱼、禽、蛋、奶和豆制品。",
                    "Eat three regular meals and add fish, poultry, eggs, milk and soy foods."),
            new Prescription(Prescription.EXERCISE, "exercise-moderate",
                    "每周至少150分钟中等强度身体活动，如快走、骑自行车、太极拳，循序渐进。",
                    "At least 150 minutes of moderate activity a week, such as brisk walking, cycling or tai chi,"
                            + " building up gradually."),
            new Prescription(Prescription.LIFESTYLE, "lifestyle-general",
                    "继续保持合理膳食、适量运动、戒烟限酒、心理平衡，定期到智慧健康小屋自测。",
                    "Keep up a balanced diet, regular activity, no smoking, little alcohol and a calm mind, and check"
                            + " yourself regularly at a smart health hut."))
            .collect(Collectors.toMap(Prescription::code, Function.identity()));

    private static final List<String> BP = List.of("diet-low-salt", "exercise-moderate", "follow-up-bp-recheck");
    private static final List<String> GLUCOSE_IMPAIRED = List.of("diet-less-sugar", "exercise-moderate",
            "follow-up-glucose-recheck");
    private static final List<String> GLUCOSE_DIABETIC = List.of("diet-less-sugar", "exercise-moderate",
            "follow-up-family-doctor");
    private static final List<String> WEIGHT = List.of("diet-weight-control", "exercise-moderate");

    /** Finding code to prescription codes; codes not listed (normal, not judged, not scored) call for none. */
    private static final Map<String, List<String>> BY_FINDING = Map.ofEntries(
            entry("bp-high-normal", List.of("diet-low-salt", "exercise-moderate")),
            entry("bp-hypertension-grade-1", BP),
            entry("bp-hypertension-grade-2", BP),
            entry("bp-urgent", List.of("follow-up-urgent")),
            entry("pulse-low", List.of("follow-up-heart-rate")),
            entry("pulse-high", List.of("follow-up-heart-rate")),
            entry("ecg-heart-rate-low", List.of("follow-up-heart-rate")),
            entry("ecg-heart-rate-high", List.of("follow-up-heart-rate")),
            entry("ecg-af-suspected", List.of("follow-up-ecg")),
            entry("ecg-rhythm-other", List.of("follow-up-ecg")),
            entry("glucose-fasting-impaired", GLUCOSE_IMPAIRED),
            entry("glucose-random-impaired", GLUCOSE_IMPAIRED),
            entry("glucose-postprandial-2h-impaired", GLUCOSE_IMPAIRED),
            entry("glucose-fasting-diabetic", GLUCOSE_DIABETIC),
            entry("glucose-random-diabetic", GLUCOSE_DIABETIC),
            entry("glucose-postprandial-2h-diabetic", GLUCOSE_DIABETIC),
            entry("glucose-low", List.of("follow-up-hypoglycaemia")),
            entry("glucose-urgent-low", List.of("follow-up-urgent", "follow-up-hypoglycaemia")),
            entry("glucose-urgent-high", List.of("follow-up-urgent")),
            entry("bmi-underweight", List.of("diet-underweight")),
            entry("bmi-overweight", WEIGHT),
            entry("bmi-obese", WEIGHT),
            entry("waist-central-obesity", WEIGHT),
            entry("waist-hip-ratio-raised", WEIGHT),
            entry("body-fat-obese", WEIGHT),
            entry("spo2-low", List.of("follow-up-spo2-recheck")),
            entry("spo2-very-low", List.of("follow-up-see-doctor-soon")),
            entry("temperature-fever", List.of("follow-up-fever")),
            entry("temperature-high-fever", List.of("follow-up-fever-clinic")));

    static {
        Set<String> unknown = BY_FINDING.values().stream().flatMap(List::stream)
                .filter(code -> !CATALOGUE.containsKey(code)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("prescriptions missing from the catalogue: " + unknown);
        }
    }

    private PrescriptionTable() {
    }

    static List<Prescription> forFindings(List<Finding> findings) {
        if (findings.stream().allMatch(f -> f.level() == Level.NORMAL)) {
            return List.of(CATALOGUE.get("lifestyle-general"));
        }
        Map<String, Prescription> prescriptions = new LinkedHashMap<>();
        List<Finding> worstFirst = new ArrayList<>(findings);
        worstFirst.sort(Comparator.comparing(Finding::level).reversed());
        for (Finding finding : worstFirst) {
            for (String code : BY_FINDING.getOrDefault(finding.code(), List.of())) {
                prescriptions.putIfAbsent(code, CATALOGUE.get(code));
            }
        }
        return List.copyOf(prescriptions.values());
    }

    /** Whether a finding code calls for any prescription (so tests can check that every abnormal finding does). */
    static boolean prescribesFor(String findingCode) {
        return BY_FINDING.containsKey(findingCode);
    }
}
