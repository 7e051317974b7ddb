package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.questionnaire.QuestionnaireCatalogue;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The questionnaire definitions shipped with the service, loaded and checked once at start-up:
 * a definition with a band gap or a dangling reference stops the service rather than a resident.
 */
final class ShippedQuestionnaires {

    private ShippedQuestionnaires() {
    }

    @Produces
    @Singleton
    @Startup
    static QuestionnaireCatalogue catalogue() {
        return QuestionnaireCatalogue.shipped();
    }
}
