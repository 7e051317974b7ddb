package cn.sh.healthcloud.assessment.questionnaire;

/** Wording in both languages of the service: Chinese as residents read it, English beside it. */
public record Text(String zh, String en) {

    public Text {
        if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
            throw new IllegalArgumentException("text needs both zh and en");
        }
    }
}
