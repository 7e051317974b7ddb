package cn.sh.healthcloud.account;

import java.util.List;

/** A page of questionnaire responses, newest first. */
public record QuestionnaireResponsePage(List<QuestionnaireResponseView> items, int page, int size, boolean hasMore) {
}
