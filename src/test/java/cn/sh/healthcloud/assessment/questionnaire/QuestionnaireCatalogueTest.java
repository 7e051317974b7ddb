package cn.sh.healthcloud.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionnaireCatalogueTest {

    private static final String ITEMS = """
            [{"id": "q", "type": "choice", "text": {"zh": "问", "en": "Question"}, "options": [
                {"value": "no", "score": 0, "text": {"zh": "否", "en": "No"}},
                {"value": "yes", "score": 1, "text": {"zh": "是", "en": "Yes"}}]}]""";
    private static final String BANDS = """
            [{"code": "fine", "from": 0, "to": 0, "level": "normal", "label": {"zh": "好", "en": "Fine"}, "prescriptions": ["rx"]},
             {"code": "not-fine", "from": 1, "to": 1, "level": "attention", "label": {"zh": "注意", "en": "Watch"}}]""";
    private static final String RX = """
            [{"kind": "lifestyle", "code": "rx", "text": {"zh": "保持", "en": "Keep it up"}}]""";

    @Test
    void findsByIdAndVersionAndKnowsTheLatest() {
        QuestionnaireCatalogue catalogue = QuestionnaireCatalogue.of(List.of(version(2), version(1)));

        assertThat(catalogue.latest("test").orElseThrow().version()).isEqualTo(2);
        assertThat(catalogue.find("test", 1)).isPresent();
        assertThat(catalogue.find("test", 3)).isEmpty();
        assertThat(catalogue.versions("test")).extracting(Questionnaire::version).containsExactly(1, 2);
        assertThat(catalogue.latest()).extracting(Questionnaire::version).containsExactly(2);
        assertThat(catalogue.latest("nothing")).isEmpty();
    }

    @Test
    void theShippedCatalogueFindsEachScale() {
        assertThat(Shipped.CATALOGUE.find("phq-9", 1)).isPresent();
        assertThat(Shipped.CATALOGUE.latest("gad-7")).isPresent();
    }

    @Test
    void theSameVersionTwiceIsRefused() {
        assertThatThrownBy(() -> QuestionnaireCatalogue.of(List.of(version(1), version(1))))
                .isInstanceOf(InvalidQuestionnaireException.class).hasMessageContaining("test version 1 is defined twice");
    }

    @Test
    void oneCodeForTwoDifferentPrescriptionsIsRefused() {
        Questionnaire other = QuestionnaireLoader.parse(DefinitionCheckTest.definition(ITEMS, BANDS,
                RX.replace("Keep it up", "Something else")).replace("\"test\"", "\"other\""), "other.v1.json");

        assertThatThrownBy(() -> QuestionnaireCatalogue.of(List.of(version(1), other)))
                .isInstanceOf(InvalidQuestionnaireException.class)
                .hasMessageContaining("prescription rx of other v1 differs");
    }

    @Test
    void anIndexedFileMustBeNamedAfterItsIdAndVersion(@TempDir Path root) throws IOException {
        Path directory = Files.createDirectories(root.resolve("questionnaires"));
        Files.writeString(directory.resolve("index.json"), "{\"questionnaires\": [\"wrong-name.v1.json\"]}");
        Files.writeString(directory.resolve("wrong-name.v1.json"), DefinitionCheckTest.definition(ITEMS, BANDS, RX));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> QuestionnaireLoader.loadIndex(loader))
                    .isInstanceOf(InvalidQuestionnaireException.class)
                    .hasMessageContaining("must be named test.v1.json");
        }
    }

    @Test
    void aFileMissingFromTheClasspathIsReported(@TempDir Path root) throws IOException {
        Path directory = Files.createDirectories(root.resolve("questionnaires"));
        Files.writeString(directory.resolve("index.json"), "{\"questionnaires\": [\"gone.v1.json\"]}");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> QuestionnaireLoader.loadIndex(loader))
                    .isInstanceOf(InvalidQuestionnaireException.class)
                    .hasMessageContaining("questionnaires/gone.v1.json: is not on the classpath");
        }
    }

    private static Questionnaire version(int version) {
        return QuestionnaireLoader.parse(DefinitionCheckTest.definition(ITEMS, BANDS, RX)
                .replace("\"version\": 1", "\"version\": " + version), "test.v" + version + ".json");
    }
}
