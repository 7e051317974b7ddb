package cn.sh.healthcloud.assessment.questionnaire;

import java.util.Optional;

/**
 * One question or input. A scored item adds {@code weight} × its answer's score to the total;
 * an unscored one (e.g. "have you had a stroke?") only feeds band rules and alerts.
 */
public sealed interface Item permits ChoiceItem, NumberItem {

    String id();

    Text text();

    boolean required();

    boolean scored();

    int weight();

    /** Empty when the resident answers it; otherwise what a kiosk or the ID card can fill it from. */
    Optional<FilledFrom> filledFrom();

    /** Lowest and highest weighted score this item can add (0 and 0 when unscored). */
    int minScore();

    int maxScore();
}
