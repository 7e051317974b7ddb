package cn.sh.healthcloud.assessment;

/** Why a reading is urgent, in words a doctor's work list and a kiosk printout can show. */
public record UrgentFinding(String code, String textZh, String textEn) {
}
