package cn.sh.healthcloud.assessment.stratification;

import java.util.Objects;

/** Why a resident is in their class: a stable code and the sentence shown to them and their doctor. */
public record Reason(String code, String textZh, String textEn) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(textZh, "textZh");
        Objects.requireNonNull(textEn, "textEn");
    }
}
