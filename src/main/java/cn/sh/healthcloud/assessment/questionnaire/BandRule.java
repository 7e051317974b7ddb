package cn.sh.healthcloud.assessment.questionnaire;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Raises the result to at least band {@code atLeastBand} (bands are listed mildest first) when
 * any of its conditions holds, whatever the total: e.g. a past stroke or TIA makes a resident
 * high risk for stroke with no other factor.
 */
public record BandRule(String code, List<AnswerCondition> anyOf, String atLeastBand, Text reason) {

    public BandRule {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(atLeastBand, "atLeastBand");
        Objects.requireNonNull(reason, "reason");
        anyOf = List.copyOf(anyOf);
    }

    public boolean appliesTo(Map<String, ?> answers) {
        return anyOf.stream().anyMatch(c -> c.holdsFor(answers));
    }
}
