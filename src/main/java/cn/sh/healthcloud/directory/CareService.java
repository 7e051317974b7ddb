package cn.sh.healthcloud.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a facility offers (../shared/reference/facilities.md). The same vocabulary names appointment
 * services, so an id here never changes meaning.
 */
public enum CareService {
    GENERAL_PRACTICE("general-practice", "全科"),
    FAMILY_DOCTOR("family-doctor", "家庭医生签约"),
    PEDIATRICS("pediatrics", "儿科"),
    TCM("tcm", "中医"),
    ACUPUNCTURE("acupuncture", "针灸"),
    TUINA("tuina", "推拿"),
    REHABILITATION("rehabilitation", "康复"),
    NURSING("nursing", "护理"),
    MINOR_SURGERY("minor-surgery", "门诊小手术"),
    VACCINATION("vaccination", "预防接种"),
    CHRONIC_DISEASE_FOLLOW_UP("chronic-disease-follow-up", "慢病随访"),
    HEALTH_SELF_CHECK("health-self-check", "健康自检"),
    FITNESS_TEST("fitness-test", "体质监测"),
    PSYCHOLOGICAL_COUNSELLING("psychological-counselling", "心理咨询"),
    HOME_HOSPITAL_BED("home-hospital-bed", "家庭病床"),
    HOSPICE_CARE("hospice-care", "安宁疗护"),
    FEVER_CLINIC("fever-clinic", "发热门诊");

    private final String id;
    private final String nameZh;

    CareService(String id, String nameZh) {
        this.id = id;
        this.nameZh = nameZh;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Optional<CareService> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    @JsonCreator
    static CareService fromJson(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown service '" + id + "'"));
    }
}
