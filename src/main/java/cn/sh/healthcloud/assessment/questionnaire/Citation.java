package cn.sh.healthcloud.assessment.questionnaire;

/** Where a questionnaire comes from and on what terms we may use it (SOURCES.md says more). */
public record Citation(String reference, String licence) {

    public Citation {
        if (reference == null || reference.isBlank() || licence == null || licence.isBlank()) {
            throw new IllegalArgumentException("a source needs its reference and its licence");
        }
    }
}
