package cn.sh.healthcloud.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of community health facility (../shared/reference/facilities.md); {@link #id()} is the API value. */
public enum FacilityType {
    COMMUNITY_HEALTH_CENTER("community-health-center", "社区卫生服务中心"),
    COMMUNITY_HEALTH_SUBCENTER("community-health-subcenter", "社区卫生服务分中心"),
    SERVICE_STATION("service-station", "社区卫生服务站"),
    VILLAGE_CLINIC("village-clinic", "村卫生室"),
    SMART_HEALTH_STATION("smart-health-station", "智慧健康驿站"),
    TCM_STATION("tcm-station", "中医药特色巡诊站"),
    REHAB_CENTER("rehab-center", "社区康复中心"),
    NURSING_CENTER("nursing-center", "社区护理中心"),
    OUTPATIENT_SURGERY("outpatient-surgery", "社区门诊手术室"),
    FEVER_CLINIC("fever-clinic", "社区发热门诊");

    private final String id;
    private final String nameZh;

    FacilityType(String id, String nameZh) {
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

    public static Optional<FacilityType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    @JsonCreator
    static FacilityType fromJson(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown facility type '" + id + "'"));
    }
}
