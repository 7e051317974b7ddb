package cn.sh.healthcloud.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Answers to a questionnaire: by item id, a choice item's option {@code value} (a string) or a
 * number item's number. {@code version} is the version the client showed; the latest when absent.
 */
public record QuestionnaireAnswersRequest(Integer version, @NotNull @Size(max = 100) Map<String, Object> answers) {
}
