package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.questionnaire.Questionnaire;
import cn.sh.healthcloud.assessment.questionnaire.QuestionnaireCatalogue;
import cn.sh.healthcloud.problem.Problem.FieldError;
import cn.sh.healthcloud.problem.ProblemException;
import cn.sh.healthcloud.problem.QueryParameters;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The self-assessment questionnaires (统一自评量表) residents can answer: definitions, no personal
 * data. On the event loop: the definitions never leave memory.
 */
@Path("/api/questionnaires")
@Authenticated
@NonBlocking
@Tag(name = "Questionnaires", description = "Self-assessment scales and the prescriptions they call for")
class QuestionnaireResource {

    private final QuestionnaireCatalogue catalogue;

    QuestionnaireResource(QuestionnaireCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(summary = "The latest version of each questionnaire")
    public List<QuestionnaireSummaryView> list() {
        return catalogue.latest().stream().map(QuestionnaireSummaryView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One questionnaire to render: items, options, texts, bands (the latest version unless version=N)")
    public QuestionnaireDefinitionView one(@RestPath String id, @RestQuery String version) {
        List<FieldError> errors = new ArrayList<>();
        int v = QueryParameters.wholeNumber("version", version, 0, 1, 10_000, errors);
        QueryParameters.rejectIfAny(errors);
        Questionnaire found = (version == null ? catalogue.latest(id) : catalogue.find(id, v))
                .orElseThrow(() -> ProblemException.notFound(version == null || catalogue.latest(id).isEmpty()
                        ? "No such questionnaire" : "This questionnaire has no such version"));
        return QuestionnaireDefinitionView.of(found);
    }
}
