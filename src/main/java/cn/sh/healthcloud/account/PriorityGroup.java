package cn.sh.healthcloud.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The groups family-doctor services prioritise (重点人群), recorded on the contract. */
public enum PriorityGroup {
    AGED_65_PLUS("aged-65-plus"),
    HYPERTENSION("hypertension"),
    DIABETES("diabetes"),
    CHILD_0_TO_6("child-0-to-6"),
    PREGNANT("pregnant"),
    DISABLED("disabled"),
    SEVERE_MENTAL_ILLNESS("severe-mental-illness"),
    TUBERCULOSIS("tuberculosis");

    private final String id;

    PriorityGroup(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    static PriorityGroup fromJson(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown priority group '" + id + "'"));
    }
}
