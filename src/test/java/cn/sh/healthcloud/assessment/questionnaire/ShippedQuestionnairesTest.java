package cn.sh.healthcloud.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sh.healthcloud.assessment.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShippedQuestionnairesTest {

    @Test
    void everyShippedDefinitionLoadsAndValidates() {
        List<Questionnaire> loaded = QuestionnaireLoader.loadIndex(getClass().getClassLoader());

        assertThat(loaded).extracting(Questionnaire::id)
                .containsExactly("phq-9", "gad-7", "cn-diabetes-risk", "stroke-risk", "frail", "lifestyle");
        assertThat(Shipped.CATALOGUE.latest()).hasSize(6);
    }

    @Test
    void everyFileInTheDirectoryIsListedInTheIndex() throws IOException {
        Path directory = Path.of("src/main/resources/questionnaires");
        try (Stream<Path> files = Files.list(directory)) {
            List<String> definitions = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches(".+\\.v\\d+\\.json")).sorted().toList();
            List<String> indexed = Shipped.CATALOGUE.latest().stream().flatMap(q -> Shipped.CATALOGUE.versions(q.id()).stream())
                    .map(q -> q.id() + ".v" + q.version() + ".json").sorted().toList();
            assertThat(definitions).isEqualTo(indexed);
        }
    }

    @Test
    void totalsRunOverThePublishedRanges() {
        assertRange("phq-9", 0, 27);
        assertRange("gad-7", 0, 21);
        assertRange("cn-diabetes-risk", 0, 51);
        assertRange("stroke-risk", 0, 8);
        assertRange("frail", 0, 5);
        assertRange("lifestyle", 0, 3);
    }

    @Test
    void theLifestyleChecklistSaysItIsNotAValidatedScale() {
        assertThat(Shipped.latest("lifestyle").kind()).isEqualTo(QuestionnaireKind.SCREENING_CHECKLIST);
        assertThat(Shipped.latest("lifestyle").instructions().en()).contains("not a validated scale");
        assertThat(Shipped.latest("phq-9").kind()).isEqualTo(QuestionnaireKind.VALIDATED_SCALE);
        assertThat(Shipped.latest("cn-diabetes-risk").kind()).isEqualTo(QuestionnaireKind.RISK_SCORE);
    }

    @Test
    void everyDefinitionCitesItsSourceAndLicence() {
        for (Questionnaire q : Shipped.CATALOGUE.latest()) {
            assertThat(q.source().reference()).as(q.id()).isNotBlank();
            assertThat(q.source().licence()).as(q.id()).isNotBlank();
        }
    }

    @Test
    void theMildestBandOfEveryScaleIsNormal() {
        for (Questionnaire q : Shipped.CATALOGUE.latest()) {
            assertThat(q.bands().getFirst().level()).as(q.id()).isEqualTo(Level.NORMAL);
            assertThat(q.bands()).as(q.id()).allSatisfy(b -> assertThat(b.level()).isNotNull());
        }
    }

    @Test
    void prescriptionCodesDoNotReuseTheMeasurementReportCodes() {
        // Codes of PrescriptionTable: a resident's list merges prescriptions by code, so a questionnaire
        // must not give one of these a different text.
        List<String> measurementCodes = List.of("follow-up-urgent", "follow-up-bp-recheck", "follow-up-family-doctor",
                "follow-up-glucose-recheck", "follow-up-hypoglycaemia", "follow-up-heart-rate", "follow-up-ecg",
                "follow-up-spo2-recheck", "follow-up-see-doctor-soon", "follow-up-fever", "follow-up-fever-clinic",
                "diet-low-salt", "diet-less-sugar", "diet-weight-control", "diet-underweight", "exercise-moderate",
                "lifestyle-general");
        for (Questionnaire q : Shipped.CATALOGUE.latest()) {
            assertThat(q.prescriptionsByCode().keySet()).as(q.id()).doesNotContainAnyElementsOf(measurementCodes);
        }
    }

    private static void assertRange(String id, int min, int max) {
        Questionnaire q = Shipped.latest(id);
        assertThat(q.minScore()).as(id + " lowest total").isEqualTo(min);
        assertThat(q.maxScore()).as(id + " highest total").isEqualTo(max);
    }
}
