package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.questionnaire.Citation;
import cn.sh.healthcloud.assessment.questionnaire.Questionnaire;
import cn.sh.healthcloud.assessment.questionnaire.Text;

/** A questionnaire residents can answer, as the list shows it: its latest version. */
public record QuestionnaireSummaryView(String id, int version, String kind, Text title, int items, Citation source) {

    static QuestionnaireSummaryView of(Questionnaire q) {
        return new QuestionnaireSummaryView(q.id(), q.version(), q.kind().id(), q.title(), q.items().size(), q.source());
    }
}
