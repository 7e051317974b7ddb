package cn.sh.healthcloud.assessment;

/** Sex as the sex-specific cut-offs (waist, waist-to-hip ratio, body fat) need it. */
public enum Sex {
    MALE, FEMALE
}
