package cn.sh.healthcloud.assessment.questionnaire;

import cn.sh.healthcloud.assessment.Prescription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questionnaires residents can answer, by id and version. Answers and results are stored
 * with the version they were given to, so old versions stay here after a new one ships: a result
 * can always be shown against the wording it was answered in. Immutable and thread-safe.
 */
public final class QuestionnaireCatalogue {

    private final Map<String, List<Questionnaire>> byId;

    private QuestionnaireCatalogue(Map<String, List<Questionnaire>> byId) {
        this.byId = byId;
    }

    /** The definitions shipped with the service ({@code questionnaires/index.json} on the classpath). */
    public static QuestionnaireCatalogue shipped() {
        return of(QuestionnaireLoader.loadIndex(QuestionnaireCatalogue.class.getClassLoader()));
    }

    /**
     * A catalogue of these definitions. Refuses two definitions of the same id and version, and
     * one prescription code that means different things in two definitions (a resident's list of
     * prescriptions merges them by code).
     */
    public static QuestionnaireCatalogue of(List<Questionnaire> definitions) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Questionnaire>> byId = new LinkedHashMap<>();
        Map<String, Prescription> prescriptions = new HashMap<>();
        for (Questionnaire q : definitions) {
            List<Questionnaire> versions = byId.computeIfAbsent(q.id(), id -> new ArrayList<>());
            if (versions.stream().anyMatch(v -> v.version() == q.version())) {
                problems.add(q.id() + " version " + q.version() + " is defined twice");
            }
            versions.add(q);
            for (Prescription p : q.prescriptions()) {
                Prescription earlier = prescriptions.putIfAbsent(p.code(), p);
                if (earlier != null && !earlier.equals(p)) {
                    problems.add("prescription " + p.code() + " of " + q.id() + " v" + q.version()
                            + " differs from the one of the same code in another questionnaire");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidQuestionnaireException("questionnaire catalogue", problems);
        }
        byId.replaceAll((id, versions) -> versions.stream()
                .sorted(Comparator.comparingInt(Questionnaire::version)).toList());
        return new QuestionnaireCatalogue(byId);
    }

    /** The latest version of each questionnaire, in the order they were first listed. */
    public List<Questionnaire> latest() {
        return byId.values().stream().map(List::getLast).toList();
    }

    public Optional<Questionnaire> latest(String id) {
        return Optional.ofNullable(byId.get(id)).map(List::getLast);
    }

    public Optional<Questionnaire> find(String id, int version) {
        return byId.getOrDefault(id, List.of()).stream().filter(q -> q.version() == version).findFirst();
    }

    /** Every version of a questionnaire, oldest first (empty when the id is unknown). */
    public List<Questionnaire> versions(String id) {
        return byId.getOrDefault(id, List.of());
    }
}
