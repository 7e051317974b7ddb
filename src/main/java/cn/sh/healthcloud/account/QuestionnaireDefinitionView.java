package cn.sh.healthcloud.account;

import cn.sh.healthcloud.assessment.questionnaire.Band;
import cn.sh.healthcloud.assessment.questionnaire.ChoiceItem;
import cn.sh.healthcloud.assessment.questionnaire.Citation;
import cn.sh.healthcloud.assessment.questionnaire.FilledFrom;
import cn.sh.healthcloud.assessment.questionnaire.Item;
import cn.sh.healthcloud.assessment.questionnaire.NumberItem;
import cn.sh.healthcloud.assessment.questionnaire.Questionnaire;
import cn.sh.healthcloud.assessment.questionnaire.Text;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One version of a questionnaire as a client renders it: the items in order with their options
 * (the {@code value} is what an answer sends) or their accepted range, and which items the service
 * fills from the resident's ID card or latest measurements when they are left out ({@code filledFrom}).
 */
public record QuestionnaireDefinitionView(String id, int version, String kind, Text title, Text instructions,
        Citation source, List<ItemView> items, List<BandView> bands) {

    /** A choice item ({@code options}) or a number item ({@code unit}, {@code min}, {@code max}, {@code integer}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemView(String id, String type, Text text, boolean required, String filledFrom,
            List<OptionView> options, Text unit, Double min, Double max, Boolean integer) {
    }

    public record OptionView(String value, int score, Text text) {
    }

    /** The totals from {@code from} to {@code to}; a band with neither is reached only by a rule (e.g. a past stroke). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BandView(String code, Integer from, Integer to, ReportLevel level, Text label) {
    }

    static QuestionnaireDefinitionView of(Questionnaire q) {
        return new QuestionnaireDefinitionView(q.id(), q.version(), q.kind().id(), q.title(), q.instructions(), q.source(),
                q.items().stream().map(QuestionnaireDefinitionView::item).toList(),
                q.bands().stream().map(QuestionnaireDefinitionView::band).toList());
    }

    private static ItemView item(Item item) {
        String filledFrom = item.filledFrom().map(FilledFrom::id).orElse(null);
        return switch (item) {
            case ChoiceItem choice -> new ItemView(choice.id(), "choice", choice.text(), choice.required(), filledFrom,
                    choice.options().stream().map(o -> new OptionView(o.value(), o.score(), o.text())).toList(),
                    null, null, null, null);
            case NumberItem number -> new ItemView(number.id(), "number", number.text(), number.required(), filledFrom,
                    null, number.unit(), number.min(), number.max(), number.integer());
        };
    }

    private static BandView band(Band band) {
        return new BandView(band.code(), band.from(), band.to(), ReportLevel.valueOf(band.level().name()), band.label());
    }
}
