package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.Prescription;
import java.util.List;

/**
 * The health prescriptions (健康处方) a questionnaire result called for, in order: an alert's first,
 * then the band's, then those of single answers. Stored as a JSON object (see PriorityGroups).
 */
public record QuestionnairePrescriptions(List<Item> items) {

    public QuestionnairePrescriptions {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One prescription: kind (diet, exercise, follow-up, lifestyle), its code and its words. */
    public record Item(String kind, String code, String textZh, String textEn) {
    }

    static QuestionnairePrescriptions of(List<Prescription> prescriptions) {
        return new QuestionnairePrescriptions(prescriptions.stream()
                .map(p -> new Item(p.kind(), p.code(), p.textZh(), p.textEn())).toList());
    }
}
